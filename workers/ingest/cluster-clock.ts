// The latest cluster time Uptrust has seen for one cluster. Emulated or skewed clusters do not share
// the worker's clock, so "now" for a cluster is whatever its own objects last said, and it only moves forward.
export class ClusterClock {
  private latest: Date | undefined;
  private dirty = false;

  constructor(initial?: Date) {
    this.latest = initial;
  }

  observe(t: Date | undefined | null): void {
    if (!t || Number.isNaN(t.getTime())) return;
    if (!this.latest || t > this.latest) {
      this.latest = t;
      this.dirty = true;
    }
  }

  /** Cluster time if any was seen; the worker's clock only before the cluster has told us anything. */
  now(): Date {
    return this.latest ?? new Date();
  }

  /** The new time to persist, once per advance. */
  takeAdvance(): Date | undefined {
    if (!this.dirty) return undefined;
    this.dirty = false;
    return this.latest;
  }
}

// What one cluster's write buffers hold but the database does not have yet. Every buffer (pods, events,
// workloads, log lines) reports here, so the cluster's health can say how far behind ingest is (the
// age of the oldest fact still waiting) and how much a database outage has cost (facts dropped because
// a bounded buffer was full).

export type BufferGauge = {
  name: string;
  oldestPendingAt(): number | undefined;
  dropped(): number;
  /** How full the buffer is, 0 (empty) to 1 (full: new facts are dropped). */
  fill(): number;
};

export class Backlog {
  private gauges: BufferGauge[] = [];

  add(gauge: BufferGauge): void {
    this.gauges.push(gauge);
  }

  /** Milliseconds the oldest unwritten fact has waited; 0 when everything seen is stored. */
  lagMs(now = Date.now()): number {
    const oldest = Math.min(...this.gauges.map((g) => g.oldestPendingAt() ?? Infinity));
    return Number.isFinite(oldest) ? Math.max(0, now - oldest) : 0;
  }

  dropped(): number {
    return this.gauges.reduce((n, g) => n + g.dropped(), 0);
  }

  /** Each buffer's name and how full it is (0 to 1). */
  fills(): { name: string; fill: number }[] {
    return this.gauges.map((g) => ({ name: g.name, fill: g.fill() }));
  }

  /** Names of the buffers that are full and dropping facts right now. */
  full(): string[] {
    return this.gauges.filter((g) => g.fill() >= 1).map((g) => g.name);
  }
}

import type { PodRow } from "@/lib/k8s/map-pod.ts";

// The live pods of one cluster as the objects stream last saw them. Logs decide whom to follow from it
// and metrics attribute usage to workloads through it, without asking the database.
export class PodIndex {
  private byUid = new Map<string, PodRow>();
  private byName = new Map<string, PodRow>();
  private listeners = new Set<(pod: PodRow, deleted: boolean) => void>();
  private warnings = new Map<string, number>();
  private listed!: () => void;
  /** Resolves once the first full pod list is in: usage polled before that could not name its workload. */
  readonly firstList = new Promise<void>((resolve) => (this.listed = resolve));

  markListed(): void {
    this.listed();
  }

  set(pod: PodRow): void {
    const old = this.byUid.get(pod.uid);
    if (old) this.byName.delete(`${old.namespace}/${old.name}`);
    this.byUid.set(pod.uid, pod);
    this.byName.set(`${pod.namespace}/${pod.name}`, pod);
    for (const l of this.listeners) l(pod, false);
  }

  delete(uid: string): void {
    const pod = this.byUid.get(uid);
    if (!pod) return;
    this.byUid.delete(uid);
    if (this.byName.get(`${pod.namespace}/${pod.name}`)?.uid === uid) {
      this.byName.delete(`${pod.namespace}/${pod.name}`);
      this.warnings.delete(`${pod.namespace}/${pod.name}`);
    }
    for (const l of this.listeners) l(pod, true);
  }

  /** After a fresh list: pods deleted while the watch was down would otherwise linger here forever. */
  retainOnly(uids: Set<string>): void {
    for (const uid of [...this.byUid.keys()]) if (!uids.has(uid)) this.delete(uid);
  }

  /** A Warning event about this pod, at its cluster time: its logs are worth reading for a while. */
  noteWarning(namespace: string, name: string, at: number): void {
    const key = `${namespace}/${name}`;
    this.warnings.set(key, Math.max(at, this.warnings.get(key) ?? -Infinity));
  }

  warnedSince(namespace: string, name: string, since: number): boolean {
    const at = this.warnings.get(`${namespace}/${name}`);
    if (at === undefined) return false;
    if (at < since) this.warnings.delete(`${namespace}/${name}`);
    return at >= since;
  }

  get(namespace: string, name: string): PodRow | undefined {
    return this.byName.get(`${namespace}/${name}`);
  }

  all(): PodRow[] {
    return [...this.byUid.values()];
  }

  subscribe(listener: (pod: PodRow, deleted: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

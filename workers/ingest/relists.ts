// Asks every informer of one cluster to list again, and every log follower to start again from the
// last line stored. After write buffers overflowed (a database outage longer than they hold), the
// facts dropped are gone from the worker but not from the cluster: a fresh list re-reads every object
// and every live event, the kubelet still has the log lines, and the idempotent writes add back
// exactly what was missing.

export class Relists {
  private generation = 0;
  private listeners = new Set<() => void>();

  request(): void {
    this.generation += 1;
    for (const l of this.listeners) l();
  }

  current(): number {
    return this.generation;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

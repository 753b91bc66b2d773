import { backoffMs, describeError } from "./backoff.ts";

// Collects updates keyed by object, so a pod that changes ten times between flushes is written once
// with its latest state. The queue is bounded by the number of distinct objects, not by update rate.
// Writes happen one batch at a time; a failed write keeps its items (unless newer ones arrived) and
// retries with backoff, so a database restart delays ingest instead of losing state.

export class KeyedBatcher<T> {
  private pending = new Map<string, T>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private failures = 0;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly options: { name: string; maxBatch?: number; intervalMs?: number; log: (m: string) => void },
  ) {}

  put(key: string, item: T): void {
    this.pending.set(key, item);
    if (this.pending.size >= (this.options.maxBatch ?? 500)) void this.flush();
    else this.schedule(this.options.intervalMs ?? 250);
  }

  private schedule(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.writing = this.write([...batch.values()])
      .then(() => {
        this.failures = 0;
      })
      .catch((err: unknown) => {
        this.failures += 1;
        for (const [k, v] of batch) if (!this.pending.has(k)) this.pending.set(k, v);
        this.options.log(`${this.options.name}: write failed (${describeError(err)}); ${this.pending.size} kept for retry`);
        this.schedule(backoffMs(this.failures, 250, 10_000));
      })
      .finally(() => {
        this.writing = undefined;
      });
    await this.writing;
  }

  /** Final flush on shutdown: one attempt, no retry. */
  async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

import { backoffMs, describeError } from "./backoff.ts";
import type { BufferGauge } from "./backlog.ts";
import { writeIsolatingRefused } from "./isolate-bad-rows.ts";

// Collects updates keyed by object, so a pod that changes ten times between flushes is written once
// with its latest state. Writes happen one batch at a time; a failed write keeps its items (unless
// newer ones arrived) and retries with backoff, so a database restart delays ingest instead of losing
// state. Bounded by distinct keys: during a long outage, updates of objects already queued still
// land, new objects past `maxPending` are dropped and counted (a relist after recovery brings back
// those the cluster still has).

const DEFAULT_MAX_PENDING = 25_000; // UPTRUST_INGEST_BUFFER_ROWS

export class KeyedBatcher<T> implements BufferGauge {
  private pending = new Map<string, T>();
  private pendingSince: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private writingSince: number | undefined;
  private failures = 0;
  private droppedCount = 0;
  readonly name: string;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly options: { name: string; maxBatch?: number; intervalMs?: number; maxPending?: number; log: (m: string) => void },
  ) {
    this.name = options.name;
  }

  put(key: string, item: T): void {
    if (!this.pending.has(key) && this.pending.size >= this.maxPending()) {
      if (++this.droppedCount % 1000 === 1) {
        this.options.log(`${this.name}: write buffer full (${this.pending.size} waiting for the database); ${this.droppedCount} new objects dropped so far`);
      }
      return;
    }
    this.pending.set(key, item);
    this.pendingSince ??= Date.now();
    if (this.pending.size >= (this.options.maxBatch ?? 500) && this.failures === 0) void this.flush();
    else this.schedule(this.options.intervalMs ?? 250);
  }

  oldestPendingAt(): number | undefined {
    return this.writingSince ?? this.pendingSince;
  }

  dropped(): number {
    return this.droppedCount;
  }

  fill(): number {
    return Math.min(1, this.pending.size / this.maxPending());
  }

  private maxPending(): number {
    return this.options.maxPending ?? DEFAULT_MAX_PENDING;
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
    const since = this.pendingSince;
    this.pending = new Map();
    this.pendingSince = undefined;
    this.writingSince = since;
    const refused = (_item: T, err: Error) => this.options.log(`${this.name}: skipped a row the database refuses (${err.message})`);
    this.writing = writeIsolatingRefused(this.write, [...batch.values()], refused)
      .then(() => {
        this.failures = 0;
      })
      .catch((err: unknown) => {
        this.failures += 1;
        for (const [k, v] of batch) if (!this.pending.has(k)) this.pending.set(k, v);
        this.pendingSince = Math.min(since ?? Date.now(), this.pendingSince ?? Date.now());
        this.options.log(`${this.name}: write failed (${describeError(err)}); ${this.pending.size} kept for retry`);
        this.schedule(backoffMs(this.failures, 250, 10_000));
      })
      .finally(() => {
        this.writing = undefined;
        this.writingSince = undefined;
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

import { insertLogLines, type LogLineRow } from "@/lib/db/ingest/insert-log-lines.ts";
import { createByteBudget } from "@/lib/domain/byte-budget.ts";
import { backoffMs, describeError } from "./backoff.ts";
import type { BufferGauge } from "./backlog.ts";
import type { ClusterContext } from "./cluster-context.ts";
import { writeIsolatingRefused } from "./isolate-bad-rows.ts";

// Log lines from all followers of one cluster, written in batches (by size, or every 250 ms).
// Bounded (UPTRUST_INGEST_BUFFER_ROWS): during a long database outage the oldest lines go first, and
// the loss is logged and counted.

export class LogWriter implements BufferGauge {
  readonly name = "logs";
  private buffer: LogLineRow[] = [];
  private bufferSince: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private failures = 0;
  private droppedLines = 0;
  private overBudget = 0;
  private readonly budget;
  written = 0;

  constructor(private readonly ctx: ClusterContext) {
    this.budget = createByteBudget(ctx.config.logBytesPerMinute);
  }

  oldestPendingAt(): number | undefined {
    return this.buffer.length > 0 ? this.bufferSince : undefined;
  }

  dropped(): number {
    return this.droppedLines;
  }

  fill(): number {
    return Math.min(1, this.buffer.length / this.ctx.config.bufferRows);
  }

  add(row: LogLineRow): void {
    if (!this.budget.take(Buffer.byteLength(row.message), Date.now())) {
      if (++this.overBudget % 1000 === 1) this.ctx.log(`logs: over the cluster's ${this.ctx.config.logBytesPerMinute} bytes a minute (UPTRUST_LOG_BYTES_PER_MINUTE); ${this.overBudget} lines dropped so far`);
      return;
    }
    if (this.buffer.length >= this.ctx.config.bufferRows) {
      this.buffer.shift();
      if (++this.droppedLines % 1000 === 1) this.ctx.log(`logs: write buffer full (${this.ctx.config.bufferRows} lines waiting for the database); ${this.droppedLines} oldest lines dropped so far`);
    }
    if (this.buffer.length === 0) this.bufferSince = Date.now();
    this.buffer.push(row);
    if (this.buffer.length >= 1000) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), 250);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.writing) await this.writing;
    if (this.buffer.length === 0) return;
    const batch = this.buffer.splice(0, 5000);
    const startedAt = Date.now();
    let stored = 0;
    const write = async (rows: LogLineRow[]) => void (stored += await insertLogLines(this.ctx.db, this.ctx.clusterId, rows));
    const refused = (row: LogLineRow, err: Error) => this.ctx.skip("logs", `${row.namespace}/${row.pod}/${row.container}: line refused by the database (${err.message})`);
    this.writing = writeIsolatingRefused(write, batch, refused)
      .then(() => {
        this.written += stored;
        this.failures = 0;
        // Lines still buffered arrived no earlier than this batch began to be written.
        if (this.buffer.length > 0) this.bufferSince = Math.max(this.bufferSince ?? startedAt, startedAt);
      })
      .catch((err: unknown) => {
        this.buffer.unshift(...batch);
        this.failures += 1;
        this.ctx.log(`logs: write failed (${describeError(err)}); retrying`);
        this.timer ??= setTimeout(() => void this.flush(), backoffMs(this.failures, 250, 10_000));
      })
      .finally(() => {
        this.writing = undefined;
      });
    await this.writing;
    if (this.buffer.length > 0) this.timer ??= setTimeout(() => void this.flush(), 0);
  }

  async drain(): Promise<void> {
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

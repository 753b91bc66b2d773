import type pg from "pg";
import { recordIngestProgress, setClusterStatus, type ClusterStatus } from "@/lib/db/ingest/upsert-cluster.ts";
import { describeError } from "./backoff.ts";
import type { Backlog } from "./backlog.ts";

// Turns per-stream connection reports and the write backlog into the cluster's one status: any stream
// cut off from the API server makes the cluster `unreachable` (with that stream's error); full write
// buffers (the database has not taken writes for long enough to fill them) make it `degraded`; all
// streams listing again with buffers draining make it `connected`. Only transitions are written and
// logged, so a flapping watch is one line, not a flood. The heartbeat records lag and drops.
export class ClusterHealth {
  private failing = new Map<string, string>();
  private fullBuffers: string[] = [];
  private current: { status: ClusterStatus; error: string | null } | undefined;
  private writes: Promise<void> = Promise.resolve();
  private droppedRecorded = 0;
  private failedWrites = 0;

  constructor(
    private readonly db: pg.Pool,
    private readonly clusterId: string,
    private readonly describeTarget: string,
    private readonly log: (m: string) => void,
  ) {}

  report(stream: string, err: unknown | null): void {
    if (err === null) this.failing.delete(stream);
    else this.failing.set(stream, describeError(err));
    this.update();
  }

  /** Called every few seconds: records lag and drops, and flags buffers that filled during an outage. */
  heartbeat(backlog: Backlog): void {
    const full = backlog.full();
    if (full.join() !== this.fullBuffers.join()) {
      this.fullBuffers = full;
      if (full.length) this.log(`DATABASE WRITES FAILING: write buffers full (${full.join(", ")}); new facts are being dropped until the database takes writes again`);
      this.update();
    }
    const dropped = backlog.dropped();
    const delta = dropped - this.droppedRecorded;
    const lag = backlog.lagMs();
    this.enqueue(() => recordIngestProgress(this.db, this.clusterId, lag, delta).then(() => void (this.droppedRecorded = dropped)));
  }

  private update(): void {
    const [firstStream, firstError] = [...this.failing.entries()][0] ?? [];
    const next: { status: ClusterStatus; error: string | null } = firstStream
      ? { status: "unreachable", error: `${firstStream}: ${firstError}` }
      : this.fullBuffers.length
        ? { status: "degraded", error: `database writes failing: ${this.fullBuffers.join(", ")} buffer full, new facts dropped` }
        : { status: "connected", error: null };
    if (next.status === this.current?.status) return;
    this.current = next;
    if (next.status === "unreachable") this.log(`unreachable: ${this.describeTarget}: ${next.error}; Uptrust keeps retrying`);
    else if (next.status === "connected") this.log(`connected to ${this.describeTarget}`);
    this.enqueue(() => setClusterStatus(this.db, this.clusterId, next.status, next.error));
  }

  private enqueue(write: () => Promise<void>): void {
    this.writes = this.writes
      .then(write)
      .then(() => void (this.failedWrites = 0))
      .catch((e: unknown) => {
        if (this.failedWrites++ % 12 === 0) this.log(`status not recorded: ${describeError(e)}`);
      });
  }

  settled(): Promise<void> {
    return this.writes;
  }
}

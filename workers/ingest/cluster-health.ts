import type pg from "pg";
import { setClusterStatus, type ClusterStatus } from "@/lib/db/ingest/upsert-cluster.ts";
import { describeError } from "./backoff.ts";

// Turns per-stream connection reports into the cluster's one status: any stream cut off from the
// API server makes the cluster `unreachable` (with that stream's error), all streams listing again make
// it `connected`. Only transitions are written and logged, so a flapping watch is one line, not a flood.
export class ClusterHealth {
  private failing = new Map<string, string>();
  private current: ClusterStatus | undefined;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: pg.Pool,
    private readonly clusterId: string,
    private readonly describeTarget: string,
    private readonly log: (m: string) => void,
  ) {}

  report(stream: string, err: unknown | null): void {
    if (err === null) this.failing.delete(stream);
    else this.failing.set(stream, describeError(err));
    const [firstStream, firstError] = [...this.failing.entries()][0] ?? [];
    const next: ClusterStatus = this.failing.size > 0 ? "unreachable" : "connected";
    if (next === this.current) return;
    this.current = next;
    const lastError = firstStream ? `${firstStream}: ${firstError}` : null;
    if (next === "unreachable") this.log(`unreachable: ${this.describeTarget}: ${lastError}; Uptrust keeps retrying`);
    else this.log(`connected to ${this.describeTarget}`);
    this.writes = this.writes
      .then(() => setClusterStatus(this.db, this.clusterId, next, lastError))
      .catch((e: unknown) => this.log(`status not recorded: ${describeError(e)}`));
  }

  settled(): Promise<void> {
    return this.writes;
  }
}

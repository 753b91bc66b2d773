import type { KubeConfig } from "@kubernetes/client-node";
import type pg from "pg";
import type { Backlog } from "./backlog.ts";
import type { ClusterClock } from "./cluster-clock.ts";
import type { Relists } from "./relists.ts";
import type { IngestConfig } from "./config.ts";

// Everything a stream needs to work on one cluster; streams never reach for globals.
export type ClusterContext = {
  clusterId: string;
  name: string;
  server: string;
  source: string;
  kc: KubeConfig;
  db: pg.Pool;
  config: IngestConfig;
  clock: ClusterClock;
  signal: AbortSignal;
  /** Every write buffer of this cluster registers here, for lag and drop reporting. */
  backlog: Backlog;
  /** Bumped when every stream should list again (after buffers dropped facts). */
  relists: Relists;
  log: (message: string) => void;
  /** A malformed object was skipped: counted per reason kind and logged (rate-limited). */
  skip: (stream: string, reason: string) => void;
  /** A stream lost (err) or regained (null) its connection to the cluster. */
  health: (stream: string, err: unknown | null) => void;
};

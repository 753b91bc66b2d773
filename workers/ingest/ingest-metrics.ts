import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import type { Backlog } from "./backlog.ts";

export type IngestMetrics = ReturnType<typeof ingestMetrics>;

// What the ingest worker tells the team's Prometheus about itself, per cluster it holds: how far behind the
// database is (the age of the oldest fact still waiting), how full each write buffer is, facts dropped because
// one was full, and streams cut off from the API server or restarted after a crash; with the process's own CPU,
// memory and event-loop figures. The figures are those the cluster's heartbeat writes to PostgreSQL.
export function ingestMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "uptrust_ingest_" });
  const lag = new Gauge({
    name: "uptrust_ingest_lag_seconds",
    help: "Age of the oldest fact seen in the cluster but not yet stored in PostgreSQL (0 when all is stored).",
    labelNames: ["cluster"] as const,
    registers: [registry],
  });
  const fill = new Gauge({
    name: "uptrust_ingest_buffer_fill_ratio",
    help: "How full each write buffer is, 0 to 1; at 1 new facts are dropped until PostgreSQL takes writes again.",
    labelNames: ["cluster", "buffer"] as const,
    registers: [registry],
  });
  const dropped = new Counter({
    name: "uptrust_ingest_facts_dropped_total",
    help: "Facts dropped because a write buffer was full (PostgreSQL did not take writes for long enough).",
    labelNames: ["cluster"] as const,
    registers: [registry],
  });
  const streamErrors = new Counter({
    name: "uptrust_ingest_stream_errors_total",
    help: "Times a stream (a watch, the log followers, the metrics poll) lost the API server and went back to retrying.",
    labelNames: ["cluster", "stream"] as const,
    registers: [registry],
  });
  const restarts = new Counter({
    name: "uptrust_ingest_stream_restarts_total",
    help: "Times a stream crashed and was restarted with backoff.",
    labelNames: ["cluster", "stream"] as const,
    registers: [registry],
  });
  return {
    registry,
    /** A cluster's heartbeat: its lag, its buffers and the facts dropped since the last one. */
    heartbeat(cluster: string, backlog: Backlog, droppedSince: number) {
      lag.set({ cluster }, backlog.lagMs() / 1000);
      for (const b of backlog.fills()) fill.set({ cluster, buffer: b.name }, b.fill);
      dropped.inc({ cluster }, Math.max(0, droppedSince));
    },
    streamError(cluster: string, stream: string) {
      streamErrors.inc({ cluster, stream });
    },
    streamRestart(cluster: string, stream: string) {
      restarts.inc({ cluster, stream });
    },
  };
}

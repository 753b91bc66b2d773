import { listClusterClocks } from "@/lib/db/analyze/list-cluster-clocks.ts";
import { checkGuardrails } from "./check-guardrails.ts";
import { computeMttr } from "./compute-mttr.ts";
import { detectIncidents } from "./detect-incidents.ts";
import { ensureSlos } from "./ensure-slos.ts";
import { evaluateSlos } from "./evaluate-slos.ts";
import { forecastCapacity } from "./forecast-capacity.ts";
import { recommend } from "./recommend.ts";
import { scanLogs } from "./scan-logs.ts";
import { rollupSli } from "./rollup-sli.ts";
import type { ClusterRef, JobOutcome } from "./types.ts";

type ClusterJob = { name: string; run: (cluster: ClusterRef, now: Date) => Promise<string> };

// Order matters within a cluster: logs are read (requests, failed lookups) before the SLOs that need them exist, SLOs exist
// before their minutes are rolled up, minutes before the budget is evaluated, and SLO burn before
// incidents (a page alert is an incident signal). Recommendations stand on their own.
const CLUSTER_JOBS: readonly ClusterJob[] = [
  { name: "scan-logs", run: scanLogs },
  { name: "ensure-slos", run: ensureSlos },
  { name: "rollup-sli", run: rollupSli },
  { name: "evaluate-slos", run: evaluateSlos },
  { name: "detect-incidents", run: detectIncidents },
  { name: "recommend", run: recommend },
  { name: "check-guardrails", run: checkGuardrails },
  { name: "forecast-capacity", run: forecastCapacity },
];

async function runJob(job: string, cluster: string, fn: () => Promise<string>): Promise<JobOutcome> {
  const started = performance.now();
  try {
    const detail = await fn();
    return { job, cluster, ok: true, ms: Math.round(performance.now() - started), detail };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return { job, cluster, ok: false, ms: Math.round(performance.now() - started), error };
  }
}

// One pass of every analysis job over every cluster. Each cluster is analysed as of its own clock (the
// latest cluster time ingest observed), or `now` when given (tests, replays). A failing job is reported
// in the outcome and never stops the other jobs or clusters.
export async function runAnalysisCycle(now?: Date, signal?: AbortSignal): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  const clusters = await listClusterClocks();
  let latest: Date | undefined;
  for (const c of clusters) {
    const clusterNow = now ?? c.now;
    if (!clusterNow) continue; // nothing ingested yet: no clock to analyse against
    if (!latest || clusterNow > latest) latest = clusterNow;
    for (const job of CLUSTER_JOBS) {
      if (signal?.aborted) return outcomes;
      outcomes.push(await runJob(job.name, c.name, () => job.run(c, clusterNow)));
    }
  }
  if (latest && !signal?.aborted) outcomes.push(await runJob("compute-mttr", "*", () => computeMttr(latest)));
  return outcomes;
}

import { DEFAULT_REQUEST_SLOS, ensureDefaultSlos } from "@/lib/db/analyze/ensure-default-slos.ts";
import { listServingWorkloads } from "@/lib/db/analyze/request-minutes.ts";
import { DAY_MS } from "@/lib/domain/slo.ts";
import type { ClusterRef } from "./types.ts";

// Every Deployment gets an availability SLO, and every workload seen serving requests a success and a
// latency SLO, without configuration.
export async function ensureSlos(cluster: ClusterRef, now: Date): Promise<string> {
  const serving = await listServingWorkloads(cluster.id, new Date(now.getTime() - 30 * DAY_MS), DEFAULT_REQUEST_SLOS.map((s) => s.name));
  const created = await ensureDefaultSlos(cluster.id, serving);
  return `${created} new SLOs`;
}

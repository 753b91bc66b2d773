import { getLastRecommendationAt, listRightsizingTargets } from "@/lib/db/analyze/list-rightsizing-targets.ts";
import { readUsageSamples } from "@/lib/db/analyze/read-usage-samples.ts";
import { upsertRecommendation } from "@/lib/db/analyze/upsert-recommendation.ts";
import { recommendKrrSimple } from "@/lib/domain/rightsizing.ts";
import { DAY_MS, MINUTE_MS } from "@/lib/domain/slo.ts";
import type { ClusterRef } from "./types.ts";

// KRR looks at 14 days of usage; recomputing more often than every 10 cluster-minutes changes nothing a
// user would act on and costs a full history read per container.
const HISTORY_MS = 14 * DAY_MS;
const REFRESH_MS = 10 * MINUTE_MS;

export async function recommend(cluster: ClusterRef, now: Date, options: { force?: boolean } = {}): Promise<string> {
  const last = await getLastRecommendationAt(cluster.id);
  if (!options.force && last && now.getTime() - last.getTime() < REFRESH_MS && last.getTime() <= now.getTime()) {
    return "recommendations are fresh";
  }
  const from = new Date(now.getTime() - HISTORY_MS);
  const targets = await listRightsizingTargets(cluster.id, from);
  let written = 0;
  const waiting: string[] = [];
  for (const t of targets) {
    const samples = await readUsageSamples(cluster.id, t, from, now);
    const current = { cpuRequestMillis: t.cpuRequestMillis, memoryRequestBytes: t.memoryRequestBytes, memoryLimitBytes: t.memoryLimitBytes };
    const r = recommendKrrSimple({ samples, current, oomKilledRecently: t.oomKilledSince, replicas: t.replicas });
    if (!r.ok) {
      waiting.push(`${t.namespace}/${t.workloadName}/${t.container}`);
      continue;
    }
    await upsertRecommendation({ workloadId: t.workloadId, container: t.container, current, cpuRequestMillis: r.cpuRequestMillis, memoryRequestBytes: r.memoryRequestBytes, memoryLimitBytes: r.memoryLimitBytes, basis: r.basis, computedAt: now });
    written++;
  }
  return `${written} recommendations${waiting.length ? `; not enough history yet for ${waiting.length}` : ""}`;
}

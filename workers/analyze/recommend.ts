import { getLastRecommendationAt, listRightsizingTargets } from "@/lib/db/analyze/list-rightsizing-targets.ts";
import { autoscalerKey, readAutoscalers } from "@/lib/db/analyze/read-autoscalers.ts";
import { readSloBurns } from "@/lib/db/analyze/read-slo-burns.ts";
import { readUsageRollups } from "@/lib/db/analyze/read-usage-rollups.ts";
import { upsertRecommendation } from "@/lib/db/analyze/upsert-recommendation.ts";
import { rightsizeContainer } from "@/lib/domain/rightsize-container.ts";
import { DAY_MS, MINUTE_MS } from "@/lib/domain/slo.ts";
import { refreshHolds } from "./refresh-holds.ts";
import type { ClusterRef } from "./types.ts";

// KRR looks at 14 days of usage (the 5-minute rollups keep 30); recomputing more often than every 10
// cluster-minutes changes nothing a user would act on and costs a history read per container. Holds
// follow the SLOs every cycle in between, since a burn can start at any minute.
const HISTORY_MS = 14 * DAY_MS;
const REFRESH_MS = 10 * MINUTE_MS;

export async function recommend(cluster: ClusterRef, now: Date, options: { force?: boolean } = {}): Promise<string> {
  const last = await getLastRecommendationAt(cluster.id);
  if (!options.force && last && now.getTime() - last.getTime() < REFRESH_MS && last.getTime() <= now.getTime()) {
    const changed = await refreshHolds(cluster.id);
    return `recommendations are fresh${changed ? `; ${changed} holds changed with the SLOs` : ""}`;
  }
  const from = new Date(now.getTime() - HISTORY_MS);
  const [targets, autoscalers, burns] = await Promise.all([listRightsizingTargets(cluster.id, from), readAutoscalers(cluster.id), readSloBurns(cluster.id)]);
  let written = 0;
  let held = 0;
  const waiting: string[] = [];
  for (const t of targets) {
    const buckets = await readUsageRollups(cluster.id, t, from, now);
    const current = { cpuRequestMillis: t.cpuRequestMillis, memoryRequestBytes: t.memoryRequestBytes, memoryLimitBytes: t.memoryLimitBytes };
    const { suggestions } = rightsizeContainer({
      buckets,
      now: now.getTime(),
      current,
      replicas: t.replicas,
      oomKilledRecently: t.oomKilledSince,
      hpa: autoscalers.get(autoscalerKey(t.kind, t.namespace, t.workloadName)) ?? null,
      burns: burns.get(t.workloadId) ?? [],
    });
    if (suggestions.length === 0) waiting.push(`${t.namespace}/${t.workloadName}/${t.container}`);
    for (const s of suggestions) {
      await upsertRecommendation({
        workloadId: t.workloadId,
        container: t.container,
        current: { ...current, cpuLimitMillis: t.cpuLimitMillis },
        cpuRequestMillis: s.cpuRequestMillis,
        memoryRequestBytes: s.memoryRequestBytes,
        memoryLimitBytes: s.memoryLimitBytes,
        replicas: t.replicas,
        heldReason: s.heldReason,
        basis: s.basis,
        computedAt: now,
      });
      written++;
      if (s.heldReason) held++;
    }
  }
  const notes = [held ? `${held} held while an SLO burns` : "", waiting.length ? `not enough history yet for ${waiting.length}` : ""].filter(Boolean);
  return `${written} recommendations${notes.length ? `; ${notes.join("; ")}` : ""}`;
}

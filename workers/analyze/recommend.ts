import { getCursor, setCursor } from "@/lib/db/analyze/analysis-cursors.ts";
import { listRightsizingTargets, type RightsizingTarget } from "@/lib/db/analyze/list-rightsizing-targets.ts";
import { autoscalerKey, readAutoscalers } from "@/lib/db/analyze/read-autoscalers.ts";
import { readSloBurns } from "@/lib/db/analyze/read-slo-burns.ts";
import { readUsageRollups } from "@/lib/db/analyze/read-usage-rollups.ts";
import { upsertRecommendations, type RecommendationRow } from "@/lib/db/analyze/upsert-recommendation.ts";
import { rightsizeContainer } from "@/lib/domain/rightsize-container.ts";
import { DAY_MS, MINUTE_MS } from "@/lib/domain/slo.ts";
import { BUCKET_MS, type UsageBucket } from "@/lib/domain/usage-history.ts";
import { chooseUsage, prometheusSuffices, type PrometheusUsage } from "@/lib/domain/usage-source.ts";
import { env } from "@/lib/env.ts";
import { prometheusFor } from "@/lib/prometheus/prometheus-for.ts";
import { readPrometheusUsage } from "./prometheus-usage.ts";
import { refreshHolds } from "./refresh-holds.ts";
import type { ClusterRef } from "./types.ts";

const JOB = "recommend";
// KRR looks at 14 days of usage (the 5-minute rollups keep 30) and VPA decays it with a 24-hour
// half-life: recomputing a container more often than once a cluster-hour changes nothing a user would
// act on, and each recomputation reads two weeks of its history (4,000 buckets). The containers are
// spread over the hour: each cluster-minute recomputes the sixtieth whose key falls in its slice, so no
// cycle pays for all of them. A container is recomputed at once, whatever its slice, when what the
// recommendation was measured against changed (its requests, limits or replica count: a patch applied, a
// scale-out) or when it has none yet (until it has 3 hours of history its read is short), so the
// cockpit never compares a suggestion with requests the workload no longer has. Holds follow the SLOs
// every cycle, since a burn can start at any minute.
const HISTORY_MS = 14 * DAY_MS;
export const REFRESH_SLICES = 60;

// Which of the REFRESH_SLICES a container is recomputed in (FNV-1a of its key: stable across restarts).
export function refreshSlice(t: Pick<RightsizingTarget, "namespace" | "kind" | "workloadName" | "container">): number {
  let h = 0x811c9dc5;
  for (const ch of `${t.namespace}/${t.kind}/${t.workloadName}/${t.container}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h % REFRESH_SLICES;
}

// The slices due at cluster-minute `minute` when the last run was at `last`: those of every minute since
// (a slow cycle catches up), all of them on the first run, after a clock that went back, or when forced.
function dueSlices(last: number | null, minute: number, force: boolean): Set<number> {
  if (force || last === null || minute < last || minute - last >= REFRESH_SLICES) return new Set(Array.from({ length: REFRESH_SLICES }, (_, i) => i));
  const due = new Set<number>();
  for (let m = last + 1; m <= minute; m++) due.add(m % REFRESH_SLICES);
  return due;
}

// How long one cycle may spend asking Prometheus for usage (per cluster): the analysis cycle runs every 15 s and
// its other jobs must not wait minutes behind a first read of a 10,000-pod cluster.
export const PROMETHEUS_BUDGET_MS = 30_000;

type Options = { force?: boolean; prometheusBudgetMs?: number };

export async function recommend(cluster: ClusterRef, now: Date, options: Options = {}): Promise<string> {
  const minute = Math.floor(now.getTime() / MINUTE_MS);
  const cursor = await getCursor(cluster.id, JOB);
  const due = dueSlices(cursor ? Math.floor(cursor.getTime() / MINUTE_MS) : null, minute, options.force ?? false);
  const burns = await readSloBurns(cluster.id);
  const changed = await refreshHolds(cluster.id, burns);
  const holds = changed ? `; ${changed} holds changed with the SLOs` : "";
  const from = new Date(now.getTime() - HISTORY_MS);
  const all = await listRightsizingTargets(cluster.id, from);
  const targets = all.filter((t) => !t.upToDate || due.has(refreshSlice(t)));
  const done = () => setCursor(cluster.id, JOB, new Date(minute * MINUTE_MS));
  if (targets.length === 0) {
    await done();
    return `recommendations are fresh${holds}`;
  }
  const budgetMs = options.prometheusBudgetMs ?? PROMETHEUS_BUDGET_MS;
  const [usage, autoscalers] = await Promise.all([readUsage(cluster, targets, from, now, budgetMs), readAutoscalers(cluster.id)]);
  const rows: RecommendationRow[] = [];
  const waiting: string[] = [];
  let fromPrometheus = 0;
  let deferred = 0;
  targets.forEach((t, i) => {
    if (usage.prometheus[i] === null) {
      deferred++;
      return;
    }
    const current = { cpuRequestMillis: t.cpuRequestMillis, memoryRequestBytes: t.memoryRequestBytes, memoryLimitBytes: t.memoryLimitBytes };
    const chosen = chooseUsage(usage.prometheus[i] ?? undefined, usage.rollups[i]);
    if (chosen.source === "prometheus") fromPrometheus++;
    const { suggestions } = rightsizeContainer({
      buckets: chosen.buckets,
      source: chosen.source,
      now: now.getTime(),
      current,
      replicas: t.replicas,
      oomKilledRecently: t.oomKilledSince,
      hpa: autoscalers.get(autoscalerKey(t.kind, t.namespace, t.workloadName)) ?? null,
      burns: burns.get(t.workloadId) ?? [],
    });
    if (suggestions.length === 0) waiting.push(`${t.namespace}/${t.workloadName}/${t.container}`);
    for (const s of suggestions) {
      rows.push({
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
        usageSource: chosen.source,
        usageSourceNote: chosen.note,
        throttling: chosen.throttling,
      });
    }
  });
  await upsertRecommendations(rows);
  await done();
  const held = rows.filter((r) => r.heldReason).length;
  const scope = due.size < REFRESH_SLICES ? ` (${targets.length} of ${all.length} containers, ${due.size} of ${REFRESH_SLICES} slices)` : "";
  const failed = usage.prometheus.find((p) => p && !p.ok);
  const notes = [
    held ? `${held} held while an SLO burns` : "",
    waiting.length ? `not enough history yet for ${waiting.length}` : "",
    usage.asked && targets.length > deferred ? `usage from Prometheus for ${fromPrometheus} of ${targets.length - deferred} containers` : "",
    failed && !failed.ok ? `Prometheus could not answer, metrics.k8s.io used instead: ${failed.error}` : "",
    deferred ? `${deferred} left for a later cycle (this cycle's time for Prometheus is spent)` : "",
  ].filter(Boolean);
  return `${rows.length} recommendations${scope}${notes.length ? `; ${notes.join("; ")}` : ""}${holds}`;
}

// Prometheus's cAdvisor series where a Prometheus answers for the cluster (prometheus-for.ts) (see prometheus-usage.ts for why here), and the
// metrics.k8s.io rollups only for the containers Prometheus could not size. Prometheus is asked for whole buckets.
async function readUsage(cluster: ClusterRef, targets: readonly RightsizingTarget[], from: Date, now: Date, budgetMs: number) {
  const target = prometheusFor(env(), cluster.name);
  const to = Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS;
  const setting = target ? { ...target, budgetMs } : null;
  const prometheus: (PrometheusUsage | null | undefined)[] = setting
    ? await readPrometheusUsage(setting, cluster, targets, new Date(to - HISTORY_MS), new Date(to))
    : targets.map(() => undefined);
  // Deferred (null) containers are not sized this cycle; those Prometheus sized need no rollups.
  const fallback = targets.flatMap((t, i) => (prometheus[i] === null || prometheusSuffices(prometheus[i] ?? undefined) ? [] : [{ t, i }]));
  const read = await readUsageRollups(cluster.id, fallback.map((f) => f.t), from, now);
  const rollups: UsageBucket[][] = targets.map(() => []);
  fallback.forEach((f, k) => (rollups[f.i] = read[k]));
  return { prometheus, rollups, asked: !!target };
}

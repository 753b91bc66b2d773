import { formatDuration } from "./format-duration.ts";
import { percentile } from "./percentile.ts";
import { historySpan, notEnoughHistory, type UsageBucket } from "./usage-history.ts";

// Where right-sizing's usage comes from. With a Prometheus for the cluster (prometheus-for.ts) it reads cAdvisor's series from the
// team's Prometheus as Robusta KRR does (a full history from the first day); otherwise, and for any container
// Prometheus fails on or has no series for, the metrics.k8s.io samples ingest rolls up every 5 minutes.

export type UsageSource = "prometheus" | "metrics-api";

/** The buckets' layer, recorded in each strategy's basis beside its figures. */
export const BUCKET_SOURCE: Record<UsageSource, "prometheus_cadvisor_5m" | "usage_rollups_5m"> = {
  prometheus: "prometheus_cadvisor_5m",
  "metrics-api": "usage_rollups_5m",
};

/** CPU throttling as cAdvisor counts it: the share of CFS periods (0–1) in which the container was throttled. */
export type Throttling = { p95: number; max: number };

/** What Prometheus said about one workload container: its 5-minute buckets (every pod's), or why it could not say. */
export type PrometheusUsage =
  | { ok: true; buckets: UsageBucket[]; throttledShares: number[] }
  | { ok: false; error: string };

export type ChosenUsage = { source: UsageSource; buckets: readonly UsageBucket[]; throttling: Throttling | null; note: string | null };

// Share of periods throttled in one window = throttled periods ÷ periods (container_cpu_cfs_throttled_periods_total
// over container_cpu_cfs_periods_total, both increases over the window). A window with no CFS periods (no CPU limit,
// or an idle container) measured nothing, so it is null rather than 0.
export function throttledShare(throttledPeriods: number, periods: number): number | null {
  if (!(periods > 0) || !(throttledPeriods >= 0)) return null;
  return Math.min(1, throttledPeriods / periods);
}

// The throttling shown beside a suggestion: the nearest-rank p95 and the max of its windows' shares (a p95 says how
// throttled its usual busy window is, the max its worst). Null when no window measured any period.
export function throttlingEvidence(shares: readonly number[]): Throttling | null {
  if (shares.length === 0) return null;
  return { p95: percentile(shares, 95)!, max: Math.max(...shares) };
}

/** Whether Prometheus's answer is enough to size the container by (so the metrics.k8s.io rollups need not be read). */
export function prometheusSuffices(prom: PrometheusUsage | undefined): boolean {
  return !!prom?.ok && prom.buckets.length > 0 && notEnoughHistory(historySpan(prom.buckets)) === null;
}

// Prometheus when it answered with enough history; otherwise the metrics.k8s.io rollups, saying why. While
// neither has enough history yet, the one with more samples is kept (its suggestion says what it still needs).
export function chooseUsage(prom: PrometheusUsage | undefined, rollups: readonly UsageBucket[]): ChosenUsage {
  const fromProm = (p: Extract<PrometheusUsage, { ok: true }>): ChosenUsage => ({
    source: "prometheus",
    buckets: p.buckets,
    throttling: throttlingEvidence(p.throttledShares),
    note: null,
  });
  if (prom?.ok && prometheusSuffices(prom)) return fromProm(prom);
  const fallback = (note: string | null): ChosenUsage => ({ source: "metrics-api", buckets: rollups, throttling: null, note });
  if (!prom) return fallback(null);
  if (!prom.ok) return fallback(`Prometheus could not answer (${prom.error})`);
  if (prom.buckets.length === 0) return fallback("Prometheus has no cAdvisor series for this container");
  const promSpan = historySpan(prom.buckets);
  const rollupSpan = historySpan(rollups);
  if (notEnoughHistory(rollupSpan) !== null && promSpan.sampleCount >= rollupSpan.sampleCount) return fromProm(prom);
  return fallback(`Prometheus has only ${promSpan.hours} h of this container's usage`);
}

const SOURCE_NAMES: Record<UsageSource, string> = { prometheus: "Prometheus (cAdvisor)", "metrics-api": "metrics.k8s.io" };

// "usage from Prometheus (cAdvisor), 14d" / "usage from metrics.k8s.io, 6h": the words every page puts beside a
// suggestion, with the history it read.
export function usageSourceText(source: UsageSource, historyHours: number | null): string {
  const span = historyHours !== null && historyHours > 0 ? `, ${formatDuration(historyHours * 3600)}` : "";
  return `usage from ${SOURCE_NAMES[source]}${span}`;
}

// "CPU throttled in 40 % of periods at p95, 40 % at most": the evidence line, whole percents (the share is a count of
// 100 ms periods, and a tenth of a percent would promise more than a 5-minute window holds).
export function throttlingText(t: Throttling | null): string | null {
  if (!t) return null;
  const pct = (v: number) => `${Math.round(v * 100)} %`;
  return `CPU throttled in ${pct(t.p95)} of periods at p95, ${pct(t.max)} at most`;
}

/** A stored source read back: anything unknown reads as metrics.k8s.io, the only source older rows had. */
export const usageSourceOf = (v: unknown): UsageSource => (v === "prometheus" ? "prometheus" : "metrics-api");

import { isoWeekStart } from "./mttr.ts";
import { mean, percentile } from "./percentile.ts";
import { DAY_MS } from "./slo.ts";

// The three "mean time to" figures SREs compare (REFERENCE: PagerDuty, incident.io, Datadog):
// - MTTD, time to detect: impact start (the first failure signal) → Uptrust detected it, i.e. the cluster
//   time its rule could first see the signal (lib/domain/incidents.ts), never when an analysis cycle ran;
// - MTTA, time to acknowledge: detected → a person acknowledged it;
// - MTTR, time to resolve: impact start → resolved.
// A trouble that recurred (an OOM kill six times in an afternoon) is one incident and counts once: it
// started with its first occurrence, was detected with it, and resolved when the last one recovered.
// Each per ISO week the incident started in, per service (namespace/name: the same service in two
// clusters is one service to its team) and per severity, over the last 12 weeks of the cluster clock.
// Means mislead on heavy-tailed durations, so every group also carries its p50 and p90 (nearest-rank).

export const MTTX_METRICS = ["mttd", "mtta", "mttr"] as const;
export type MttxMetric = (typeof MTTX_METRICS)[number];
export const MTTX_GROUPINGS = ["week", "service", "severity"] as const;
export type MttxGrouping = (typeof MTTX_GROUPINGS)[number];

export type MttxIncident = {
  startedAt: number;
  detectedAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  service: string | null;
  severity: string;
};

export type MttxStat = { metric: MttxMetric; grouping: MttxGrouping; groupKey: string; incidents: number; meanSeconds: number; p50Seconds: number; p90Seconds: number };

export const MTTX_WEEKS = 12;
export const NO_SERVICE = "(no workload)";

// Seconds the metric measured for one incident, or null when it has not happened yet. A person may
// acknowledge a page from another tool before Uptrust detects it: that waited zero, not a negative time.
export function mttxSeconds(metric: MttxMetric, i: MttxIncident): number | null {
  if (metric === "mttd") return Math.max(0, i.detectedAt - i.startedAt) / 1000;
  if (metric === "mtta") return i.acknowledgedAt === null ? null : Math.max(0, i.acknowledgedAt - i.detectedAt) / 1000;
  return i.resolvedAt === null || i.resolvedAt < i.startedAt ? null : (i.resolvedAt - i.startedAt) / 1000;
}

const GROUP_KEY: Record<MttxGrouping, (i: MttxIncident) => string> = {
  week: (i) => new Date(isoWeekStart(i.startedAt)).toISOString(),
  service: (i) => i.service ?? NO_SERVICE,
  severity: (i) => i.severity,
};

export function mttxStats(incidents: readonly MttxIncident[], now: number, weeks = MTTX_WEEKS): MttxStat[] {
  const since = isoWeekStart(now) - (weeks - 1) * 7 * DAY_MS;
  const recent = incidents.filter((i) => i.startedAt >= since && i.startedAt <= now);
  const out: MttxStat[] = [];
  for (const metric of MTTX_METRICS) {
    for (const grouping of MTTX_GROUPINGS) {
      const groups = new Map<string, number[]>();
      for (const i of recent) {
        const seconds = mttxSeconds(metric, i);
        if (seconds === null) continue;
        const key = GROUP_KEY[grouping](i);
        groups.set(key, [...(groups.get(key) ?? []), seconds]);
      }
      for (const [groupKey, seconds] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
        out.push({ metric, grouping, groupKey, incidents: seconds.length, meanSeconds: mean(seconds) ?? 0, p50Seconds: percentile(seconds, 50) ?? 0, p90Seconds: percentile(seconds, 90) ?? 0 });
      }
    }
  }
  return out;
}

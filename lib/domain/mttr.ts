import { mean, percentile } from "./percentile.ts";
import { DAY_MS } from "./slo.ts";

// MTTR = first signal → resolved (REFERENCE: "triggered or impact start → resolved"); Uptrust starts the
// clock at the first deterministic signal because that is when users began to feel it. Incidents are
// counted in the ISO week (Monday 00:00 UTC) in which they started. Means mislead on heavy-tailed repair
// times, so every week also carries the p50 and p90 (nearest-rank).

export type ResolvedIncident = { startedAt: number; resolvedAt: number };
export type MttrWeek = { weekStart: number; incidents: number; meanSeconds: number; p50Seconds: number; p90Seconds: number };

export function isoWeekStart(ts: number): number {
  const day = Math.floor(ts / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday: (days since epoch + 3) mod 7 is the days since Monday.
  const sinceMonday = (((Math.floor(ts / DAY_MS) + 3) % 7) + 7) % 7;
  return day - sinceMonday * DAY_MS;
}

export function mttrByWeek(incidents: readonly ResolvedIncident[]): MttrWeek[] {
  const weeks = new Map<number, number[]>();
  for (const i of incidents) {
    if (i.resolvedAt < i.startedAt) continue;
    const week = isoWeekStart(i.startedAt);
    const list = weeks.get(week) ?? [];
    list.push((i.resolvedAt - i.startedAt) / 1000);
    weeks.set(week, list);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([weekStart, seconds]) => ({
      weekStart,
      incidents: seconds.length,
      meanSeconds: mean(seconds) ?? 0,
      p50Seconds: percentile(seconds, 50) ?? 0,
      p90Seconds: percentile(seconds, 90) ?? 0,
    }));
}

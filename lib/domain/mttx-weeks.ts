import { isoWeekStart } from "./mttr.ts";
import { MTTX_METRICS, MTTX_WEEKS, mttxSeconds, mttxStats, type MttxIncident, type MttxMetric, type MttxStat } from "./mttx.ts";
import { DAY_MS } from "./slo.ts";

// The MTTx page's weeks: every ISO week of the last 12 (empty ones too, so the chart is a time axis and
// a quiet week reads as one), each metric's figure in it exactly as mttxStats (the analyzer's definition,
// the cockpit panel's figures) computes it, and the incidents behind each figure.

export type MttxFigure = Pick<MttxStat, "incidents" | "meanSeconds" | "p50Seconds" | "p90Seconds">;
export type MttxWeek = { weekStart: number; figures: Record<MttxMetric, MttxFigure | null> };

export function mttxWeeks(incidents: readonly MttxIncident[], now: number, weeks = MTTX_WEEKS): MttxWeek[] {
  const stats = mttxStats(incidents, now, weeks).filter((s) => s.grouping === "week");
  const first = isoWeekStart(now) - (weeks - 1) * 7 * DAY_MS;
  return Array.from({ length: weeks }, (_, i) => {
    const weekStart = first + i * 7 * DAY_MS;
    const key = new Date(weekStart).toISOString();
    const figures = Object.fromEntries(
      MTTX_METRICS.map((m) => {
        const s = stats.find((x) => x.metric === m && x.groupKey === key);
        return [m, s ? { incidents: s.incidents, meanSeconds: s.meanSeconds, p50Seconds: s.p50Seconds, p90Seconds: s.p90Seconds } : null];
      }),
    ) as Record<MttxMetric, MttxFigure | null>;
    return { weekStart, figures };
  });
}

// The incidents a week's figures are computed from: those that started in it, cancelled ones already left
// out by the caller, each counted by a metric only once that time exists (an unacknowledged incident has
// no MTTA yet).
export function incidentsOfWeek<T>(items: readonly T[], timesOf: (item: T) => MttxIncident, weekStart: number, now: number): T[] {
  const started = (item: T) => timesOf(item).startedAt;
  return items.filter((item) => isoWeekStart(started(item)) === weekStart && started(item) <= now).sort((a, b) => started(b) - started(a));
}

export const countedBy = (metric: MttxMetric, i: MttxIncident): boolean => mttxSeconds(metric, i) !== null;

/** The week a page opens on: the one asked for if it is among the weeks, else the newest with an incident, else the newest. */
export function chosenWeek(weeks: readonly MttxWeek[], asked: number | null): number {
  if (asked !== null && weeks.some((w) => w.weekStart === asked)) return asked;
  const busy = weeks.filter((w) => MTTX_METRICS.some((m) => w.figures[m] !== null));
  return (busy.at(-1) ?? weeks.at(-1))!.weekStart;
}

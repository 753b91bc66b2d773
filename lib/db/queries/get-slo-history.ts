import { readSliSegments } from "@/lib/db/analyze/read-sli-segments.ts";
import { getPool } from "@/lib/db/pool.ts";
import { alertHistory } from "@/lib/domain/alert-history.ts";
import { budgetBurnDown, burnDownEdges, burnDownSpan } from "@/lib/domain/budget-burn-down.ts";
import { burnRateRules } from "@/lib/domain/burn-rate.ts";
import { burnChartStepMs, burnReplay, ruleBurnSeries } from "@/lib/domain/burn-replay.ts";
import { DAY_MS, sloWindow, type SloCalendar } from "@/lib/domain/slo.ts";
import type { SloCardData } from "@/lib/views/slo.ts";
import type { SloHistory } from "@/lib/views/slo-history.ts";

// The longest window of the burn-rate table: every alert replayed from the span's start needs it behind.
const LONGEST_RULE_MS = 3 * DAY_MS;
const iso = (t: number) => new Date(t).toISOString();

// One SLO's window as of its last evaluation (the one its card shows): the budget left after every hour
// or day (step sums read as the evaluator reads its window: whole days, hours and minutes), and the
// burn-rate rules replayed minute by minute over the same span from the stored minutes.
export async function getSloHistory(slo: Pick<SloCardData, "id" | "target" | "windowDays" | "calendar" | "evaluation">): Promise<SloHistory> {
  const ev = slo.evaluation;
  if (ev.kind === "waiting") return { kind: "missing", reason: "Not evaluated yet: the burn-down and the alerts appear after the analyzer's first pass." };
  const at = Date.parse(ev.computedAt);
  const calendar: SloCalendar | null = slo.calendar === "month" || slo.calendar === "week" ? slo.calendar : null;
  const window = sloWindow(at, slo.windowDays, calendar);
  const measuredSince = ev.measuredSince ? Date.parse(ev.measuredSince) : null;
  if (measuredSince === null) return { kind: "missing", reason: "No minute measured in this window yet, so no budget has been spent." };
  const span = burnDownSpan(window, measuredSince);
  const [segments, samples] = await Promise.all([
    readSliSegments([{ sloId: slo.id, edges: burnDownEdges(span, window.start) }]),
    // Epoch milliseconds: a 30-day window is 43,200 minutes, too many to parse into Dates.
    getPool().query<{ ts: number; good: number; total: number }>(
      `SELECT (extract(epoch FROM ts) * 1000)::float8 AS ts, good, total FROM sli_samples WHERE slo_id = $1 AND ts >= $2 AND ts < $3 ORDER BY ts`,
      [slo.id, new Date(span.from - LONGEST_RULE_MS), new Date(at)],
    ),
  ]);
  const burnDown = budgetBurnDown(segments.get(slo.id) ?? [], { target: slo.target, window, measuredSince });
  const replayInput = { target: slo.target, samples: samples.rows, windowStartAt: (t: number) => sloWindow(t, slo.windowDays, calendar).start };
  const replay = burnReplay(replayInput, at);
  const stepMs = burnChartStepMs(at - span.from);
  const rules = burnRateRules(window.lengthMs);
  const alerts = alertHistory({ ...replayInput, periodMs: window.lengthMs, from: span.from, to: at });
  return {
    kind: "ok",
    asOf: iso(at),
    windowEnd: iso(span.end),
    burnDownStepMs: span.stepMs,
    burnDown: burnDown.map((p) => ({ ts: iso(p.ts), remaining: p.remaining, ideal: p.ideal })),
    burnStepMs: stepMs,
    rules: rules.map((r) => ({
      severity: r.severity, burnRate: r.burnRate, budgetSpent: r.budgetSpent, longWindowMs: r.longWindowMs, shortWindowMs: r.shortWindowMs,
      points: ruleBurnSeries(replay, r, span.from, at, stepMs).map((p) => ({ ts: iso(p.ts), long: p.long, short: p.short })),
    })),
    alerts: alerts.map((a) => ({
      severity: a.severity, from: iso(a.from), to: a.to === null ? null : iso(a.to), burnRate: a.rule.burnRate,
      longWindowMs: a.rule.longWindowMs, shortWindowMs: a.rule.shortWindowMs, peakBurn: a.peakBurn,
    })),
  };
}

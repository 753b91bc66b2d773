import { readBadMinutes, readChargeableChanges, replaceBudgetCharges, type DescribedCharge } from "@/lib/db/analyze/budget-charges.ts";
import { listSlos, type SloRow } from "@/lib/db/analyze/list-slos.ts";
import { readSliSegments, type Segment } from "@/lib/db/analyze/read-sli-segments.ts";
import { upsertSloStatuses, type SloStatusRow } from "@/lib/db/analyze/upsert-slo-status.ts";
import { floorToMinute } from "@/lib/domain/availability-sli.ts";
import { attributeBudget, describeCharge, ONSET_LOOKBACK_MS } from "@/lib/domain/budget-attribution.ts";
import { BURN_RATE_RULES, evaluateBurnAlerts, explainBurn, windowBurn, type TimedCounts } from "@/lib/domain/burn-rate.ts";
import { allowedBadEvents, budgetRemaining, burnRate, DAY_MS, HOUR_MS, sli, sloWindow, timeToExhaustionMs, type SloCalendar } from "@/lib/domain/slo.ts";
import { env } from "@/lib/env.ts";
import { prometheusFor } from "@/lib/prometheus/prometheus-for.ts";
import type { ClusterRef } from "./types.ts";

// The longest alert window (3 days) bounds what is read per SLO; the window totals are summed in SQL.
const ALERT_HISTORY_MS = 3 * DAY_MS;
// Every window read below ends now; cut at their starts, each window is a sum of whole segments, so a
// segment stands for its minutes exactly (stamped with its first counted minute, it falls in the same
// windows they do) and an SLO is read as a dozen sums instead of 43,200 minutes.
const WINDOWS_MS = [...new Set([...BURN_RATE_RULES.flatMap((r) => [r.longWindowMs, r.shortWindowMs]), HOUR_MS, 6 * HOUR_MS, ALERT_HISTORY_MS])].sort((a, b) => b - a);

const edgesOf = (start: number, at: number) => [start, ...WINDOWS_MS.map((w) => at - w).filter((t) => t > start), at];
const totalsOf = (segments: readonly Segment[]) => ({
  good: segments.reduce((n, x) => n + x.good, 0),
  total: segments.reduce((n, x) => n + x.total, 0),
  firstTs: segments.reduce<number | null>((min, x) => (x.firstTs !== null && (min === null || x.firstTs < min) ? x.firstTs : min), null),
});
const recentOf = (segments: readonly Segment[], since: number): TimedCounts[] =>
  segments.filter((x) => x.from >= since && x.countedTs !== null).map((x) => ({ ts: x.countedTs!, good: x.good, total: x.total }));

// SLI, budget remaining, burn rates for every window of the burn-rate table, the multi-window alert,
// when the budget runs out at the current pace, and one sentence explaining it, as of the last complete
// cluster minute.
export async function evaluateSlos(cluster: ClusterRef, now: Date): Promise<string> {
  const at = floorToMinute(now.getTime());
  const alerts: string[] = [];
  const slos = await listSlos(cluster.id);
  const windows = new Map(slos.map((slo) => [slo.id, sloWindow(at, slo.windowDays, calendarOf(slo))]));
  const segments = await readSliSegments(slos.map((slo) => ({ sloId: slo.id, edges: edgesOf(windows.get(slo.id)!.start, at) })));
  const statuses: SloStatusRow[] = [];
  const charged: Charged[] = [];
  const spent: Spent[] = [];
  for (const slo of slos) {
    const window = windows.get(slo.id)!;
    if (slo.indicator === "promql" && !prometheusFor(env(), cluster.name)) {
      statuses.push(unmeasured(slo, at, window.start));
      continue;
    }
    const totals = totalsOf(segments.get(slo.id) ?? []);
    const recent = recentOf(segments.get(slo.id) ?? [], Math.max(at - ALERT_HISTORY_MS, window.start));
    // Every rate below is over the minutes measured since then; how much of its window that is travels with it.
    const measuredSince = totals.firstTs !== null ? Math.max(totals.firstTs, window.start) : null;
    const span = measuredSince !== null ? at - measuredSince : 0;
    const remaining = budgetRemaining(totals, slo.target, span, window.lengthMs);
    const hour = windowBurn(recent, at, HOUR_MS, slo.target, measuredSince);
    const burn6h = windowBurn(recent, at, 6 * HOUR_MS, slo.target, measuredSince).burn;
    const { alert, firing, rules } = evaluateBurnAlerts(recent, at, slo.target, { periodMs: window.lengthMs, measuredSince });
    if (alert) alerts.push(`${slo.workloadName}/${slo.name}:${alert}`);
    // The pace that matters is the one that raised the alert; without one, the last hour's.
    const pace = firing ? firing.longBurn : hour.burn;
    const left = timeToExhaustionMs(remaining, pace, window.lengthMs);
    statuses.push({
      sloId: slo.id,
      computedAt: new Date(at),
      sli: sli(totals),
      budgetRemaining: remaining,
      burnRate1h: hour.burn,
      burnRate6h: burn6h,
      burnRate30d: burnRate(totals, slo.target),
      alert,
      // The sentence speaks of the burn that raised the alert, so it never reassures while a ticket is open.
      explanation: explainBurn({
        service: slo.indicator === "availability" ? slo.workloadName : `${slo.workloadName}'s ${slo.name} SLO`,
        indicator: slo.indicator === "latency" ? "latency" : slo.indicator === "success" || slo.indicator === "promql" ? "success" : "availability",
        target: slo.target,
        windowMs: window.lengthMs,
        burn: pace,
        burnWindowMs: firing ? firing.longWindowMs : HOUR_MS,
        burnCoveredMs: firing ? firing.longCoveredMs : hour.coveredMs,
        budgetRemaining: remaining,
        totalEvents: totals.total,
      }),
      windows: rules,
      // Only a burn faster than sustainable runs the budget out before the window ends.
      exhaustedAt: left !== null && pace > 1 ? new Date(at + left) : null,
      windowStart: new Date(window.start),
      measuredSince: measuredSince !== null ? new Date(measuredSince) : null,
    });
    // Budget spent, charged to the changes that spent it, over the budget remaining's own denominator. A
    // window with no failed event has spent nothing: most SLOs skip the read.
    if (totals.total > totals.good) spent.push({ slo, start: window.start, allowed: allowedBadEvents(totals, slo.target, span, window.lengthMs) });
    else charged.push({ sloId: slo.id, charges: [] });
  }
  charged.push(...(await chargeBudgets(spent, at)));
  await upsertSloStatuses(statuses);
  await replaceBudgetCharges(charged, new Date(at));
  return `${slos.length} SLOs evaluated${alerts.length ? `; alerting: ${alerts.join(", ")}` : ""}`;
}

type Charged = { sloId: string; charges: DescribedCharge[] };
type Spent = { slo: SloRow; start: number; allowed: number };

// Each SLO that spent budget: its failed minutes, charged to the workload's changes around them. Both
// read for every such SLO at once.
async function chargeBudgets(spent: readonly Spent[], at: number): Promise<Charged[]> {
  const bad = await readBadMinutes(spent.map((x) => ({ sloId: x.slo.id, from: new Date(x.start), to: new Date(at) })));
  const withBad = spent.map((x, i) => ({ ...x, bad: bad[i] })).filter((x) => x.bad.length > 0);
  const changes = await readChargeableChanges(withBad.map((x) => ({ workloadId: x.slo.workloadId, from: new Date(x.start - ONSET_LOOKBACK_MS), to: new Date(at) })));
  const charges = new Map(
    withBad.map((x, i) => [x.slo.id, attributeBudget(x.bad, changes[i], x.slo.target, x.allowed).map((c) => ({ ...c, description: describeCharge(c, x.slo.workloadName) }))]),
  );
  return spent.map((x) => ({ sloId: x.slo.id, charges: charges.get(x.slo.id) ?? [] }));
}

const calendarOf = (slo: SloRow): SloCalendar | null => (slo.calendar === "month" || slo.calendar === "week" ? slo.calendar : null);

// A PromQL SLO with no Prometheus to ask is kept and shown as written; saying plainly that it is not
// measured is better than an SLI of 100 % nobody computed.
function unmeasured(slo: SloRow, at: number, windowStart: number): SloStatusRow {
  return {
    sloId: slo.id, computedAt: new Date(at), sli: 1, budgetRemaining: 1, burnRate1h: 0, burnRate6h: 0, burnRate30d: 0, alert: null,
    explanation: `${slo.workloadName}'s ${slo.name} SLO is measured by a PromQL query, and no Prometheus is configured for its cluster: `
      + "set UPTRUST_PROMETHEUS_URL, or this cluster's entry in UPTRUST_PROMETHEUS_URLS, to evaluate it.",
    windows: [], exhaustedAt: null, windowStart: new Date(windowStart), measuredSince: null,
  };
}

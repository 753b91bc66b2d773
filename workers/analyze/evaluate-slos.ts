import { listSlos } from "@/lib/db/analyze/list-slos.ts";
import { readSliSamples, sumSliSamples } from "@/lib/db/analyze/sli-samples.ts";
import { upsertSloStatus } from "@/lib/db/analyze/upsert-slo-status.ts";
import { floorToMinute } from "@/lib/domain/availability-sli.ts";
import { countsInWindow, evaluateBurnAlerts, explainBurn } from "@/lib/domain/burn-rate.ts";
import { budgetRemaining, burnRate, DAY_MS, HOUR_MS, sli } from "@/lib/domain/slo.ts";
import type { ClusterRef } from "./types.ts";

// The longest alert window (3 days) bounds what is read per SLO; the 30-day totals are summed in SQL.
const ALERT_HISTORY_MS = 3 * DAY_MS;

// SLI, budget remaining, burn rates (1 h, 6 h, whole window), the multi-window alert and one sentence
// explaining it, as of the last complete cluster minute.
export async function evaluateSlos(cluster: ClusterRef, now: Date): Promise<string> {
  const at = floorToMinute(now.getTime());
  const alerts: string[] = [];
  const slos = await listSlos(cluster.id);
  for (const slo of slos) {
    const windowMs = slo.windowDays * DAY_MS;
    const totals = await sumSliSamples(slo.id, new Date(at - windowMs), new Date(at));
    const recent = await readSliSamples(slo.id, new Date(at - ALERT_HISTORY_MS), new Date(at));
    const span = totals.firstTs ? at - totals.firstTs.getTime() : 0;
    const remaining = budgetRemaining(totals, slo.target, span, windowMs);
    const burn1h = burnRate(countsInWindow(recent, at, HOUR_MS), slo.target);
    const burn6h = burnRate(countsInWindow(recent, at, 6 * HOUR_MS), slo.target);
    const { alert, firing } = evaluateBurnAlerts(recent, at, slo.target);
    if (alert) alerts.push(`${slo.workloadName}:${alert}`);
    await upsertSloStatus({
      sloId: slo.id,
      computedAt: new Date(at),
      sli: sli(totals),
      budgetRemaining: remaining,
      burnRate1h: burn1h,
      burnRate6h: burn6h,
      burnRate30d: burnRate(totals, slo.target),
      alert,
      // The sentence speaks of the burn that raised the alert, so it never reassures while a ticket is open.
      explanation: explainBurn({
        service: slo.workloadName,
        target: slo.target,
        windowMs,
        burn: firing ? firing.longBurn : burn1h,
        burnWindowMs: firing ? firing.longWindowMs : HOUR_MS,
        budgetRemaining: remaining,
        totalEvents: totals.total,
      }),
    });
  }
  return `${slos.length} SLOs evaluated${alerts.length ? `; alerting: ${alerts.join(", ")}` : ""}`;
}

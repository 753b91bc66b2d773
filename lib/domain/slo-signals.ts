import { formatSpan } from "./burn-coverage.ts";
import { burnRateRules, formatBurn, judgeRule, type TimedCounts, type WindowBurn } from "./burn-rate.ts";
import type { Signal } from "./incident-signals.ts";
import { burnRate, DAY_MS, MINUTE_MS } from "./slo.ts";

export type RequestSloHistory = {
  workload: string;
  slo: string;
  indicator: "success" | "latency";
  target: number;
  periodMs?: number;
  /** Per-minute counts, stamped with the start of their minute. */
  samples: readonly TimedCounts[];
};

// Gaps of healthy minutes shorter than this stay inside one stretch of impact (a failing dependency
// rarely fails every single request of every minute).
const IMPACT_GAP_MS = 5 * MINUTE_MS;

// A request SLO's page alert (the fast-burn rules of the burn-rate table, both windows over the rate,
// with the low-traffic guard) is an incident signal. The signal spans the impact, not the alert: from the
// first minute that burned faster than 1× in the stretch leading up to the page to the last one before it
// cleared, so the incident starts when users were first hurt and MTTD can be measured from it.
export function sloPageSignals(h: RequestSloHistory, now: number, minEvents = 10): Signal[] {
  if (h.samples.length === 0) return [];
  const rules = burnRateRules(h.periodMs ?? 30 * DAY_MS).filter((r) => r.severity === "page");
  const first = Math.floor(h.samples[0].ts / MINUTE_MS) * MINUTE_MS;
  const n = Math.max(0, Math.floor((now - first) / MINUTE_MS));
  // Prefix sums per minute make every window sum O(1).
  const good = new Float64Array(n + 1);
  const total = new Float64Array(n + 1);
  const perMinute = new Map(h.samples.map((s) => [Math.floor((s.ts - first) / MINUTE_MS), s]));
  for (let i = 0; i < n; i++) {
    const s = perMinute.get(i);
    good[i + 1] = good[i] + (s?.good ?? 0);
    total[i + 1] = total[i] + (s?.total ?? 0);
  }
  // The window ending at minute endIdx, burned and covered as every other window line reads it (windowBurn).
  const windowAt = (endIdx: number, windowMs: number): WindowBurn => {
    const startIdx = Math.max(0, endIdx - Math.round(windowMs / MINUTE_MS));
    const counts = { good: good[endIdx] - good[startIdx], total: total[endIdx] - total[startIdx] };
    return { windowMs, coveredMs: Math.min(windowMs, endIdx * MINUTE_MS), burn: burnRate(counts, h.target), events: counts.total };
  };
  // The most urgent rule firing at the end of minute endIdx (rules are ordered most urgent first).
  const firingAt = (endIdx: number) => {
    for (const r of rules) {
      const long = windowAt(endIdx, r.longWindowMs);
      if (judgeRule(r, long, windowAt(endIdx, r.shortWindowMs), minEvents).firing) return { rule: r, longBurn: long.burn };
    }
    return null;
  };
  const burning = (i: number) => {
    const s = perMinute.get(i);
    return !!s && s.total > 0 && burnRate(s, h.target) > 1;
  };

  const out: Signal[] = [];
  let i = 1;
  while (i <= n) {
    const fired = firingAt(i);
    if (!fired) {
      i++;
      continue;
    }
    let end = i;
    let worst = fired;
    for (let next = firingAt(end + 1); end + 1 <= n && next; next = firingAt(end + 1)) {
      end++;
      if (next.rule.burnRate > worst.rule.burnRate || (next.rule === worst.rule && next.longBurn > worst.longBurn)) worst = next;
    }
    // Walk back from the first page to the first burning minute of its stretch, and forward to the last.
    let from = i - 1;
    for (let k = i - 1, gap = 0; k >= 0 && gap * MINUTE_MS < IMPACT_GAP_MS; k--) {
      if (burning(k)) [from, gap] = [k, 0];
      else gap++;
    }
    let last = from;
    for (let k = from; k < end; k++) if (burning(k)) last = k;
    out.push({
      workload: h.workload,
      reason: h.indicator === "latency" ? "Latency" : "ErrorRate",
      from: first + from * MINUTE_MS,
      to: first + (last + 1) * MINUTE_MS,
      source: "slo",
      detail: `${h.slo} SLO paged: burning ${formatBurn(worst.longBurn)} over ${formatSpan(worst.rule.longWindowMs)} (rule ${formatBurn(worst.rule.burnRate)})`,
      // The fastest rule (2% of the budget in an hour) is severe whatever the replica counts say.
      ...(worst.rule === rules[0] ? { severity: "sev2" as const } : {}),
    });
    i = end + 1;
  }
  return out;
}

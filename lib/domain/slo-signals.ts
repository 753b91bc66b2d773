import { formatSpan } from "./burn-coverage.ts";
import { burnRateRules, formatBurn, judgeRule, MIN_EVENTS, type TimedCounts, type WindowBurn } from "./burn-rate.ts";
import type { IncidentReason, Signal } from "./incident-signals.ts";
import { burnRate, DAY_MS, MINUTE_MS } from "./slo.ts";

export type RequestSloHistory = {
  workload: string;
  slo: string;
  indicator: "success" | "latency" | "availability";
  target: number;
  periodMs?: number;
  /** Per-minute counts, stamped with the start of their minute. */
  samples: readonly TimedCounts[];
};

// Gaps of healthy minutes shorter than this stay inside one stretch of impact (a failing dependency
// rarely fails every single request of every minute).
const IMPACT_GAP_MS = 5 * MINUTE_MS;

const REASON_OF = { success: "ErrorRate", latency: "Latency", availability: "Unavailable" } as const satisfies Record<string, IncidentReason>;

// An SLO's page alert (the fast-burn rules of the burn-rate table, both windows over the rate,
// with the low-traffic guard) is an incident signal. The signal spans the impact, not the alert: from the
// first minute that burned faster than 1× in the stretch leading up to the page to the last one before it
// cleared, so the incident starts when users were first hurt and MTTD can be measured from it. The page
// itself became visible at the end of the first minute it fired: that is when Uptrust detected it.
export function sloPageSignals(h: RequestSloHistory, now: number, minEvents = MIN_EVENTS): Signal[] {
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
  let toldUntil = 0;
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
    // The page fired because its short window burned, so the impact it stands for is the latest burning
    // minute inside that window (the impact may be over by then: a young SLO pages only once its history
    // covers the short window), walked back to the first burning minute of its stretch.
    const shortMinutes = Math.round(fired.rule.shortWindowMs / MINUTE_MS);
    // A page that clears and fires again over the same impact tells it once: nothing before toldUntil.
    let from = i - 1;
    for (let k = i - 1; k >= Math.max(toldUntil, i - shortMinutes); k--) {
      if (burning(k)) {
        from = k;
        break;
      }
    }
    for (let k = from, gap = 0; k >= toldUntil && gap * MINUTE_MS < IMPACT_GAP_MS; k--) {
      if (burning(k)) [from, gap] = [k, 0];
      else gap++;
    }
    // One signal per stretch of impact while it paged: a page that stays up across two OOM kills 25
    // minutes apart (its 30-minute window still holds the first) reports two occurrences, not one outage.
    const stretches: [number, number][] = [];
    for (let k = Math.max(from, toldUntil); k < end; k++) {
      if (!burning(k)) continue;
      const open = stretches.at(-1);
      if (open && (k - open[1]) * MINUTE_MS <= IMPACT_GAP_MS) open[1] = k + 1;
      else stretches.push([k, k + 1]);
    }
    // The short window burned, so some minute in it did: with none left untold, this page adds nothing.
    if (stretches.length === 0) {
      i = end + 1;
      continue;
    }
    toldUntil = stretches[stretches.length - 1][1];
    const detail = `${h.slo} SLO paged: burning ${formatBurn(worst.longBurn)} over ${formatSpan(worst.rule.longWindowMs)} (rule ${formatBurn(worst.rule.burnRate)})`;
    for (const [k, [a, b]] of stretches.entries()) {
      out.push({
        workload: h.workload,
        reason: REASON_OF[h.indicator],
        from: first + a * MINUTE_MS,
        to: first + b * MINUTE_MS,
        // The first stretch became visible when the page fired; later ones as they burned, the page being up.
        visibleAt: k === 0 ? Math.max(first + i * MINUTE_MS, first + a * MINUTE_MS) : first + a * MINUTE_MS,
        source: "slo",
        detail,
        ...(h.indicator === "availability" ? { restatesFacts: true as const } : {}),
        // The fastest rule (2% of the budget in an hour) is severe whatever the replica counts say.
        ...(worst.rule === rules[0] ? { severity: "sev2" as const } : {}),
      });
    }
    i = end + 1;
  }
  return out;
}

/** An SLO whose stored status pages right now (what its card shows), with the kind of SLI it measures. */
export type PagingSlo = { workload: string; slo: string; indicator: string; fastest: boolean };

// A page outlasts the burn that raised it by up to the longest short window of a page rule (30 minutes):
// the short window must still burn for the page to fire, so the trouble it stands for ended at most that
// long ago.
export const PAGE_TAIL_MS = 30 * MINUTE_MS;

// Every SLO that pages now is an open incident, whatever its SLI (availability, success, latency,
// PromQL): a signal from the end of the workload's latest trouble within the page's tail (so it joins
// that incident and keeps it open) or, with none, from now, to now. The card and the cockpit's open
// incidents then never disagree; the page's history (sloPageSignals) tells when users were hurt.
export function pagingSloSignals(paging: readonly PagingSlo[], signals: readonly Signal[], now: number): Signal[] {
  return paging.map((p) => {
    const recent = signals.filter((s) => s.workload === p.workload && s.to >= now - PAGE_TAIL_MS && s.to <= now);
    const from = recent.reduce((max, s) => Math.max(max, s.to), -Infinity);
    const reason = p.indicator in REASON_OF ? REASON_OF[p.indicator as keyof typeof REASON_OF] : "ErrorRate";
    return {
      workload: p.workload,
      reason,
      from: Number.isFinite(from) ? from : now,
      to: now,
      // Known to page now; when it began is the history's to tell (sloPageSignals), not this status's.
      visibleAt: now,
      source: "slo" as const,
      detail: `${p.slo} SLO is paging`,
      ...(p.fastest ? { severity: "sev2" as const } : {}),
    };
  });
}

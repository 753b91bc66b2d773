import { describe, expect, it } from "vitest";
import { alertAt, alertHistory } from "./alert-history.ts";
import { evaluateBurnAlerts, type TimedCounts } from "./burn-rate.ts";
import { burnChartStepMs, burnReplay, ruleBurnSeries } from "./burn-replay.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./slo.ts";

const start = Date.UTC(2026, 10, 20, 0, 0);
const rolling = (t: number) => t - 30 * DAY_MS;

// Two days of 100 requests a minute; `bad(minute)` says how many of them failed.
function history(days: number, bad: (minute: number) => number): TimedCounts[] {
  return Array.from({ length: (days * DAY_MS) / MINUTE_MS }, (_, m) => ({ ts: start + m * MINUTE_MS, good: 100 - bad(m), total: 100 }));
}

// A 20-minute outage on day two, 11:00–11:20, failing every request.
const outageFrom = 24 * 60 + 11 * 60;
const samples = history(2, (m) => (m >= outageFrom && m < outageFrom + 20 ? 100 : 0));
const input = { target: 0.999, periodMs: 30 * DAY_MS, samples, from: start, to: start + 2 * DAY_MS, windowStartAt: rolling };

describe("alert history", () => {
  it("pages a minute into a full outage and clears once its 5-minute window is calm again", () => {
    const spans = alertHistory(input).filter((s) => s.severity === "page");
    const outage = start + outageFrom * MINUTE_MS;
    expect(spans).toHaveLength(1);
    expect(spans[0].from).toBe(outage + MINUTE_MS);
    // The fast rule's 5-minute window holds a bad minute until 5 minutes after the last one; the
    // 6-hour rule's 30-minute window keeps the page up until 30 minutes after it.
    expect(spans[0].to).toBe(outage + 20 * MINUTE_MS + 30 * MINUTE_MS);
    expect(spans[0].rule.burnRate).toBe(14.4);
  });

  it("leaves a ticket open after the page while the last days' burn stays over 1×", () => {
    const [ticket] = alertHistory(input).filter((s) => s.severity === "ticket");
    expect(ticket.from).toBeLessThanOrEqual(start + (outageFrom + 20) * MINUTE_MS);
    // The 6-hour short window of the 3-day rule (1×) still holds the outage six hours on.
    expect(ticket.to).toBe(start + (outageFrom + 20) * MINUTE_MS + 6 * HOUR_MS);
  });

  it("says at every minute what the card says: the same rules judged on the same windows", () => {
    const spans = alertHistory(input);
    for (let t = start + 36 * HOUR_MS; t <= start + 2 * DAY_MS; t += 7 * MINUTE_MS) {
      // The evaluator reads the minutes of the last 3 days inside the SLO window, measured since its first.
      const recent = samples.filter((s) => s.ts >= Math.max(t - 3 * DAY_MS, rolling(t)) && s.ts < t);
      const card = evaluateBurnAlerts(recent, t, 0.999, { periodMs: 30 * DAY_MS, measuredSince: Math.max(start, rolling(t)) });
      expect([new Date(t).toISOString(), alertAt(spans, t)]).toEqual([new Date(t).toISOString(), card.alert]);
    }
  });

  it("never pages a mostly idle workload for one failed request", () => {
    const idle = history(1, () => 0).map((s, m) => (m % 120 === 0 ? { ...s, total: 1, good: m === 600 ? 0 : 1 } : { ...s, total: 0, good: 0 }));
    expect(alertHistory({ ...input, samples: idle, to: start + DAY_MS })).toEqual([]);
  });
});

describe("burn-rate chart series", () => {
  it("reads each rule's windows as the card reads them at the evaluation's minute", () => {
    const to = start + 2 * DAY_MS;
    const replay = burnReplay(input, to);
    const recent = samples.filter((s) => s.ts >= to - 3 * DAY_MS && s.ts < to);
    const card = evaluateBurnAlerts(recent, to, 0.999, { periodMs: 30 * DAY_MS, measuredSince: start });
    for (const rule of card.rules) {
      const last = ruleBurnSeries(replay, rule, to - DAY_MS, to, HOUR_MS).at(-1)!;
      expect([last.long, last.short ?? 0]).toEqual([rule.longBurn, rule.shortBurn]);
    }
  });

  it("leaves a gap where a window measured nothing instead of drawing a calm zero", () => {
    const replay = burnReplay({ ...input, samples: samples.slice(0, 60) }, start + 3 * HOUR_MS);
    const points = ruleBurnSeries(replay, { longWindowMs: HOUR_MS, shortWindowMs: 5 * MINUTE_MS }, start, start + 3 * HOUR_MS, HOUR_MS);
    expect(points.map((p) => p.long)).toEqual([0, null, null]);
    expect(burnChartStepMs(6 * HOUR_MS)).toBe(5 * MINUTE_MS);
  });
});

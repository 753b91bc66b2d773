import { describe, expect, it } from "vitest";
import { sloPageSignals } from "./slo-signals.ts";
import { HOUR_MS, MINUTE_MS } from "./slo.ts";

const t0 = Date.UTC(2026, 11, 1, 8, 0);
// Ten requests a minute for `minutes`, failing `bad(i)` of them in minute i.
const history = (minutes: number, bad: (i: number) => number) =>
  Array.from({ length: minutes }, (_, i) => ({ ts: t0 + i * MINUTE_MS, good: 10 - bad(i), total: 10 }));

describe("request SLO page alerts as incident signals", () => {
  it("a 15-minute outage failing 60% of requests pages, and the signal spans the outage, not the alert", () => {
    const samples = history(180, (i) => (i >= 60 && i < 75 ? 6 : 0));
    const [signal, ...rest] = sloPageSignals({ workload: "Deployment/shop/checkout", slo: "requests", indicator: "success", target: 0.999, samples }, t0 + 180 * MINUTE_MS);
    expect(rest).toEqual([]);
    expect(signal.reason).toBe("ErrorRate");
    expect([(signal.from - t0) / MINUTE_MS, (signal.to - t0) / MINUTE_MS]).toEqual([60, 75]);
    expect(signal.severity).toBe("sev2");
    // 60 % failing against 99.9 %: the same 600× every other line of the SLO shows for that hour's minutes.
    expect(signal.detail).toMatch(/^requests SLO paged: burning \d+(\.\d+)?× over 1 h \(rule 14\.4×\)$/);
  });

  it("slow requests page a latency SLO as a Latency signal", () => {
    const samples = history(120, (i) => (i >= 30 && i < 60 ? 9 : 0));
    const [signal] = sloPageSignals({ workload: "Deployment/shop/frontend", slo: "latency", indicator: "latency", target: 0.99, samples }, t0 + 120 * MINUTE_MS);
    expect(signal.reason).toBe("Latency");
  });

  it("a sustainable trickle of errors never pages", () => {
    const samples = history(6 * 60, (i) => (i % 120 === 0 ? 1 : 0));
    expect(sloPageSignals({ workload: "w", slo: "requests", indicator: "success", target: 0.99, samples }, t0 + 6 * HOUR_MS)).toEqual([]);
  });

  it("a nearly idle service cannot page on a single failed request (low-traffic guard)", () => {
    const samples = [{ ts: t0, good: 0, total: 1 }, { ts: t0 + 30 * MINUTE_MS, good: 1, total: 1 }];
    expect(sloPageSignals({ workload: "w", slo: "requests", indicator: "success", target: 0.999, samples }, t0 + HOUR_MS)).toEqual([]);
  });

  it("an outage still going on is open until now's last burning minute", () => {
    const samples = history(90, (i) => (i >= 70 ? 10 : 0));
    const [signal] = sloPageSignals({ workload: "w", slo: "requests", indicator: "success", target: 0.999, samples }, t0 + 90 * MINUTE_MS);
    expect([(signal.from - t0) / MINUTE_MS, (signal.to - t0) / MINUTE_MS]).toEqual([70, 90]);
  });
});

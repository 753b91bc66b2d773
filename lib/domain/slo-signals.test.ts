import { describe, expect, it } from "vitest";
import { availabilitySignals } from "./incident-signals.ts";
import { groupIncidents } from "./incidents.ts";
import { pagingSloSignals, sloPageSignals } from "./slo-signals.ts";
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

  it("a young SLO that pages only once its history covers the short window still dates the page to the outage it saw", () => {
    // One availability minute a minute; replicas lost for the first 4 minutes of the SLO's history. The
    // 6 h rule may judge only once 30 minutes are measured, 26 minutes after service came back.
    const samples = Array.from({ length: 60 }, (_, i) => ({ ts: t0 + i * MINUTE_MS, good: i < 4 ? 0 : 1, total: 1 }));
    const signals = sloPageSignals({ workload: "Deployment/shop/checkout", slo: "availability", indicator: "availability", target: 0.999, samples }, t0 + HOUR_MS);
    expect(signals.map((s) => [(s.from - t0) / MINUTE_MS, (s.to - t0) / MINUTE_MS, (s.visibleAt! - t0) / MINUTE_MS])).toEqual([[0, 4, 30]]);
    // Not a second, minute-long incident 26 minutes after the first: the page is that outage's.
    expect(groupIncidents(signals, t0 + HOUR_MS).map((i) => [(i.startedAt - t0) / MINUTE_MS, (i.detectedAt - t0) / MINUTE_MS])).toEqual([[0, 30]]);
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

describe("a page that stays up across two outages", () => {
  it("reports each stretch of impact, so two OOM kills 25 minutes apart are two occurrences, not one long outage", () => {
    const samples = history(120, (i) => (i === 60 || i === 61 || i === 86 || i === 87 ? 10 : 0));
    const signals = sloPageSignals({ workload: "w", slo: "availability", indicator: "availability", target: 0.999, samples }, t0 + 120 * MINUTE_MS);
    expect(signals.map((x) => [(x.from - t0) / MINUTE_MS, (x.to - t0) / MINUTE_MS])).toEqual([[60, 62], [86, 88]]);
    expect(signals[0].visibleAt).toBe(t0 + 61 * MINUTE_MS);
  });
});

describe("an SLO that pages is an open incident, whatever its SLI", () => {
  const checkout = { kind: "Deployment", namespace: "shop", name: "checkout" };
  const key = "Deployment/shop/checkout";
  // All three replicas lost for two minutes at 09:00:30: too short for missing replicas alone (5 minutes).
  const lostAt = t0 + 60.5 * MINUTE_MS;
  const outage = { workload: checkout, series: [{ ts: t0, desired: 3, available: 3 }, { ts: lostAt, desired: 3, available: 0 }, { ts: lostAt + 2 * MINUTE_MS, desired: 3, available: 3 }] };
  const minutes = history(120, (i) => (i === 60 || i === 61 ? 10 : 0));

  it("a two-minute loss of every replica pages the 99.9 % availability SLO, and that page is an incident", () => {
    const now = t0 + 64 * MINUTE_MS;
    const pages = sloPageSignals({ workload: key, slo: "availability", indicator: "availability", target: 0.999, samples: minutes.slice(0, 64) }, now);
    expect(groupIncidents(availabilitySignals([outage], now), now)).toEqual([]);
    const [incident] = groupIncidents([...availabilitySignals([outage], now), ...pages], now);
    // The page counts whole minutes; the replica counts date the start to the second.
    expect(incident).toMatchObject({ workload: key, reason: "Unavailable", startedAt: lostAt });
    // Detected when the page fired, at the end of the first lost minute: after the start, before recovery.
    expect(incident.detectedAt).toBe(t0 + 61 * MINUTE_MS);
  });

  it("stays open while the card still pages after the replicas came back, and joins the outage it stands for", () => {
    const now = t0 + 80 * MINUTE_MS;
    const facts = availabilitySignals([outage], now);
    const paging = pagingSloSignals([{ workload: key, slo: "availability", indicator: "availability", fastest: false }], facts, now);
    const [incident, ...rest] = groupIncidents([...facts, ...paging], now);
    expect(rest).toEqual([]);
    expect(incident).toMatchObject({ startedAt: lostAt, resolvedAt: null });
  });

  it("a latency or PromQL SLO paging with nothing else wrong is an incident of its own from now", () => {
    const now = t0 + 80 * MINUTE_MS;
    const paging = pagingSloSignals([{ workload: key, slo: "p99", indicator: "latency", fastest: true }, { workload: "Deployment/shop/cart", slo: "errors", indicator: "promql", fastest: false }], [], now);
    expect(groupIncidents(paging, now).map((i) => [i.workload, i.reason, i.severity, i.resolvedAt])).toEqual([
      ["Deployment/shop/cart", "ErrorRate", "sev3", null],
      [key, "Latency", "sev2", null],
    ]);
  });
});

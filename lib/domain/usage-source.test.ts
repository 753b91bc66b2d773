import { describe, expect, it } from "vitest";
import { MIB } from "./rightsizing.ts";
import { rightsizeContainer } from "./rightsize-container.ts";
import { rollupSamples } from "./rollup-samples.ts";
import { chooseUsage, prometheusSuffices, throttledShare, throttlingEvidence, throttlingText, usageSourceText, type PrometheusUsage } from "./usage-source.ts";

const t0 = Date.UTC(2026, 11, 6, 0, 0);
// One sample a minute at a steady 200m and 300 MiB, in 5-minute buckets.
const steady = (minutes: number) => rollupSamples(Array.from({ length: minutes }, (_, i) => ({ ts: t0 + i * 60_000, cpuMillis: 200, memoryBytes: 300 * MIB })));
const answered = (minutes: number, throttledShares: number[] = []): PrometheusUsage => ({ ok: true, buckets: steady(minutes), throttledShares });

describe("CPU throttling as cAdvisor counts it", () => {
  it("is the share of CFS periods in which the container was throttled", () => {
    expect(throttledShare(240, 600)).toBe(0.4);
    expect(throttledShare(0, 600)).toBe(0);
  });

  it("measures nothing in a window without CFS periods (no CPU limit), rather than claiming 0 %", () => {
    expect(throttledShare(0, 0)).toBeNull();
    expect(throttledShare(Number.NaN, 600)).toBeNull();
  });

  it("is shown at the p95 of its windows and at its worst", () => {
    const shares = [...Array.from({ length: 95 }, () => 0.1), 0.4, 0.4, 0.4, 0.4, 0.9];
    expect(throttlingEvidence(shares)).toEqual({ p95: 0.1, max: 0.9 });
    expect(throttlingText(throttlingEvidence(shares))).toBe("CPU throttled in 10 % of periods at p95, 90 % at most");
    expect(throttlingEvidence([])).toBeNull();
  });
});

describe("choosing where a container's usage comes from", () => {
  it("reads Prometheus when it holds 3 hours of the container, and does not need the rollups then", () => {
    const prom = answered(4 * 60, [0.4, 0.4]);
    expect(prometheusSuffices(prom)).toBe(true);
    expect(chooseUsage(prom, [])).toMatchObject({ source: "prometheus", throttling: { p95: 0.4, max: 0.4 }, note: null });
  });

  it("falls back to metrics.k8s.io, saying why, when Prometheus is down or lacks the container", () => {
    const rollups = steady(6 * 60);
    expect(chooseUsage({ ok: false, error: "connect ECONNREFUSED" }, rollups)).toEqual({
      source: "metrics-api",
      buckets: rollups,
      throttling: null,
      note: "Prometheus could not answer (connect ECONNREFUSED)",
    });
    expect(chooseUsage({ ok: true, buckets: [], throttledShares: [] }, rollups).note).toBe("Prometheus has no cAdvisor series for this container");
    expect(chooseUsage(answered(60), rollups)).toMatchObject({ source: "metrics-api", note: "Prometheus has only 1 h of this container's usage" });
  });

  it("uses metrics.k8s.io without a note when no Prometheus is configured", () => {
    expect(chooseUsage(undefined, steady(60))).toMatchObject({ source: "metrics-api", note: null });
  });

  it("keeps Prometheus's shorter history while neither source has 3 hours yet", () => {
    expect(chooseUsage(answered(120), steady(30)).source).toBe("prometheus");
  });

  it("records Prometheus's buckets in every strategy's basis", () => {
    const { suggestions } = rightsizeContainer({
      buckets: steady(4 * 60), now: t0 + 4 * 3_600_000, source: "prometheus", replicas: 1, oomKilledRecently: false, hpa: null, burns: [],
      current: { cpuRequestMillis: 1000, memoryRequestBytes: 1024 * MIB, memoryLimitBytes: 1024 * MIB },
    });
    expect(suggestions.map((s) => [s.basis.strategy, s.basis.source])).toEqual([["krr-simple", "prometheus_cadvisor_5m"], ["vpa", "prometheus_cadvisor_5m"]]);
  });
});

describe("wording the source beside a suggestion", () => {
  it("names the source and the history it read", () => {
    expect(usageSourceText("prometheus", 14 * 24)).toBe("usage from Prometheus (cAdvisor), 14d");
    expect(usageSourceText("metrics-api", 6)).toBe("usage from metrics.k8s.io, 6h");
    expect(usageSourceText("metrics-api", null)).toBe("usage from metrics.k8s.io");
  });
});

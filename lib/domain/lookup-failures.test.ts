import { describe, expect, it } from "vitest";
import { lookupFailureSignals, lookupMinutes } from "./lookup-failures.ts";
import { MINUTE_MS } from "./slo.ts";

const t0 = Date.UTC(2026, 11, 2, 10, 0);
const at = (m: number) => t0 + m * MINUTE_MS;

describe("failed name lookups as an incident signal", () => {
  it("counts a minute's failed lookups per workload and keeps the first line as the example", () => {
    const lines = [0, 10_000, 70_000].map((d) => ({ workloadId: "w1", ts: t0 + d, message: `dial tcp: lookup payments: no such host\ngoroutine 1` }));
    expect(lookupMinutes(lines)).toEqual([
      { workloadId: "w1", ts: at(0), lines: 2, sample: "dial tcp: lookup payments: no such host" },
      { workloadId: "w1", ts: at(1), lines: 1, sample: "dial tcp: lookup payments: no such host" },
    ]);
  });

  it("lookups failing for ten minutes are one DNSFailure signal over those minutes", () => {
    const minutes = Array.from({ length: 10 }, (_, i) => ({ ts: at(i), lines: 2, sample: "no such host" }));
    const [signal, ...rest] = lookupFailureSignals("Deployment/shop/checkout", minutes, at(30));
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({ reason: "DNSFailure", from: at(0), to: at(10), source: "log", detail: "20 failed name lookups, e.g. no such host" });
  });

  it("one stray failed lookup is not an outage", () => {
    expect(lookupFailureSignals("w", [{ ts: at(0), lines: 3, sample: "no such host" }], at(30))).toEqual([]);
  });
});

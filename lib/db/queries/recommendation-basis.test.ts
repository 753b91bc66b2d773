import { describe, expect, it } from "vitest";
import { recommendKrrSimple } from "@/lib/domain/rightsizing.ts";
import { rollupSamples } from "@/lib/domain/rollup-samples.ts";
import { recommendVpa } from "@/lib/domain/vpa.ts";
import { readBasis, savingsOf } from "./recommendation-basis.ts";

describe("right-sizing evidence", () => {
  it("trusts a suggestion resting on two weeks of samples", () => {
    const r = readBasis({ cpuPercentile: 95, sampleCount: 16_128, historyHours: 336, oomBump: 0 });
    expect(r).toEqual({ basis: { percentile: 95, samples: 16_128, historyHours: 336, oomBump: false }, enoughHistory: true, note: null });
  });

  it("shows the percentile and sample count of what the analyzer actually stores", () => {
    const buckets = rollupSamples(Array.from({ length: 240 }, (_, i) => ({ ts: i * 60_000, cpuMillis: 40 + (i % 20), memoryBytes: 200 * 2 ** 20 })));
    const rec = recommendKrrSimple({ buckets, oomKilledRecently: true });
    if (!rec.ok) throw new Error(rec.reason);
    expect(readBasis(JSON.parse(JSON.stringify(rec.basis)))).toMatchObject({ basis: { percentile: 95, samples: 240, oomBump: true }, enoughHistory: true });
    const vpa = recommendVpa({ buckets, now: 240 * 60_000, oomUsageBytes: 2 ** 30 });
    if (!vpa.ok) throw new Error(vpa.reason);
    expect(readBasis(JSON.parse(JSON.stringify(vpa.basis)))).toMatchObject({ basis: { percentile: 90, samples: 240, oomBump: true }, enoughHistory: true });
  });

  it("says 'not enough history' below 100 samples or 3 hours", () => {
    const r = readBasis({ cpuPercentile: 95, sampleCount: 40, historyHours: 1 });
    expect(r.enoughHistory).toBe(false);
    expect(r.note).toMatch(/Not enough history yet/);
  });

  it("prefers the analyzer's own verdict and wording when it gives them", () => {
    const r = readBasis({ enoughHistory: false, reason: "HPA-managed: Uptrust leaves CPU to the autoscaler" });
    expect(r).toMatchObject({ enoughHistory: false, note: "HPA-managed: Uptrust leaves CPU to the autoscaler" });
  });

  it("survives a malformed basis instead of breaking the cockpit", () => {
    expect(readBasis("garbage").basis).toEqual({ percentile: null, samples: null, historyHours: null, oomBump: false });
  });

  it("reads each field on its own: one of the wrong type does not hide the analyzer's verdict (a headline reads only that)", () => {
    const whole = readBasis({ cpuPercentile: "p95", sampleCount: 40, historyHours: 1, enoughHistory: false });
    expect(whole).toMatchObject({ basis: { percentile: null, samples: 40, historyHours: 1 }, enoughHistory: false });
    expect(readBasis({ enoughHistory: false, sampleCount: 40, historyHours: 1 }).enoughHistory).toBe(whole.enoughHistory);
  });

  it("counts savings in cores and GiB, negative when the container needs more", () => {
    expect(savingsOf({ cpuMillis: 500, memoryRequestBytes: 1024 ** 3 }, { cpuMillis: 250, memoryRequestBytes: 512 * 1024 ** 2 }, true))
      .toEqual({ cpuCores: 0.25, memoryGiB: 0.5 });
    expect(savingsOf({ cpuMillis: null, memoryRequestBytes: null }, { cpuMillis: 250, memoryRequestBytes: 1 }, true))
      .toEqual({ cpuCores: null, memoryGiB: null });
    expect(savingsOf({ cpuMillis: 1000, memoryRequestBytes: 0 }, { cpuMillis: 1200, memoryRequestBytes: 0 }, true).cpuCores).toBe(-0.2);
  });
});

import { describe, expect, it } from "vitest";
import { attributeBudget, burnIntervals, describeCharge, type BadMinute } from "./budget-attribution.ts";
import { allowedBadEvents, MINUTE_MS } from "./slo.ts";

const t0 = Date.UTC(2026, 11, 2, 10, 0);
const at = (m: number) => t0 + m * MINUTE_MS;
// A 99.9% request SLO, 100 requests a minute: `bad` failed in each listed minute.
const minutes = (from: number, to: number, bad: number): BadMinute[] => Array.from({ length: to - from }, (_, i) => ({ ts: at(from + i), good: 100 - bad, total: 100 }));
// A month of traffic measured: the budget allows 4,320 failed requests.
const month = 30 * 24 * 60 * MINUTE_MS;
const expected = allowedBadEvents({ good: 100 * 43_200, total: 100 * 43_200 }, 0.999, month, month);
const rollout = { id: "r7", observedAt: at(-2), summary: "image checkout: 1.4.2 → 1.5.0", kind: "template", revision: "7" };
const rollback = { id: "r8", observedAt: at(20), summary: "image checkout: 1.5.0 → 1.4.2", kind: "template", revision: "8" };

describe("error budget charged to the changes that spent it", () => {
  it("a rollout followed by 20 minutes failing half the requests spent 23% of a month's budget; the rollback is not charged", () => {
    const [charge, ...rest] = attributeBudget(minutes(0, 20, 50), [rollout, rollback], 0.999, expected);
    expect(rest).toEqual([]);
    expect(charge.change?.id).toBe("r7");
    expect(charge.spent).toBeCloseTo(1000 / 4320, 5);
    expect(describeCharge(charge, "checkout")).toBe("rollout 7 of checkout (image checkout: 1.4.2 → 1.5.0) spent 23.1% of this window's budget.");
  });

  it("burning with no change near its onset is charged to nobody, so the charges still add up", () => {
    const charges = attributeBudget([...minutes(0, 10, 50), ...minutes(300, 310, 50)], [rollout], 0.999, expected);
    expect(charges.map((c) => c.change?.id ?? null)).toEqual(["r7", null]);
    expect(charges[0].spent + charges[1].spent).toBeCloseTo(1000 / 4320, 5);
    expect(describeCharge(charges[1], "checkout")).toMatch(/^Burning not linked to any change spent 11\.6%/);
  });

  it("a minute within the budget's pace is not burning, and short healthy gaps stay inside one interval", () => {
    const trickle = minutes(0, 30, 0).map((m, i) => (i % 10 === 0 ? { ...m, good: 99.95 } : m));
    expect(burnIntervals(trickle, 0.999)).toEqual([]);
    const gappy = [...minutes(0, 5, 30), ...minutes(8, 12, 30)];
    expect(burnIntervals(gappy, 0.999).map((i) => [(i.from - t0) / MINUTE_MS, (i.to - t0) / MINUTE_MS])).toEqual([[0, 12]]);
  });

  it("two changes at one onset share its cost", () => {
    const config = { id: "c1", observedAt: at(-5), summary: "ConfigMap checkout-config: keys +DB_URL", kind: "configmap", revision: null };
    const charges = attributeBudget(minutes(0, 10, 50), [rollout, config], 0.999, expected);
    expect(charges.map((c) => Math.round(c.spent * 1000))).toEqual([58, 58]);
    expect(describeCharge(charges.find((c) => c.change?.id === "c1")!, "checkout")).toMatch(/^a ConfigMap change of checkout/);
  });
});

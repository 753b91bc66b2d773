import { describe, expect, it } from "vitest";
import { moneyVerb, savingsText } from "./savings-text.ts";
import { monthlyValue, savingsPerReplica, timesReplicas } from "./rightsizing-savings.ts";

const GIB = 1024 ** 3;
const prices = { cpuCoreHour: 0.0316, memoryGibHour: 0.0042, currency: "USD" };
const figures = (current: { cpuMillis: number; memoryRequestBytes: number }, next: { cpuMillis: number; memoryRequestBytes: number }, replicas = 1) => {
  const savings = timesReplicas(savingsPerReplica(current, next), replicas);
  return { ...savings, monthly: monthlyValue(savings, prices).total, currency: prices.currency };
};

describe("right-sizing savings read as savings, never as a cost", () => {
  it("a smaller suggestion says 'saves', with no '+' that reads like a cost", () => {
    const text = savingsText(figures({ cpuMillis: 1000, memoryRequestBytes: 4 * GIB }, { cpuMillis: 400, memoryRequestBytes: 2.3 * GIB }, 2));
    expect(text).toBe("saves 1.2 cores, 3.4 GiB, $38.10/month");
    expect(text).not.toMatch(/\+/);
  });

  it("a suggestion that raises requests says what it costs", () => {
    expect(savingsText(figures({ cpuMillis: 100, memoryRequestBytes: GIB }, { cpuMillis: 300, memoryRequestBytes: GIB }))).toBe("costs 0.2 cores, $4.61/month");
  });

  it("a suggestion that gives CPU back but asks for memory names both", () => {
    expect(savingsText(figures({ cpuMillis: 500, memoryRequestBytes: GIB }, { cpuMillis: 250, memoryRequestBytes: 1.5 * GIB }))).toBe(
      "saves 0.25 cores, $4.24/month; costs 0.5 GiB",
    );
    expect(moneyVerb(-2.1, "EUR")).toBe("costs €2.10");
  });
});

import { describe, expect, it } from "vitest";
import { formatBurn } from "./burn-rate.ts";
import { directionsOf, downsizingHold } from "./rightsizing-hold.ts";

const MIB = 2 ** 20;
const current = { cpuRequestMillis: 500, memoryRequestBytes: 1024 * MIB, memoryLimitBytes: 1024 * MIB };
const smaller = { cpuRequestMillis: 100, memoryRequestBytes: 300 * MIB, memoryLimitBytes: 300 * MIB };
const bigger = { cpuRequestMillis: 800, memoryRequestBytes: 2048 * MIB, memoryLimitBytes: 2048 * MIB };
const burning = [{ workload: "checkout", slo: "availability", burnRate1h: 0.4, burnRate6h: 3.21 }];

describe("SLO-gated downsizing", () => {
  it("holds a downsizing while the workload's SLO burns faster than 1×, naming the SLO and the rate its card shows", () => {
    expect(downsizingHold(directionsOf(current, smaller), burning)).toBe("held: checkout's availability SLO is burning 3.21× — downsizing now would risk it");
  });

  it("never holds an upsizing, nor a first request where none was set", () => {
    expect(downsizingHold(directionsOf(current, bigger), burning)).toBeNull();
    expect(downsizingHold(directionsOf({ cpuRequestMillis: null, memoryRequestBytes: null, memoryLimitBytes: null }, smaller), burning)).toBeNull();
  });

  it("lets a downsizing go ahead once every SLO burns at 1× or less", () => {
    expect(downsizingHold(directionsOf(current, smaller), [{ ...burning[0], burnRate6h: 1 }])).toBeNull();
    expect(downsizingHold(directionsOf(current, smaller), [])).toBeNull();
  });

  it("counts a lower memory limit as downsizing even when the request rises: the limit is where OOM kills happen", () => {
    const d = directionsOf({ cpuRequestMillis: 100, memoryRequestBytes: 256 * MIB, memoryLimitBytes: 1024 * MIB }, { cpuRequestMillis: 100, memoryRequestBytes: 300 * MIB, memoryLimitBytes: 300 * MIB });
    expect(d).toEqual({ cpuRequest: "same", memoryRequest: "raise", memoryLimit: "lower" });
    expect(downsizingHold(d, burning)).not.toBeNull();
  });

  it("names the fastest of several burning SLOs, and a barely-burning one without rounding it to 1.0×", () => {
    const two = [...burning, { workload: "checkout", slo: "latency", burnRate1h: 14.4, burnRate6h: 2 }];
    expect(downsizingHold(directionsOf(current, smaller), two)).toContain("latency SLO is burning 14.4×");
    expect(formatBurn(1.04)).toBe("1.04×");
    expect(formatBurn(Number.POSITIVE_INFINITY)).toBe("∞×");
    expect(downsizingHold(directionsOf(current, smaller), [{ ...burning[0], burnRate1h: Number.NaN, burnRate6h: Number.NaN }])).toBeNull();
  });
});

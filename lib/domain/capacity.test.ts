import { describe, expect, it } from "vitest";
import { DEFAULT_POOL, forecastExhaustion, formatAmount, nodePool } from "./capacity.ts";
import type { CapacityPoint } from "./capacity-points.ts";
import { DAY_MS, HOUR_MS } from "./slo.ts";

const now = Date.UTC(2026, 10, 25, 12, 0);
const GIB = 1024 ** 3;

// Hourly points for the `hours` closed hours before now; `f(daysAgo)` gives each one's figures.
function history(hours: number, f: (daysAgo: number, i: number) => Partial<CapacityPoint>): CapacityPoint[] {
  return Array.from({ length: hours }, (_, i) => {
    const bucket = now - (hours - i) * HOUR_MS;
    const daysAgo = (now - (bucket + HOUR_MS / 2)) / DAY_MS;
    return {
      pool: "general", bucket, nodeCount: 1, podCount: 10,
      allocatableCpuMillis: 4000, allocatableMemoryBytes: 16 * GIB,
      requestedCpuMillis: 3000, requestedMemoryBytes: 8 * GIB,
      usedCpuMillis: 1000, usedMemoryBytes: 4 * GIB, usageSlots: 12,
      ...f(daysAgo, i),
    };
  });
}
const days = (t: number | null) => (t === null ? null : (t - now) / DAY_MS);
// A deterministic wobble of ±50m around the trend, like requests moving with deploys during the day.
const wobble = (i: number) => [40, -30, 10, -50, 20, 50, -20, -10, 30, -40][i % 10];

describe("which pool a node is in", () => {
  it("reads the pool label of Karpenter, GKE, EKS and AKS", () => {
    expect(nodePool({ "karpenter.sh/nodepool": "general", "node.kubernetes.io/instance-type": "m6i.xlarge" })).toEqual({ pool: "general", label: "karpenter.sh/nodepool" });
    expect(nodePool({ "cloud.google.com/gke-nodepool": "default-pool" }).pool).toBe("default-pool");
    expect(nodePool({ "eks.amazonaws.com/nodegroup": "ng-1" }).pool).toBe("ng-1");
    expect(nodePool({ "kubernetes.azure.com/agentpool": "sys" }).pool).toBe("sys");
    expect(nodePool({ agentpool: "old-aks" }).pool).toBe("old-aks");
  });

  it("takes nodes of one instance type as a pool when no pool label is set, else puts them in default", () => {
    expect(nodePool({ "node.kubernetes.io/instance-type": "m6i.xlarge", "kubernetes.io/os": "linux" })).toEqual({ pool: "m6i.xlarge", label: "node.kubernetes.io/instance-type" });
    expect(nodePool({ "kubernetes.io/hostname": "node-a", "karpenter.sh/nodepool": "  " })).toEqual({ pool: DEFAULT_POOL, label: null });
  });
});

describe("when a pool's requests reach its allocatable", () => {
  it("a pool adding 100m of requests a day with 1 core of headroom runs out in 10 days", () => {
    const points = history(7 * 24, (d) => ({ requestedCpuMillis: 3000 - 100 * d }));
    const f = forecastExhaustion(points, "cpu", "requests", now);
    expect(f.status).toBe("exhausts");
    expect(f.fit!.slope * 24).toBeCloseTo(100, 6);
    expect(days(f.exhaustsAt)).toBeCloseTo(10, 2);
    expect(f.explanation).toBe(
      "CPU requests grow by 100m a day over the last 7 days and 1 core of 4 cores allocatable is left: at that pace the pool runs out in about 10 days, around 2026-12-05 (95 % interval 2026-12-05 to 2026-12-05).",
    );
  });

  it("brackets the date with a 95 % interval that is wider the noisier the history", () => {
    const quiet = forecastExhaustion(history(7 * 24, (d, i) => ({ requestedCpuMillis: 3000 - 100 * d + wobble(i) / 5 })), "cpu", "requests", now);
    const noisy = forecastExhaustion(history(7 * 24, (d, i) => ({ requestedCpuMillis: 3000 - 100 * d + wobble(i) })), "cpu", "requests", now);
    for (const f of [quiet, noisy]) {
      expect(f.status).toBe("exhausts");
      expect(days(f.exhaustsAt)).toBeCloseTo(10, 0);
      expect(f.earliestAt!).toBeLessThan(f.exhaustsAt!);
      expect(f.latestAt!).toBeGreaterThan(f.exhaustsAt!);
    }
    expect(noisy.latestAt! - noisy.earliestAt!).toBeGreaterThan(quiet.latestAt! - quiet.earliestAt!);
  });

  it("a pool adding 1 GiB of memory requests a day with 8 GiB left runs out in 8 days", () => {
    const f = forecastExhaustion(history(3 * 24, (d) => ({ requestedMemoryBytes: 8 * GIB - d * GIB })), "memory", "requests", now);
    expect(days(f.exhaustsAt)).toBeCloseTo(8, 2);
    expect(f.explanation).toContain("Memory requests grow by 1 GiB a day over the last 3 days and 8.02 GiB of 16 GiB allocatable is left");
  });

  it("gives no date for requests that are flat, and says so", () => {
    const f = forecastExhaustion(history(48, () => ({})), "cpu", "requests", now);
    expect(f).toMatchObject({ status: "no-forecast", exhaustsAt: null, earliestAt: null, latestAt: null });
    expect(f.explanation).toBe("CPU requests are flat or falling (0m a day over the last 2 days): no exhaustion forecast; 1 core of 4 cores allocatable is left.");
  });

  it("calls growth too small to print flat, rather than giving it a date", () => {
    const f = forecastExhaustion(history(48, (d) => ({ usedCpuMillis: 1000 - 0.2 * d })), "cpu", "usage", now);
    expect(f.status).toBe("no-forecast");
    expect(f.explanation).toMatch(/^CPU usage is flat or falling \(0m a day/);
  });

  it("gives no date for usage that is falling after a clean-up", () => {
    const f = forecastExhaustion(history(48, (d) => ({ usedCpuMillis: 1000 + 200 * d })), "cpu", "usage", now);
    expect(f.status).toBe("no-forecast");
    expect(f.exhaustsAt).toBeNull();
    expect(f.explanation).toMatch(/^CPU usage is flat or falling \(−200m a day/);
  });

  it("waits for 6 hours of history before drawing a trend", () => {
    const f = forecastExhaustion(history(5, (d) => ({ requestedCpuMillis: 3000 - 5000 * d })), "cpu", "requests", now);
    expect(f).toMatchObject({ status: "no-forecast", fit: null, exhaustsAt: null, points: 5 });
    expect(f.explanation).toBe("CPU requests: no exhaustion forecast yet, 5 hourly points over 5 hours; a trend needs at least 6 points spanning 6 hours.");
  });

  it("says when no node usage has arrived instead of forecasting from nothing", () => {
    const f = forecastExhaustion(history(48, () => ({ usedCpuMillis: null })), "cpu", "usage", now);
    expect(f).toMatchObject({ status: "no-forecast", points: 0 });
    expect(f.explanation).toBe("CPU usage: no exhaustion forecast, no node usage from metrics.k8s.io for this pool yet.");
  });

  it("says a pool whose requests already fill it is out of room now", () => {
    const f = forecastExhaustion(history(24, () => ({ requestedCpuMillis: 4000 })), "cpu", "requests", now);
    expect(f.status).toBe("exhausted");
    expect(f.explanation).toBe("CPU requests already fill the pool's 4 cores allocatable: pods asking for more CPU wait until room is freed or nodes are added.");
  });

  it("gives no date beyond 90 days for slow growth, but names the pessimistic one if it falls inside", () => {
    const f = forecastExhaustion(history(14 * 24, (d, i) => ({ requestedCpuMillis: 3000 - 5 * d + wobble(i) * 3 })), "cpu", "requests", now);
    expect(f.status).toBe("beyond-horizon");
    expect(f.exhaustsAt).toBeNull();
    expect(f.explanation).toMatch(/^CPU requests grow by 5m a day over the last 14 days and .*: at that pace it lasts beyond 90 days/);
  });

  it("leaves the optimistic bound open when the growth is small against the scatter", () => {
    const f = forecastExhaustion(history(24, (d, i) => ({ requestedCpuMillis: 3000 - 400 * d + wobble(i) * 10 })), "cpu", "requests", now);
    expect(f.status).toBe("exhausts");
    expect(f.latestAt).toBeNull();
    expect(f.explanation).toMatch(/to beyond 90 days\)\.$/);
  });

  it("fits only the last two weeks, and only complete hours", () => {
    const points = history(30 * 24, (d) => ({ requestedCpuMillis: 3000 - 100 * d }));
    const open = { ...points[points.length - 1], bucket: now, requestedCpuMillis: 3999 };
    const f = forecastExhaustion([...points, open], "cpu", "requests", now);
    expect(f.points).toBe(14 * 24);
    expect(f.historyTo).toBe(now);
  });
});

describe("amounts in the units pod specs use", () => {
  it("writes CPU in millicores or cores and memory in MiB or GiB", () => {
    expect(formatAmount("cpu", 250)).toBe("250m");
    expect(formatAmount("cpu", 1500)).toBe("1.5 cores");
    expect(formatAmount("memory", 512 * 1024 ** 2)).toBe("512 MiB");
    expect(formatAmount("memory", 1.5 * GIB)).toBe("1.5 GiB");
    expect(formatAmount("memory", GIB - 1)).toBe("1 GiB");
    expect(formatAmount("cpu", 999.7)).toBe("1 core");
    expect(formatAmount("cpu", 193_130)).toBe("193 cores");
    expect(formatAmount("memory", 1737.4 * GIB)).toBe("1737 GiB");
  });
});

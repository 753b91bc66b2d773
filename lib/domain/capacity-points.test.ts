import { describe, expect, it } from "vitest";
import { buildCapacityPoints, hourlyLevels, poolNodesAt, type CapacityNode, type PodRequest, type UsageSlot } from "./capacity-points.ts";
import { HOUR_MS, MINUTE_MS } from "./slo.ts";

const h0 = Date.UTC(2026, 10, 25, 8, 0);
const at = (minutes: number) => h0 + minutes * MINUTE_MS;
const GIB = 1024 ** 3;

const node = (name: string, pool: string, opts: Partial<CapacityNode> = {}): CapacityNode => ({
  name, pool, createdAt: null, deletedAt: null, allocatableCpuMillis: 4000, allocatableMemoryBytes: 16 * GIB, ...opts,
});
const pod = (nodeName: string, from: number, until: number | null, cpuMillis = 500, memoryBytes = GIB): PodRequest => ({ node: nodeName, from, until, cpuMillis, memoryBytes });

describe("hourly levels from spans", () => {
  it("a pod bound for the second half of an hour counts half its request in that hour's mean and all of it in its peak", () => {
    const [hour] = hourlyLevels([{ from: at(30), until: null, value: 500 }], h0, h0 + HOUR_MS);
    expect(hour).toEqual({ hour: h0, mean: 250, peak: 500 });
  });

  it("a pod replaced on the hour is not counted twice", () => {
    const levels = hourlyLevels([{ from: at(-60), until: at(60), value: 500 }, { from: at(60), until: null, value: 500 }], h0, h0 + 2 * HOUR_MS);
    expect(levels.map((l) => [l.mean, l.peak])).toEqual([[500, 500], [500, 500]]);
  });

  it("a surge of pods that came and went inside the hour shows in the peak, a tenth of it in the mean", () => {
    const surge = Array.from({ length: 10 }, () => ({ from: at(10), until: at(16), value: 100 }));
    const [hour] = hourlyLevels(surge, h0, h0 + HOUR_MS);
    expect(hour.peak).toBe(1000);
    expect(hour.mean).toBeCloseTo(100, 9);
  });

  it("ignores spans outside the hours asked for and spans that end before they start", () => {
    const levels = hourlyLevels([{ from: at(-120), until: at(-60), value: 9 }, { from: at(20), until: at(10), value: 9 }], h0, h0 + HOUR_MS);
    expect(levels).toEqual([{ hour: h0, mean: 0, peak: 0 }]);
  });

  it("asks for whole hours", () => {
    expect(() => hourlyLevels([], at(5), at(65))).toThrow(RangeError);
  });
});

describe("a node pool's hourly points", () => {
  const usage = (pool: string, hourStart: number, cpus: number[]): UsageSlot[] =>
    cpus.map((cpu, i) => ({ pool, slot: hourStart + i * 5 * MINUTE_MS, cpuMillis: cpu, memoryBytes: cpu * 1024 ** 2 }));

  it("adds up each pool's nodes, the requests of pods bound to them and their usage", () => {
    const nodes = [node("a-1", "general"), node("a-2", "general", { createdAt: at(30) }), node("gpu-1", "gpu", { allocatableCpuMillis: 8000 })];
    const pods = [pod("a-1", at(-600), null), pod("a-2", at(30), null, 1000, 2 * GIB), pod("gpu-1", at(-600), null, 6000, 8 * GIB)];
    const slots = usage("general", h0, [900, 1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2600]);
    const { points } = buildCapacityPoints({ nodes, pods, usage: slots, fromHour: h0, toHour: h0 + HOUR_MS });
    const general = points.find((p) => p.pool === "general")!;
    // The second node joined at 08:30: half an hour of its 4 cores and of the pod it runs.
    expect(general).toMatchObject({ bucket: h0, nodeCount: 2, podCount: 2, allocatableCpuMillis: 6000, requestedCpuMillis: 1000, requestedMemoryBytes: 2 * GIB });
    // p95 (nearest rank) of twelve 5-minute totals is the highest: one busy slot is what capacity must hold.
    expect(general.usedCpuMillis).toBe(2600);
    expect(general.usageSlots).toBe(12);
    const gpu = points.find((p) => p.pool === "gpu")!;
    expect(gpu).toMatchObject({ allocatableCpuMillis: 8000, requestedCpuMillis: 6000, usedCpuMillis: null, usageSlots: 0 });
  });

  it("writes no point for an hour in which the pool had no node", () => {
    const nodes = [node("a-1", "general", { createdAt: at(60) })];
    const { points } = buildCapacityPoints({ nodes, pods: [], usage: [], fromHour: h0, toHour: h0 + 2 * HOUR_MS });
    expect(points.map((p) => p.bucket)).toEqual([h0 + HOUR_MS]);
  });

  it("stops counting a node once it is deleted, and its pods once they end", () => {
    const nodes = [node("a-1", "general"), node("a-2", "general", { deletedAt: at(60) })];
    const pods = [pod("a-2", at(-60), at(60))];
    const { points } = buildCapacityPoints({ nodes, pods, usage: [], fromHour: h0, toHour: h0 + 2 * HOUR_MS });
    expect(points.map((p) => [p.nodeCount, p.allocatableCpuMillis, p.requestedCpuMillis])).toEqual([[2, 8000, 500], [1, 4000, 0]]);
  });

  it("counts pods on nodes Uptrust has no record of apart, instead of guessing their pool", () => {
    const { points, unplacedPods } = buildCapacityPoints({ nodes: [node("a-1", "general")], pods: [pod("gone-7", at(-60), null)], usage: [], fromHour: h0, toHour: h0 + HOUR_MS });
    expect(unplacedPods).toBe(1);
    expect(points[0].requestedCpuMillis).toBe(0);
  });
});

describe("what each node holds right now", () => {
  it("adds up the pods bound at that instant, leaving out finished and not yet started ones", () => {
    const pods = [pod("a-1", at(-60), null), pod("a-1", at(-60), at(0)), pod("a-1", at(10), null), pod("a-2", at(-5), null, 250, GIB / 2)];
    const nodes = [{ ...node("a-1", "general"), label: "karpenter.sh/nodepool", ready: true }, { ...node("a-2", "general"), label: null, ready: false }, { ...node("a-3", "general"), label: null, ready: true }];
    const listed = poolNodesAt(nodes, pods, at(0));
    expect(listed.map((n) => [n.node, n.poolLabel, n.requestedCpuMillis, n.requestedMemoryBytes, n.pods])).toEqual([
      ["a-1", "karpenter.sh/nodepool", 500, GIB, 1],
      ["a-2", null, 250, GIB / 2, 1],
      ["a-3", null, 0, 0, 0],
    ]);
  });
});

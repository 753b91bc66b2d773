import { percentile } from "./percentile.ts";
import { HOUR_MS, MINUTE_MS } from "./slo.ts";

// A node pool's hourly capacity, rebuilt from facts Uptrust keeps anyway: which nodes existed when
// (their allocatable), which pods were bound to them when (their containers' requests), and what the
// nodes used (metrics.k8s.io). One point per pool and cluster hour.

/** Something that counted `value` from `from` until `until` (null: still there). Times in ms. */
export type Span = { from: number; until: number | null; value: number };
export type HourLevel = { hour: number; mean: number; peak: number };

// Time-weighted mean and peak of Σ value over the spans, per hour in [fromHour, toHour). A sweep over
// start/end events, so a month of 10,000 pods costs one sort, not pods × hours. Ends sort before starts
// at the same instant: a pod replaced at 10:00 sharp is not counted twice in the peak.
export function hourlyLevels(spans: readonly Span[], fromHour: number, toHour: number): HourLevel[] {
  if (fromHour % HOUR_MS !== 0 || toHour % HOUR_MS !== 0) throw new RangeError("hourly levels need whole-hour bounds");
  const events: { t: number; d: number }[] = [];
  for (const s of spans) {
    const until = s.until ?? Infinity;
    if (!(until > s.from) || until <= fromHour || s.from >= toHour || s.value === 0) continue;
    events.push({ t: Math.max(s.from, fromHour), d: s.value });
    if (until < toHour) events.push({ t: until, d: -s.value });
  }
  events.sort((a, b) => a.t - b.t || a.d - b.d);
  const out: HourLevel[] = [];
  let level = 0;
  let i = 0;
  for (let hour = fromHour; hour < toHour; hour += HOUR_MS) {
    const end = hour + HOUR_MS;
    while (i < events.length && events[i].t <= hour) level += events[i++].d;
    let peak = level;
    let area = 0;
    let cursor = hour;
    while (i < events.length && events[i].t < end) {
      const t = events[i].t;
      area += level * (t - cursor);
      cursor = t;
      while (i < events.length && events[i].t === t) level += events[i++].d;
      peak = Math.max(peak, level);
    }
    area += level * (end - cursor);
    out.push({ hour, mean: area / HOUR_MS, peak });
  }
  return out;
}

export type CapacityNode = {
  name: string;
  pool: string;
  createdAt: number | null;
  deletedAt: number | null;
  allocatableCpuMillis: number;
  allocatableMemoryBytes: number;
};
/** A pod bound to `node` from `from` (started, else created) until deleted or finished. */
export type PodRequest = { node: string; from: number; until: number | null; cpuMillis: number; memoryBytes: number };
/** A pool's usage in one 5-minute slot: Σ over its nodes of each node's mean usage in the slot. */
export type UsageSlot = { pool: string; slot: number; cpuMillis: number; memoryBytes: number };

export const USAGE_SLOT_MS = 5 * MINUTE_MS;
export const USAGE_PERCENTILE = 95;

// Allocatable and requests are time-weighted means over the hour (what was reserved on average; they
// move in steps as nodes and pods come and go). Usage is the nearest-rank p95 of the hour's twelve
// 5-minute pool totals, so a busy quarter-hour shows while one odd scrape does not; a slot a node missed
// reads low and p95 passes over it. Node and pod counts are the most there were at once.
export type CapacityPoint = {
  pool: string;
  bucket: number;
  nodeCount: number;
  podCount: number;
  allocatableCpuMillis: number;
  allocatableMemoryBytes: number;
  requestedCpuMillis: number;
  requestedMemoryBytes: number;
  usedCpuMillis: number | null;
  usedMemoryBytes: number | null;
  usageSlots: number;
};

export type PointsInput = { nodes: readonly CapacityNode[]; pods: readonly PodRequest[]; usage: readonly UsageSlot[]; fromHour: number; toHour: number };

const groupBy = <T>(xs: readonly T[], key: (x: T) => string | undefined) => {
  const groups = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(x);
    else groups.set(k, [x]);
  }
  return groups;
};

function hourlyUsage(slots: readonly UsageSlot[]) {
  const byHour = groupBy(slots, (s) => String(Math.floor(s.slot / HOUR_MS) * HOUR_MS));
  return new Map(
    [...byHour].map(([hour, xs]) => [
      Number(hour),
      { cpu: percentile(xs.map((x) => x.cpuMillis), USAGE_PERCENTILE) ?? null, memory: percentile(xs.map((x) => x.memoryBytes), USAGE_PERCENTILE) ?? null, slots: xs.length },
    ]),
  );
}

/** Hourly points of every pool with a node in the hour; pods on nodes Uptrust has no row for are counted apart. */
export function buildCapacityPoints(input: PointsInput): { points: CapacityPoint[]; unplacedPods: number } {
  const { fromHour, toHour } = input;
  const poolOf = new Map(input.nodes.map((n) => [n.name, n.pool]));
  const podsByPool = groupBy(input.pods, (p) => poolOf.get(p.node));
  const unplacedPods = input.pods.filter((p) => !poolOf.has(p.node)).length;
  const usageByPool = groupBy(input.usage, (u) => u.pool);
  const points: CapacityPoint[] = [];
  for (const [pool, nodes] of groupBy(input.nodes, (n) => n.pool)) {
    const nodeSpans = (value: (n: CapacityNode) => number) => hourlyLevels(nodes.map((n) => ({ from: n.createdAt ?? -Infinity, until: n.deletedAt, value: value(n) })), fromHour, toHour);
    const pods = podsByPool.get(pool) ?? [];
    const podSpans = (value: (p: PodRequest) => number) => hourlyLevels(pods.map((p) => ({ from: p.from, until: p.until, value: value(p) })), fromHour, toHour);
    const count = nodeSpans(() => 1);
    const allocCpu = nodeSpans((n) => n.allocatableCpuMillis);
    const allocMem = nodeSpans((n) => n.allocatableMemoryBytes);
    const podCount = podSpans(() => 1);
    const reqCpu = podSpans((p) => p.cpuMillis);
    const reqMem = podSpans((p) => p.memoryBytes);
    const usage = hourlyUsage(usageByPool.get(pool) ?? []);
    count.forEach((c, i) => {
      if (c.peak <= 0) return;
      const used = usage.get(c.hour);
      points.push({
        pool,
        bucket: c.hour,
        nodeCount: c.peak,
        podCount: podCount[i].peak,
        allocatableCpuMillis: allocCpu[i].mean,
        allocatableMemoryBytes: Math.round(allocMem[i].mean),
        requestedCpuMillis: reqCpu[i].mean,
        requestedMemoryBytes: Math.round(reqMem[i].mean),
        usedCpuMillis: used?.cpu ?? null,
        usedMemoryBytes: used?.memory == null ? null : Math.round(used.memory),
        usageSlots: used?.slots ?? 0,
      });
    });
  }
  return { points, unplacedPods };
}

/** A node as the pool page lists it: its pool and the label that decided it, what it offers and holds now. */
export type PoolNode = {
  node: string;
  pool: string;
  poolLabel: string | null;
  ready: boolean;
  allocatableCpuMillis: number;
  allocatableMemoryBytes: number;
  requestedCpuMillis: number;
  requestedMemoryBytes: number;
  pods: number;
  createdAt: number | null;
  deletedAt: number | null;
};

/** Each node with what the pods bound to it at instant `t` request, and how many there are. */
export function poolNodesAt(nodes: readonly (CapacityNode & { label: string | null; ready: boolean })[], pods: readonly PodRequest[], t: number): PoolNode[] {
  const held = new Map<string, { cpu: number; memory: number; pods: number }>();
  for (const p of pods) {
    if (p.from > t || (p.until !== null && p.until <= t)) continue;
    const n = held.get(p.node) ?? { cpu: 0, memory: 0, pods: 0 };
    held.set(p.node, { cpu: n.cpu + p.cpuMillis, memory: n.memory + p.memoryBytes, pods: n.pods + 1 });
  }
  return nodes.map((n) => {
    const h = held.get(n.name);
    return {
      node: n.name, pool: n.pool, poolLabel: n.label, ready: n.ready, allocatableCpuMillis: n.allocatableCpuMillis, allocatableMemoryBytes: n.allocatableMemoryBytes,
      requestedCpuMillis: h?.cpu ?? 0, requestedMemoryBytes: Math.round(h?.memory ?? 0), pods: h?.pods ?? 0, createdAt: n.createdAt, deletedAt: n.deletedAt,
    };
  });
}

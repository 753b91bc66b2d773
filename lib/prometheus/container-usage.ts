import { throttledShare } from "@/lib/domain/usage-source.ts";
import { BUCKET_MS, type UsageBucket } from "@/lib/domain/usage-history.ts";
import { fetchMatrix, type MatrixSeries } from "./fetch-matrix.ts";

// cAdvisor's container series, read from Prometheus the way Robusta KRR reads them (container_cpu_usage_seconds_total
// as a rate, container_memory_working_set_bytes; real containers only: not the pod's cgroup (container="") nor its
// pause container (container="POD")), summarised in Prometheus into the same 5-minute buckets ingest writes from
// metrics.k8s.io (p50, p95, max of one-minute samples), so KRR and VPA size from either alike.
//
// Bounded so that it cannot do to a team's Prometheus what KRR's queries did on 1,000 pods (krr#332): one namespace
// and at most PODS_PER_QUERY named pods a query (an exact regex of their names, never a namespace-wide match), a step
// of one bucket (2 weeks are 4,032 points a series), at most MAX_SERIES series an answer, and fetchMatrix's timeout.

export const PODS_PER_QUERY = 10;
export const MAX_SERIES = 600;
const BUCKET_S = BUCKET_MS / 1000;
// Prometheus refuses more than 11,000 points per series: longer windows are asked for in parts.
const MAX_SPAN_MS = 10_000 * BUCKET_MS;
// One-minute samples within each bucket. 299s, not 5m: a subquery's range includes its start in Prometheus 2 and
// not in 3, and a minute on the bucket's edge would otherwise be counted in two buckets.
const SUBQUERY = `[${BUCKET_S - 1}s:1m]`;
// CPU rate over 2 minutes: at least two scrapes at cAdvisor's usual 15 s–1 min intervals, short enough to keep bursts.
const RATE_WINDOW = "2m";

export type PodSelector = { namespace: string; pods: readonly string[]; cluster?: { label: string; value: string } };
export type PodContainerUsage = { pod: string; container: string; buckets: UsageBucket[]; throttledShares: number[] };

const escapeRegex = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The label matchers of one batch: its namespace, exactly its pods, real containers, and the cluster when labelled. */
export function containerMatchers(sel: PodSelector): string {
  const m = [
    `namespace=${JSON.stringify(sel.namespace)}`,
    `pod=~${JSON.stringify(sel.pods.map(escapeRegex).join("|"))}`,
    `container!=""`,
    `container!="POD"`,
  ];
  if (sel.cluster) m.push(`${sel.cluster.label}=${JSON.stringify(sel.cluster.value)}`);
  return m.join(",");
}

// Several statistics in one answer, each series tagged with a `stat` label (`or` keeps them apart by it).
const stats = (parts: Record<string, string>) =>
  Object.entries(parts)
    .map(([stat, expr]) => `label_replace(${expr}, "stat", "${stat}", "", "")`)
    .join(" or ");

// A series of the same pod and container can be scraped twice (two kubelet jobs): the max is taken, as KRR does.
export function cadvisorQueries(sel: PodSelector): { cpu: string; memory: string } {
  const m = containerMatchers(sel);
  const cpu = `(max by (pod, container) (rate(container_cpu_usage_seconds_total{${m}}[${RATE_WINDOW}])))${SUBQUERY}`;
  const memory = `(max by (pod, container) (container_memory_working_set_bytes{${m}}))${SUBQUERY}`;
  const periods = (metric: string) => `max by (pod, container) (increase(${metric}{${m}}[${BUCKET_S}s]))`;
  return {
    cpu: stats({
      p50: `quantile_over_time(0.5, ${cpu})`,
      p95: `quantile_over_time(0.95, ${cpu})`,
      max: `max_over_time(${cpu})`,
      n: `count_over_time(${cpu})`,
      throttled: periods("container_cpu_cfs_throttled_periods_total"),
      periods: periods("container_cpu_cfs_periods_total"),
    }),
    memory: stats({ p50: `quantile_over_time(0.5, ${memory})`, p95: `quantile_over_time(0.95, ${memory})`, max: `max_over_time(${memory})` }),
  };
}

type Stats = Map<string, Map<number, Record<string, number>>>;

// Values by pod/container, then by bucket start (a value at t summarises the bucket ending at t).
function collect(into: Stats, series: readonly MatrixSeries[], prefix: string): void {
  for (const s of series) {
    const { pod, container, stat } = s.metric;
    if (!pod || !container || !stat) continue;
    const key = `${pod}\u0000${container}`;
    let byStart = into.get(key);
    if (!byStart) into.set(key, (byStart = new Map()));
    for (const [t, v] of s.values) {
      const value = Number(v);
      if (!Number.isFinite(value)) continue;
      const start = Math.round(t) * 1000 - BUCKET_MS;
      const bucket = byStart.get(start) ?? {};
      bucket[`${prefix}${stat}`] = value;
      byStart.set(start, bucket);
    }
  }
}

async function ask(baseUrl: string, query: string, from: number, to: number): Promise<MatrixSeries[]> {
  const out: MatrixSeries[] = [];
  for (let start = from; start < to; start += MAX_SPAN_MS) {
    const end = Math.min(start + MAX_SPAN_MS, to);
    const series = await fetchMatrix(baseUrl, query, start / 1000 + BUCKET_S, end / 1000, BUCKET_S);
    if (series.length > MAX_SERIES) {
      throw new Error(`Prometheus answered ${series.length} series for ${PODS_PER_QUERY} pods, more than the ${MAX_SERIES} Uptrust reads at once`);
    }
    out.push(...series);
  }
  return out;
}

/** Each pod container's 5-minute buckets in [from, to) (bucket-aligned ms) and its windows' throttled shares. */
export async function readContainerUsage(baseUrl: string, sel: PodSelector, from: number, to: number): Promise<PodContainerUsage[]> {
  const q = cadvisorQueries(sel);
  const [cpu, memory] = await Promise.all([ask(baseUrl, q.cpu, from, to), ask(baseUrl, q.memory, from, to)]);
  const byKey: Stats = new Map();
  collect(byKey, cpu, "cpu.");
  collect(byKey, memory, "memory.");
  const out: PodContainerUsage[] = [];
  for (const [key, byStart] of byKey) {
    const [pod, container] = key.split("\u0000");
    const buckets: UsageBucket[] = [];
    const throttledShares: number[] = [];
    for (const [start, v] of [...byStart].sort(([a], [b]) => a - b)) {
      const share = throttledShare(v["cpu.throttled"], v["cpu.periods"]);
      if (share !== null) throttledShares.push(share);
      const complete = ["cpu.n", "cpu.p50", "cpu.p95", "cpu.max", "memory.p50", "memory.p95", "memory.max"].every((k) => k in v);
      if (!complete || !(v["cpu.n"] > 0)) continue;
      buckets.push({
        start,
        samples: Math.round(v["cpu.n"]),
        cpuP50: v["cpu.p50"] * 1000,
        cpuP95: v["cpu.p95"] * 1000,
        cpuMax: v["cpu.max"] * 1000,
        memoryP50: Math.round(v["memory.p50"]),
        memoryP95: Math.round(v["memory.p95"]),
        memoryMax: Math.round(v["memory.max"]),
      });
    }
    out.push({ pod, container, buckets, throttledShares });
  }
  return out;
}

import { getObservedSince, readCapacityNodes, readPodRequests, readPoolUsageSlots } from "@/lib/db/analyze/read-capacity-facts.ts";
import { getCapacityProgress, readCapacityPoints, replaceCapacityPoints, saveCapacityForecasts } from "@/lib/db/analyze/save-capacity.ts";
import { BASES, CAPACITY, RESOURCES, forecastExhaustion, nodePool, type ExhaustionForecast } from "@/lib/domain/capacity.ts";
import { buildCapacityPoints, poolNodesAt, type CapacityPoint, type PodRequest } from "@/lib/domain/capacity-points.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/domain/slo.ts";
import type { ClusterRef } from "./types.ts";

// Capacity per node pool: hourly points rebuilt from nodes, pods and node usage, then a linear forecast
// of when requests and usage reach allocatable. Incremental: each run rebuilds only the hours since the
// newest stored one (that one again, for samples that landed late). A first run over two weeks of a
// large cluster is split into half-day chunks and stops after BUDGET_MS, going on in the next cycle,
// so one cluster's history never holds up the other jobs.

// Points are hourly: recomputing more often than every 5 cluster-minutes only redraws the same hour.
const REFRESH_MS = 5 * MINUTE_MS;
const CHUNK_MS = 12 * HOUR_MS;
const BUDGET_MS = 1_000;

const floorHour = (t: number) => Math.floor(t / HOUR_MS) * HOUR_MS;
const ceilHour = (t: number) => Math.ceil(t / HOUR_MS) * HOUR_MS;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type Options = { force?: boolean; budgetMs?: number };

export async function forecastCapacity(cluster: ClusterRef, now: Date, options: Options = {}): Promise<string> {
  const t = now.getTime();
  const closed = floorHour(t); // hours before this one are complete
  const windowStart = closed - CAPACITY.windowMs;
  const progress = await getCapacityProgress(cluster.id);
  const last = progress.lastBucket?.getTime() ?? null;
  const sinceRun = progress.computedAt ? t - progress.computedAt.getTime() : Infinity;
  const caughtUp = last !== null && last + HOUR_MS >= closed;
  if (!options.force && caughtUp && sinceRun >= 0 && sinceRun < REFRESH_MS) return "capacity forecasts are fresh";

  const nodes = (await readCapacityNodes(cluster.id, new Date(windowStart))).map((n) => ({ ...n, ...nodePool(n.labels) }));
  if (nodes.length === 0) {
    await saveCapacityForecasts(cluster.id, [], [], now, new Date(windowStart));
    return "no nodes seen yet";
  }
  const since = last !== null && last >= windowStart ? last : Math.max(windowStart, ceilHour((await getObservedSince(cluster.id))?.getTime() ?? t));
  const pools = nodes.map((n) => ({ node: n.name, pool: n.pool }));
  const started = performance.now();
  let from = since;
  let unplaced = 0;
  let podsNow: PodRequest[] | null = null;
  // At least one chunk per run, so a tight budget still moves forward.
  while (from < closed) {
    const to = Math.min(closed, from + CHUNK_MS);
    // The last chunk reads on to now, so the pods bound right now come with it (the pool page's nodes).
    const podsTo = to === closed ? t + 1 : to;
    const [pods, usage] = await Promise.all([
      readPodRequests(cluster.id, new Date(from), new Date(podsTo)),
      readPoolUsageSlots(cluster.id, pools, new Date(from), new Date(to)),
    ]);
    const built = buildCapacityPoints({ nodes, pods, usage, fromHour: from, toHour: to });
    await replaceCapacityPoints(cluster.id, new Date(from), new Date(to), built.points);
    unplaced = Math.max(unplaced, built.unplacedPods);
    if (to === closed) podsNow = pods;
    from = to;
    if (performance.now() - started >= (options.budgetMs ?? BUDGET_MS)) break;
  }
  const rebuilt = `${count(Math.max(0, from - since) / HOUR_MS, "hour", "hours")} rebuilt`;
  if (from < closed) return `${rebuilt}; still reading history (up to ${new Date(from).toISOString()}), forecasts follow once it reaches now`;

  const points = await readCapacityPoints(cluster.id, new Date(windowStart));
  const byPool = new Map<string, CapacityPoint[]>();
  for (const p of points) {
    const series = byPool.get(p.pool);
    if (series) series.push(p);
    else byPool.set(p.pool, [p]);
  }
  const forecasts = [...byPool].flatMap(([pool, series]) => RESOURCES.flatMap((r) => BASES.map((b) => ({ pool, ...forecastExhaustion(series, r, b, t) }))));
  const poolNodes = poolNodesAt(nodes, podsNow ?? (await readPodRequests(cluster.id, now, new Date(t + 1))), t);
  await saveCapacityForecasts(cluster.id, forecasts, poolNodes, now, new Date(windowStart));
  const note = unplaced ? `; ${count(unplaced, "pod", "pods")} on nodes Uptrust has no record of left out` : "";
  return `${count(byPool.size, "pool", "pools")}, ${rebuilt}; ${soonest(forecasts)}${note}`;
}

function soonest(forecasts: readonly (ExhaustionForecast & { pool: string })[]): string {
  const first = forecasts.filter((f) => f.exhaustsAt !== null).sort((a, b) => a.exhaustsAt! - b.exhaustsAt!)[0];
  const full = forecasts.filter((f) => f.status === "exhausted").length;
  const prefix = full ? `${full} already full; ` : "";
  if (!first) return `${prefix}no pool runs out within ${CAPACITY.horizonMs / DAY_MS} days at its current trend`;
  return `${prefix}soonest: ${first.pool} ${first.resource} ${first.basis} around ${day(first.exhaustsAt!)}`;
}

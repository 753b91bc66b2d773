import type { CapacityView } from "@/lib/views/capacity.ts";
import { readPoolForecasts, readPoolPoints, toCapacityPool, urgency } from "./capacity-rows.ts";

// The cockpit's capacity panel: the pools closest to running out, with their hourly history and trend.
// The cockpit refreshes every 5 seconds, so a pool's two weeks are sent as every few hours' point (all
// of them on the pool page): a 300-pixel chart cannot show more, and each one sent is a measured hour.
const TOP = 4;
const MAX_POINTS = 120;

function thin<T>(points: readonly T[]): T[] {
  const every = Math.ceil(points.length / MAX_POINTS);
  return points.filter((_, i) => (points.length - 1 - i) % every === 0);
}

export async function getCapacity(): Promise<CapacityView> {
  const all = await readPoolForecasts();
  const shown = all.map((p) => ({ p, u: urgency(p.forecasts) })).sort((a, b) => a.u - b.u).slice(0, TOP).map((x) => x.p);
  const points = await readPoolPoints(shown);
  return { pools: shown.map((p) => toCapacityPool(p, thin(points.get(`${p.clusterId}/${p.pool}`) ?? []))), totalPools: all.length };
}

import type { Scope } from "@/lib/views/scope.ts";
import type { CapacityView } from "@/lib/views/capacity.ts";
import { EVERYTHING } from "@/lib/domain/scope.ts";
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

// Node pools belong to a cluster and every namespace shares them, so only the scope's clusters narrow
// this panel; the history a forecast is fitted on stays whole whatever the time range (it is the evidence).
export async function getCapacity(scope: Pick<Scope, "clusters"> = EVERYTHING): Promise<CapacityView> {
  const all = await readPoolForecasts({ clusters: scope.clusters });
  const shown = all.map((p) => ({ p, u: urgency(p.forecasts) })).sort((a, b) => a.u - b.u).slice(0, TOP).map((x) => x.p);
  const points = await readPoolPoints(shown);
  return { pools: shown.map((p) => toCapacityPool(p, thin(points.get(`${p.clusterId}/${p.pool}`) ?? []))), totalPools: all.length };
}

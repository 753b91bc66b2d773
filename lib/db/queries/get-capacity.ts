import type { Scope } from "@/lib/views/scope.ts";
import type { CapacityView } from "@/lib/views/capacity.ts";
import { EVERYTHING } from "@/lib/domain/scope.ts";
import { thinStep } from "@/lib/domain/thin-readings.ts";
import { countPoolPoints, poolKey, readPoolForecasts, readPoolPoints, toCapacityPool, urgency } from "./capacity-rows.ts";

// The cockpit's capacity panel: the pools closest to running out, with their history and trend. A pool
// card's thumbnail draws at most 60 readings (two weeks of hours are over three hundred hover targets and
// table rows per chart), so only those are read out of the database and sent; the pool page shows every hour.
const TOP = 4;
const CARD_READINGS = 60;

// Node pools belong to a cluster and every namespace shares them, so only the scope's clusters narrow
// this panel; the history a forecast is fitted on stays whole whatever the time range (it is the evidence).
export async function getCapacity(scope: Pick<Scope, "clusters"> = EVERYTHING): Promise<CapacityView> {
  const all = await readPoolForecasts({ clusters: scope.clusters });
  const shown = all.map((p) => ({ p, u: urgency(p.forecasts) })).sort((a, b) => a.u - b.u).slice(0, TOP).map((x) => x.p);
  const counts = await countPoolPoints(shown);
  const every = new Map(shown.map((p) => [poolKey(p), thinStep(counts.get(poolKey(p)) ?? 0, CARD_READINGS)]));
  const points = await readPoolPoints(shown, every);
  const pools = shown.map((p) => toCapacityPool(p, points.get(poolKey(p)) ?? [], every.get(poolKey(p))));
  return { pools, totalPools: all.length };
}

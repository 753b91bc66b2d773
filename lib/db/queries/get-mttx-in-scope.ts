import { readMttxIncidents } from "@/lib/db/analyze/mttx-stats.ts";
import { isoWeekStart, mttrByWeek } from "@/lib/domain/mttr.ts";
import { MTTX_WEEKS, mttxStats } from "@/lib/domain/mttx.ts";
import { DAY_MS } from "@/lib/domain/slo.ts";
import type { Scope } from "@/lib/views/scope.ts";
import { getMttrWeeks } from "./get-mttr-weeks.ts";
import { getMttxStats } from "./get-mttx-stats.ts";
import { iso } from "./map-rows.ts";
import { narrowsWorkloads } from "./scope-sql.ts";
import type { MttrPoint, MttxRow } from "@/lib/views/mttx.ts";

const WEEK_MS = 7 * DAY_MS;

// The MTTR trend and the MTTx figures of a scope.
// - The whole fleet over the default range: what the analyzer stored (12 weeks of the cluster clock).
// - The whole fleet over a time range: the stored weeks that overlap the range (a week's MTTR is the
//   week's, so a week is shown whole), and MTTD/MTTA/MTTR over the incidents that started in the range.
// - Narrowed to clusters, namespaces or a service: computed here from that scope's incidents with the
//   analyzer's own functions (lib/domain/mttr.ts, mttx.ts), so a figure means the same at every scope.
export async function getMttxInScope(scope: Scope, asOf: Date, bounds: { from: Date; to: Date } | null): Promise<{ mttr: MttrPoint[]; mttx: MttxRow[] }> {
  const overlaps = (weekStart: number) => !bounds || (weekStart > bounds.from.getTime() - WEEK_MS && weekStart <= bounds.to.getTime());
  if (!narrowsWorkloads(scope) && !bounds) {
    const [mttr, mttx] = await Promise.all([getMttrWeeks(), getMttxStats()]);
    return { mttr, mttx };
  }
  if (!narrowsWorkloads(scope) && bounds) {
    const [mttr, all] = await Promise.all([getMttrWeeks(null), readMttxIncidents(scope)]);
    return { mttr: mttr.filter((w) => overlaps(Date.parse(w.weekStart))), mttx: statsOver(all, asOf, bounds) };
  }
  const incidents = await readMttxIncidents(scope);
  const resolved = incidents.flatMap((i) => (i.resolvedAt === null ? [] : [{ startedAt: i.startedAt, resolvedAt: i.resolvedAt }]));
  const weeks = mttrByWeek(resolved).filter((w) => overlaps(w.weekStart));
  return {
    mttr: (bounds ? weeks : weeks.slice(-MTTX_WEEKS)).map((w) => ({ ...w, weekStart: iso(new Date(w.weekStart)) })),
    mttx: statsOver(incidents, asOf, bounds),
  };
}

function statsOver(incidents: Awaited<ReturnType<typeof readMttxIncidents>>, asOf: Date, bounds: { from: Date; to: Date } | null): MttxRow[] {
  if (!bounds) return mttxStats(incidents, asOf.getTime());
  const from = bounds.from.getTime();
  const to = bounds.to.getTime();
  const weeks = Math.round((isoWeekStart(to) - isoWeekStart(from)) / WEEK_MS) + 1;
  return mttxStats(incidents.filter((i) => i.startedAt >= from), to, weeks);
}

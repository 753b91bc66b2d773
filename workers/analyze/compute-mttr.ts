import { replaceMttrWeeks } from "@/lib/db/analyze/mttr-weeks.ts";
import { readMttxIncidents, replaceMttxStats } from "@/lib/db/analyze/mttx-stats.ts";
import { mttrByWeek } from "@/lib/domain/mttr.ts";
import { mttxStats } from "@/lib/domain/mttx.ts";

// Across all clusters (neither table has a cluster column): MTTR per ISO week since the first incident,
// and MTTD / MTTA / MTTR per week, service and severity over the last 12 weeks of the newest cluster clock.
export async function computeMttr(computedAt: Date): Promise<string> {
  const incidents = await readMttxIncidents();
  const resolved = incidents.flatMap((i) => (i.resolvedAt === null ? [] : [{ startedAt: i.startedAt, resolvedAt: i.resolvedAt }]));
  const weeks = mttrByWeek(resolved);
  const stats = mttxStats(incidents, computedAt.getTime());
  await replaceMttrWeeks(weeks, computedAt);
  await replaceMttxStats(stats, computedAt);
  return `${weeks.length} weeks, ${stats.length} MTTx groups`;
}

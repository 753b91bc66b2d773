import { readResolvedIncidents, replaceMttrWeeks } from "@/lib/db/analyze/mttr-weeks.ts";
import { mttrByWeek } from "@/lib/domain/mttr.ts";

// MTTR per ISO week across all clusters (mttr_weeks has no cluster column): first signal → resolved.
export async function computeMttr(computedAt: Date): Promise<string> {
  const weeks = mttrByWeek(await readResolvedIncidents());
  await replaceMttrWeeks(weeks, computedAt);
  return `${weeks.length} weeks`;
}

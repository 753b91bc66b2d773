import { prisma } from "@/lib/db/client.ts";
import type { MttrPoint } from "@/lib/views/mttx.ts";
import { iso } from "./map-rows.ts";

const WEEKS = 12;

// The newest `weeks` weeks the analyzer stored (all of them with null), oldest first.
export async function getMttrWeeks(weeks: number | null = WEEKS): Promise<MttrPoint[]> {
  const rows = await prisma().mttrWeek.findMany({ orderBy: { weekStart: "desc" }, ...(weeks === null ? {} : { take: weeks }) });
  return rows.reverse().map((w) => ({
    weekStart: iso(w.weekStart),
    incidents: w.incidents,
    meanSeconds: w.meanSeconds,
    p50Seconds: w.p50Seconds,
    p90Seconds: w.p90Seconds,
  }));
}

import { prisma } from "@/lib/db/client.ts";
import type { MttrPoint } from "@/lib/views/mttx.ts";
import { iso } from "./map-rows.ts";

const WEEKS = 12;

export async function getMttrWeeks(): Promise<MttrPoint[]> {
  const rows = await prisma().mttrWeek.findMany({ orderBy: { weekStart: "desc" }, take: WEEKS });
  return rows.reverse().map((w) => ({
    weekStart: iso(w.weekStart),
    incidents: w.incidents,
    meanSeconds: w.meanSeconds,
    p50Seconds: w.p50Seconds,
    p90Seconds: w.p90Seconds,
  }));
}

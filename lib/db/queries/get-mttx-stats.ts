import { prisma } from "@/lib/db/client.ts";
import type { MttxRow } from "@/lib/views/mttx.ts";

// The analyzer's MTTx figures as stored (weeks sort by their ISO start, services and severities by name).
export async function getMttxStats(): Promise<MttxRow[]> {
  const rows = await prisma().mttxStat.findMany({ orderBy: [{ metric: "asc" }, { grouping: "asc" }, { groupKey: "asc" }] });
  return rows.map((r) => ({
    metric: r.metric,
    grouping: r.grouping,
    groupKey: r.groupKey,
    incidents: r.incidents,
    meanSeconds: r.meanSeconds,
    p50Seconds: r.p50Seconds,
    p90Seconds: r.p90Seconds,
  }));
}

import { getCursor, setCursor } from "@/lib/db/analyze/analysis-cursors.ts";
import { readRequestRouting } from "@/lib/db/analyze/read-request-routing.ts";
import { deleteLogDerivedBefore, readLookupLines, upsertLookupMinutes } from "@/lib/db/analyze/lookup-failures.ts";
import { readAccessLogLines, upsertRequestMinutes } from "@/lib/db/analyze/request-minutes.ts";
import { floorToMinute } from "@/lib/domain/availability-sli.ts";
import { lookupMinutes } from "@/lib/domain/lookup-failures.ts";
import { requestMinutes } from "@/lib/domain/request-minutes.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/domain/slo.ts";
import type { ClusterRef } from "./types.ts";

const JOB = "scan-logs";
// Log lines land a little after the minute they were printed in; the last minutes are read again
// each cycle and rewritten whole.
const REVISIT_MS = 5 * MINUTE_MS;
// A first look reads as far back as the longest SLO window, a few hours of logs per query.
const FIRST_LOOK_MS = 30 * DAY_MS;
const CHUNK_MS = 6 * HOUR_MS;
// Log lines are kept 30 days (UPTRUST_RETENTION_DAYS), so what was derived from them is kept as long
// and a day more. A longer SLO window keeps its own SLI minutes; only a redefinition re-reads these.
const KEEP_MS = 31 * DAY_MS;

// What the logs say, read incrementally from where the last cycle stopped: requests per workload and
// minute from access logs, and failed name lookups per workload and minute.
export async function scanLogs(cluster: ClusterRef, now: Date): Promise<string> {
  const end = floorToMinute(now.getTime());
  const cursor = await getCursor(cluster.id, JOB);
  const start = cursor ? Math.max(floorToMinute(cursor.getTime() - REVISIT_MS), end - FIRST_LOOK_MS) : end - FIRST_LOOK_MS;
  if (start >= end) return "no new minutes";
  const routing = await readRequestRouting(cluster.id);
  let lines = 0;
  let written = 0;
  let lookups = 0;
  for (let from = start; from < end; from += CHUNK_MS) {
    const to = Math.min(from + CHUNK_MS, end);
    const chunk = await readAccessLogLines(cluster.id, new Date(from), new Date(to));
    lines += chunk.length;
    written += await upsertRequestMinutes(requestMinutes(chunk.map((l) => ({ ...l, ts: l.ts.getTime() })), routing));
    const failed = await readLookupLines(cluster.id, new Date(from), new Date(to));
    lookups += failed.length;
    await upsertLookupMinutes(lookupMinutes(failed));
  }
  await setCursor(cluster.id, JOB, new Date(end));
  // Retention is by the hour: a delete of what aged out scans every workload's minutes, so it runs in
  // the first cycle of each cluster-hour, not every cycle.
  const hourOf = (t: number) => Math.floor(t / HOUR_MS);
  if (!cursor || hourOf(cursor.getTime()) !== hourOf(end)) await deleteLogDerivedBefore(cluster.id, new Date(hourOf(end - KEEP_MS) * HOUR_MS));
  return `${lines} access-log lines read, ${written} request minutes written, ${lookups} failed lookups`;
}

import type pg from "pg";
import { getPool } from "@/lib/db/pool.ts";
import type { TimelineEntry } from "@/lib/domain/timeline-entry.ts";

// Entries of a kind derived wholly from the latest grouping (an incident's occurrences, renumbered when a
// cycle learns of another kill) are replaced rather than accumulated: an entry the rebuilt timeline no
// longer holds is one an earlier cycle's grouping wrote ("Occurrence 2 of 2" after the third kill).
export async function pruneTimelineEntries(
  incidentId: string,
  kind: TimelineEntry["kind"],
  kept: readonly TimelineEntry[],
  db: Pick<pg.ClientBase, "query"> = getPool(),
): Promise<number> {
  const keys = kept.filter((e) => e.kind === kind).map((e) => e.sourceKey);
  const { rowCount } = await db.query(`DELETE FROM timeline_entries WHERE incident_id = $1 AND kind = $2 AND NOT (source_key = ANY($3::text[]))`, [incidentId, kind, keys]);
  return rowCount ?? 0;
}

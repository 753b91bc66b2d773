import type pg from "pg";
import { getPool } from "@/lib/db/pool.ts";
import type { TimelineEntry } from "@/lib/domain/timeline-entry.ts";

// Keyed by (incident, source key): rebuilding a timeline refreshes entries (an event's count grows)
// instead of adding copies. `db` is the analyzer's pool unless a caller holds its own connection.
export async function upsertTimelineEntries(incidentId: string, entries: readonly TimelineEntry[], db: Pick<pg.ClientBase, "query"> = getPool()): Promise<number> {
  if (entries.length === 0) return 0;
  const { rowCount } = await db.query(
    `INSERT INTO timeline_entries (incident_id, ts, kind, title, detail, source_key)
     SELECT $1, to_timestamp(t / 1000.0), k, ti, d::jsonb, s FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(t, k, ti, d, s)
     ON CONFLICT (incident_id, source_key) DO UPDATE SET ts = EXCLUDED.ts, kind = EXCLUDED.kind, title = EXCLUDED.title, detail = EXCLUDED.detail
       WHERE timeline_entries.ts IS DISTINCT FROM EXCLUDED.ts OR timeline_entries.title IS DISTINCT FROM EXCLUDED.title
          OR timeline_entries.detail IS DISTINCT FROM EXCLUDED.detail`,
    [
      incidentId,
      entries.map((e) => e.ts),
      entries.map((e) => e.kind),
      entries.map((e) => e.title),
      entries.map((e) => JSON.stringify(e.detail)),
      entries.map((e) => e.sourceKey),
    ],
  );
  return rowCount ?? 0;
}

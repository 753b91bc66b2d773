import type pg from "pg";
import type { EventRow } from "@/lib/k8s/map-event.ts";

// An event the cluster updates (count 1 → 7 as a pod keeps crashing) stays one row: keyed by its uid and
// its immutable first_seen (the partition key), with count, last_seen and message moving forward only.
export async function upsertEvents(db: pg.Pool, clusterId: string, events: EventRow[]): Promise<void> {
  const latest = new Map<string, EventRow>();
  for (const e of events) {
    const key = `${e.uid}|${e.firstSeen.getTime()}`;
    const seen = latest.get(key);
    // One statement cannot touch the same row twice: keep the newest copy of each event.
    if (!seen || e.lastSeen >= seen.lastSeen) latest.set(key, e);
  }
  const rows = [...latest.values()];
  if (rows.length === 0) return;
  const col = <K extends keyof EventRow>(k: K) => rows.map((r) => r[k]);
  await db.query(
    `INSERT INTO k8s_events (cluster_id, uid, namespace, involved_kind, involved_name, reason, message, type, source, count, first_seen, last_seen)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                              $10::int[], $11::timestamptz[], $12::timestamptz[])
     ON CONFLICT (cluster_id, uid, first_seen) DO UPDATE SET
       count = GREATEST(k8s_events.count, EXCLUDED.count),
       message = CASE WHEN EXCLUDED.last_seen >= k8s_events.last_seen THEN EXCLUDED.message ELSE k8s_events.message END,
       last_seen = GREATEST(k8s_events.last_seen, EXCLUDED.last_seen)`,
    [
      clusterId,
      col("uid"),
      col("namespace"),
      col("involvedKind"),
      col("involvedName"),
      col("reason"),
      col("message"),
      col("type"),
      col("source"),
      col("count"),
      col("firstSeen"),
      col("lastSeen"),
    ],
  );
}

import { getPool } from "@/lib/db/pool.ts";

export type ClusterClock = { id: string; name: string; now: Date | null };

// A cluster's "now" is the latest cluster time the ingest worker observed (clusters.last_event_at):
// the demo cluster replays hours in minutes on a clock of its own, and analysis must never look past what it saw.
export async function listClusterClocks(): Promise<ClusterClock[]> {
  const { rows } = await getPool().query<{ id: string; name: string; last_event_at: Date | null }>(
    `SELECT id, name, last_event_at FROM clusters ORDER BY name`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, now: r.last_event_at }));
}

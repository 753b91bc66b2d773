import { getPool } from "@/lib/db/pool.ts";

export type Health = {
  ok: boolean;
  database: string; // "ok" | "error: <message>"
  clusters: { name: string; status: string; lastEventAt: string | null; lastError: string | null }[];
};

type ClusterRow = { name: string; status: string; last_event_at: Date | null; last_error: string | null };

// Healthy means the database answers; a cluster being unreachable is reported, not a failure of Uptrust.
export async function getHealth(): Promise<Health> {
  try {
    const { rows } = await getPool().query<ClusterRow>(
      "SELECT name, status, last_event_at, last_error FROM clusters ORDER BY name",
    );
    return {
      ok: true,
      database: "ok",
      clusters: rows.map((r) => ({
        name: r.name,
        status: r.status,
        lastEventAt: r.last_event_at ? new Date(r.last_event_at).toISOString() : null,
        lastError: r.last_error,
      })),
    };
  } catch (err) {
    return { ok: false, database: `error: ${err instanceof Error ? err.message : String(err)}`, clusters: [] };
  }
}

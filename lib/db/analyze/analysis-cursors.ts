import { getPool } from "@/lib/db/pool.ts";

// How far an incremental job has read a cluster's facts, so each cycle reads only what is new.
export async function getCursor(clusterId: string, job: string): Promise<Date | null> {
  const { rows } = await getPool().query<{ position: Date }>(`SELECT position FROM analysis_cursors WHERE cluster_id = $1 AND job = $2`, [clusterId, job]);
  return rows[0]?.position ?? null;
}

export async function setCursor(clusterId: string, job: string, position: Date): Promise<void> {
  await getPool().query(
    `INSERT INTO analysis_cursors (cluster_id, job, position) VALUES ($1, $2, $3)
     ON CONFLICT (cluster_id, job) DO UPDATE SET position = EXCLUDED.position`,
    [clusterId, job, position],
  );
}

import type pg from "pg";

export type LogLineRow = { namespace: string; pod: string; container: string; ts: Date; seq: number; level: string | null; message: string };

// (container, ts, seq) identifies a line: a follower that restarts and re-reads the same second
// produces the same keys, so replays add nothing.
export async function insertLogLines(db: pg.Pool, clusterId: string, lines: LogLineRow[]): Promise<number> {
  if (lines.length === 0) return 0;
  const col = <K extends keyof LogLineRow>(k: K) => lines.map((l) => l[k]);
  const result = await db.query(
    `INSERT INTO log_lines (cluster_id, namespace, pod, container, ts, seq, level, message)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::int[], $7::text[], $8::text[])
     ON CONFLICT (cluster_id, namespace, pod, container, ts, seq) DO NOTHING`,
    [clusterId, col("namespace"), col("pod"), col("container"), col("ts"), col("seq"), col("level"), col("message")],
  );
  return result.rowCount ?? 0;
}

/** Where a restarted follower resumes: the newest stored line of that container, if any. */
export async function lastLogTimestamp(db: pg.Pool, clusterId: string, namespace: string, pod: string, container: string): Promise<Date | undefined> {
  const { rows } = await db.query<{ ts: Date | null }>(
    `SELECT max(ts) AS ts FROM log_lines WHERE cluster_id = $1 AND namespace = $2 AND pod = $3 AND container = $4`,
    [clusterId, namespace, pod, container],
  );
  return rows[0]?.ts ?? undefined;
}

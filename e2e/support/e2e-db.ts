import pg from "pg";
import { E2E_DATABASE_URL } from "../../playwright.config.ts";

// The e2e server's own database, for tests that move a stored clock (a session's last activity) instead
// of waiting 30 real minutes.
export async function e2eQuery<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The live sessions of a user, newest first. */
export function liveSessions(email: string) {
  return e2eQuery<{ id: string; last_active_at: Date; end_reason: string | null }>(
    `SELECT s.id, s.last_active_at, s.end_reason FROM user_sessions s JOIN users u ON u.id = s.user_id
     WHERE u.email = $1 AND s.ended_at IS NULL ORDER BY s.created_at DESC`,
    [email],
  );
}

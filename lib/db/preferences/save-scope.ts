import { getPool } from "@/lib/db/pool.ts";

// One row per person, overwritten on each change: only the last scope is remembered.
export async function saveScope(userId: string, scope: string, now = new Date()): Promise<void> {
  await getPool().query(
    `INSERT INTO user_preferences (user_id, scope, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET scope = EXCLUDED.scope, updated_at = EXCLUDED.updated_at`,
    [userId, scope, now],
  );
}

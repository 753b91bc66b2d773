import { getPool } from "@/lib/db/pool.ts";

/** The canonical scope query this person last chose on the home page; "" when none (or everything). */
export async function readSavedScope(userId: string): Promise<string> {
  const { rows } = await getPool().query<{ scope: string }>(`SELECT scope FROM user_preferences WHERE user_id = $1`, [userId]);
  return rows[0]?.scope ?? "";
}

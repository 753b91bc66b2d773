import type pg from "pg";
import { getPool } from "./pool.ts";

// One short transaction on its own connection: committed when `work` returns, rolled back when it
// throws. The embedded database runs one query at a time, so `work` must never wait on another connection.
export async function withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

import pg from "pg";

// Raw SQL pool for hot paths (bulk ingest, rollups) where Prisma's per-row cost is too high.
// BIGINT (int8) comes back as a JS number when it fits: byte counts and ids stay well below 2^53.
pg.types.setTypeParser(20, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

const pools = new Map<string, pg.Pool>();

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Uptrust with `npm start` (embedded database) or set DATABASE_URL=postgresql://USER@HOST:5432/DB");
  return url;
}

export function getPool(url = databaseUrl(), max = 8): pg.Pool {
  let pool = pools.get(url);
  if (!pool) {
    // JIT compilation costs up to a second per statement and pays off only on scans far larger than
    // any Uptrust runs; PostgreSQL turns it on from cost estimates that batched reads inflate.
    pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000, options: "-c jit=off" });
    // An idle client losing its server (database restart) must not crash the process.
    pool.on("error", (err) => console.error(`[db] idle connection lost: ${err.message}`));
    pools.set(url, pool);
  }
  return pool;
}

export async function closePools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.end()));
}

import { mkdirSync } from "node:fs";
import { createConnection } from "node:net";
import { resolve } from "node:path";
import { env, type Env } from "@/lib/env.ts";
import { keepProtocolBatchesTogether } from "./embedded-batches.ts";

// With DATABASE_URL unset, Uptrust runs on an embedded PostgreSQL (PGlite) served over the wire
// protocol, so the same pg/Prisma code path works with no server installed. PGlite executes one
// query at a time: callers keep transactions short and never wait on a second connection inside one.

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

function portInUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

export async function resolveDatabase(e: Env = env()): Promise<Database> {
  if (e.DATABASE_URL) return { url: e.DATABASE_URL, embedded: false, stop: async () => {} };

  const port = e.UPTRUST_EMBEDDED_DB_PORT;
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  // Another Uptrust process (npm start) already serves the embedded database: share it.
  if (await portInUse(port)) return { url, embedded: true, stop: async () => {} };

  const dataDir = resolve(e.UPTRUST_DATA_DIR, "pgdata");
  mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create({ dataDir });
  // Every pool in every process shares this server: web + ingest + analyze + migrator.
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 48 });
  keepProtocolBatchesTogether(server);
  await server.start();
  return {
    url,
    embedded: true,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

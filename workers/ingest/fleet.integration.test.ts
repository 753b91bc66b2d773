import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { getPool } from "@/lib/db/pool.ts";
import { registerCluster } from "@/lib/db/ingest/registered-clusters.ts";
import { startEmulator, type Emulator } from "@/workers/emulator/index.ts";
import { demoKubeconfig } from "@/workers/emulator/kubeconfig.ts";
import { startIngest, type RunningIngest } from "./start-ingest.ts";
import { ingestConfig } from "./config.ts";

// Clusters registered in the database, watched by whichever workers are running: two healthy clusters,
// one registered with a kubeconfig that cannot be read and one whose API server is down. The broken
// ones are reported with what to fix and never hold up the others; a second worker stands by and
// takes every cluster over when the first stops.

// The worker's own defaults, validated as in production, with the knobs this test turns.
const config = ingestConfig({ UPTRUST_METRICS_POLL_MS: "1000", UPTRUST_LOG_MAX_FOLLOWERS: "20", UPTRUST_INGEST_LEASE_SECONDS: "3" });
const db = () => getPool();
const lines: string[] = [];
const emulators: Emulator[] = [];
const workers: RunningIngest[] = [];

type Row = { name: string; status: string; last_error: string | null; pods: number; holder: string | null };
const clusters = async () =>
  (
    await db().query<Row>(
      `SELECT c.name, c.status, c.last_error, l.holder,
              (SELECT count(*)::int FROM pods p WHERE p.cluster_id = c.id AND p.deleted_at IS NULL) AS pods
         FROM clusters c LEFT JOIN ingest_leases l ON l.cluster_id = c.id ORDER BY c.name`,
    )
  ).rows;

async function until(what: string, ok: (rows: Row[]) => boolean, timeoutMs = 30_000): Promise<Row[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await clusters();
    if (ok(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(rows)}\n${lines.slice(-10).join("\n")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
const closedPort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
const byName = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.name, r]));

beforeAll(async () => {
  await db().query("TRUNCATE clusters CASCADE");
  for (const seed of [1, 2]) emulators.push(await startEmulator({ port: 0, scenario: "healthy", speed: 10, leadMinutes: 5, seed }));
  await registerCluster(db(), "east", emulators[0].url, stringify(demoKubeconfig(emulators[0].url)));
  await registerCluster(db(), "west", emulators[1].url, stringify(demoKubeconfig(emulators[1].url)));
  await registerCluster(db(), "garbled", "https://unknown", "clusters: [this is not: a kubeconfig");
  const closed = `http://127.0.0.1:${await closedPort()}`;
  await registerCluster(db(), "offline", closed, stringify(demoKubeconfig(closed)));
  workers.push(startIngest({ db: db(), targets: [], config, log: (m) => lines.push(m), holder: "worker-a" }));
});

afterAll(async () => {
  for (const w of workers) await w.stop();
  for (const e of emulators) await e.stop();
});

describe("clusters registered in the database", () => {
  it("are each watched by a supervisor of their own, a broken one never holding up the others", async () => {
    const rows = byName(
      await until("east and west to be connected with their pods", (rs) => {
        const r = byName(rs);
        return r.east?.status === "connected" && r.west?.status === "connected" && r.east.pods > 0 && r.west.pods > 0 && r.offline?.status === "unreachable";
      }),
    );
    expect(rows.east.holder).toBe("worker-a");
    expect(rows.offline.last_error).toMatch(/ECONNREFUSED|refused/i);
    expect(rows.garbled.status).toBe("unreachable");
    expect(rows.garbled.last_error).toMatch(/^registration invalid: the kubeconfig registered for cluster "garbled" cannot be parsed/);
    expect(rows.garbled.holder).toBeNull();
  });

  it("are shared with a standby worker, which takes all of them over when the first stops", async () => {
    workers.push(startIngest({ db: db(), targets: [], config, log: (m) => lines.push(m), holder: "worker-b" }));
    await new Promise((r) => setTimeout(r, 2500)); // the standby scans at least twice
    expect((await clusters()).filter((r) => r.holder === "worker-b")).toEqual([]);

    await workers[0].stop();
    const rows = byName(
      await until("worker-b to hold and connect east and west", (rs) => {
        const r = byName(rs);
        return r.east?.holder === "worker-b" && r.west?.holder === "worker-b" && r.east.status === "connected" && r.west.status === "connected";
      }),
    );
    expect(rows.offline.holder).toBe("worker-b");
  });
});

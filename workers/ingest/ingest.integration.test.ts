import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/pool.ts";
import { loadKubeTargets } from "@/lib/k8s/load-kubeconfig.ts";
import { demoGroundTruth, startEmulator, type Emulator } from "@/workers/emulator/index.ts";
import { LEAKED } from "@/workers/emulator/scenarios/demo.ts";
import { getJson } from "@/lib/k8s/get-json.ts";
import { OTHER_KINDS } from "./kinds-stream.ts";
import { startIngest, type RunningIngest } from "./start-ingest.ts";
import { ingestConfig } from "./config.ts";

// The demo cluster, 2 hours of it played at 720× (≈10 s), watched by the real ingest code in-process.
const LEAD_MINUTES = 120;
const SPEED = 720;
// The worker's own defaults, validated as in production, with the knobs this test turns.
const config = ingestConfig({ UPTRUST_METRICS_POLL_MS: "200", UPTRUST_LOG_MAX_FOLLOWERS: "100" });

const db = () => getPool();
const kubeconfigPath = join(mkdtempSync(join(tmpdir(), "uptrust-ingest-")), "kubeconfig");
const lines: string[] = [];
let emulator: Emulator;
let ingest: RunningIngest;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; ingest said:\n${lines.slice(-20).join("\n")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const one = async <T>(sql: string, params: unknown[] = []) => (await db().query(sql, params)).rows[0] as T;
const run = () => startIngest({ db: db(), targets: loadKubeTargets({ kubeconfigPath }), config, log: (m) => lines.push(m) });

beforeAll(async () => {
  await db().query("TRUNCATE clusters CASCADE");
  emulator = await startEmulator({ port: 0, speed: SPEED, leadMinutes: LEAD_MINUTES, seed: 42, kubeconfigPath });
  ingest = run();
  await waitFor("the scenario to catch up and the rollback to be stored", async () => {
    const { n } = await one<{ n: number }>("SELECT count(*)::int AS n FROM changes");
    return emulator.caughtUp() && n >= 2;
  }, 60_000);
  await new Promise((r) => setTimeout(r, 1000)); // let the last batches land
});

afterAll(async () => {
  await ingest?.stop();
  await emulator?.stop();
});

describe("ingest of the demo cluster", () => {
  it("stores the checkout pods with their containers' resource requests", async () => {
    const rows = (
      await db().query(
        `SELECT c.request_cpu_millis, c.request_memory_bytes, c.limit_memory_bytes FROM pods p JOIN containers c ON c.pod_id = p.id
          WHERE p.namespace = 'shop' AND p.workload_kind = 'Deployment' AND p.workload_name = 'checkout'`,
      )
    ).rows;
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) expect(r).toEqual({ request_cpu_millis: 250, request_memory_bytes: 256 * 2 ** 20, limit_memory_bytes: 512 * 2 ** 20 });
  });

  it("records the bad checkout rollout as a change at the cluster's time, not the worker's", async () => {
    const truth = demoGroundTruth({ leadMinutes: LEAD_MINUTES, scenarioStart: emulator.scenarioStart() }).incidents[0];
    const change = await one<{ summary: string; revision: string; manager: string; observed_at: Date }>(
      `SELECT c.summary, c.revision, c.manager, c.observed_at FROM changes c JOIN workloads w ON w.id = c.workload_id
        WHERE w.name = 'checkout' AND c.summary LIKE '%1.5.0' ORDER BY observed_at LIMIT 1`,
    );
    expect(change.summary).toBe("image checkout: registry.example.com/shop/checkout:1.4.2 → 1.5.0");
    expect(change.revision).toBe("2");
    // The rollout happened an hour before "now" in scenario time; the worker saw it seconds ago.
    expect(Math.abs(change.observed_at.getTime() - new Date(truth.startedAt!).getTime())).toBeLessThan(2 * 60_000);
    // Credited to whoever changed the spec (managedFields), not the controller that bumped the revision.
    expect(change.manager).toBe(truth.cause!.manager);
    const rollback = await one<{ summary: string; manager: string }>(`SELECT summary, manager FROM changes WHERE summary LIKE '%1.5.0 → 1.4.2'`);
    expect(rollback.manager).toBe(truth.resolution!.manager);
  });

  it("shows checkout at 3 of 4 available replicas during the bad rollout", async () => {
    const row = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM workload_status s JOIN workloads w ON w.id = s.workload_id
        WHERE w.name = 'checkout' AND s.desired_replicas = 4 AND s.available_replicas = 3`,
    );
    expect(row.n).toBeGreaterThan(0);
  });

  it("stores crash-loop BackOff events once each, with their repeat count", async () => {
    const { events, uids, total } = await one<{ events: number; uids: number; total: number }>(
      `SELECT count(*)::int AS events, count(DISTINCT uid)::int AS uids, sum(count)::int AS total
         FROM k8s_events WHERE reason = 'BackOff' AND involved_name LIKE 'checkout-%'`,
    );
    expect(events).toBeGreaterThan(0);
    expect(uids).toBe(events);
    expect(total).toBeGreaterThan(events);
  });

  it("keeps checkout's crash log as leveled messages, the Go panic with its stack in one message", async () => {
    const error = await one<{ n: number }>(`SELECT count(*)::int AS n FROM log_lines WHERE level = 'error' AND message LIKE '%PAYMENT_URL is not set%'`);
    expect(error.n).toBeGreaterThan(0);
    const panic = await one<{ message: string; level: string }>(`SELECT message, level FROM log_lines WHERE message LIKE 'panic:%' LIMIT 1`);
    expect(panic.level).toBe("fatal");
    expect(panic.message).toContain("goroutine 1 [running]:");
    expect(panic.message).toContain("main.main()");
    const info = await one<{ n: number }>(`SELECT count(*)::int AS n FROM log_lines WHERE pod LIKE 'checkout-%' AND level = 'info' AND message LIKE '%order placed%'`);
    expect(info.n).toBeGreaterThan(0);
    // Access logs carry no level: stored as they are, unlabelled rather than guessed.
    const access = await one<{ n: number }>(`SELECT count(*)::int AS n FROM log_lines WHERE pod LIKE 'frontend-%' AND level IS NULL AND message LIKE '%"GET /%'`);
    expect(access.n).toBeGreaterThan(0);
  });

  it("stores the config line checkout printed at start-up without the credentials in it", async () => {
    const config = await one<{ message: string }>(`SELECT message FROM log_lines WHERE message LIKE '%config loaded%' LIMIT 1`);
    expect(config.message).toContain("postgres://checkout:[REDACTED password]@db.shop.svc.cluster.local:5432/checkout");
    expect(config.message).toContain('"STRIPE_KEY":"[REDACTED cloud key]"');
    const leaked = await one<{ n: number }>(`SELECT count(*)::int AS n FROM log_lines WHERE message LIKE $1 OR message LIKE $2`, [`%${LEAKED.databasePassword}%`, `%${LEAKED.stripeKey}%`]);
    expect(leaked.n).toBe(0);
  });

  it("samples frontend's usage in scenario time, attributed to its deployment", async () => {
    const u = await one<{ n: number; cpu: number; mem: number; first: Date }>(
      `SELECT count(*)::int AS n, avg(cpu_millis) AS cpu, avg(memory_bytes)::float AS mem, min(ts) AS first
         FROM usage_samples WHERE namespace = 'shop' AND workload_kind = 'Deployment' AND workload_name = 'frontend'`,
    );
    expect(u.n).toBeGreaterThan(3);
    expect(u.cpu).toBeGreaterThanOrEqual(40);
    expect(u.cpu).toBeLessThanOrEqual(80);
    expect(u.mem / 2 ** 20).toBeGreaterThan(140);
    expect(u.first.getTime()).toBeLessThan(emulator.scenarioNow().getTime() - 30 * 60_000);
  });

  it("samples every node's usage in cluster time, for capacity", async () => {
    const nodes = await one<{ n: number }>(`SELECT count(*)::int AS n FROM nodes WHERE deleted_at IS NULL`);
    const sampled = await one<{ n: number; samples: number; newest: Date }>(`SELECT count(DISTINCT node)::int AS n, count(*)::int AS samples, max(ts) AS newest FROM node_usage`);
    expect(sampled.n).toBe(nodes.n);
    expect(sampled.samples).toBeGreaterThan(nodes.n);
    expect(Math.abs(sampled.newest.getTime() - emulator.scenarioNow().getTime())).toBeLessThan(10 * 60_000);
  });

  it("treats refused node metrics as that alone: pod usage polling is not failed or slowed by it", async () => {
    const from = lines.length;
    emulator.failNext({ status: 500, count: 1000, pathPrefix: "/apis/metrics.k8s.io/v1beta1/nodes" });
    await waitFor("the refusal to be noticed", async () => lines.slice(from).some((l) => l.includes("node usage not read")));
    await new Promise((r) => setTimeout(r, 2000)); // ten polls at 200 ms
    emulator.clearFaults();
    const said = lines.slice(from);
    expect(said.filter((l) => l.includes("node usage not read") && l.includes("pod usage goes on"))).toHaveLength(1); // once, not per poll
    // The pod poll never failed: no backoff, no "metrics: …" failure line of its own.
    expect(said.filter((l) => /\] metrics: (?!node usage not read)/.test(l))).toEqual([]);
  });

  it("stores every other kind the cluster serves, object for object, each ReplicaSet with its Deployment", async () => {
    const kc = loadKubeTargets({ kubeconfigPath })[0].kubeConfig;
    for (const { kind, path } of OTHER_KINDS) {
      const served = ((await getJson(kc, path)) as { items: { metadata: { namespace?: string; name: string } }[] }).items.map((o) => `${o.metadata.namespace ?? ""}/${o.metadata.name}`);
      const stored = (await db().query<{ key: string }>(`SELECT namespace || '/' || name AS key FROM kube_objects WHERE kind = $1 AND deleted_at IS NULL`, [kind])).rows.map((r) => r.key);
      expect({ kind, stored: stored.sort() }).toEqual({ kind, stored: served.sort() });
    }
    const rs = await db().query<{ owner: string }>(`SELECT DISTINCT owner_kind || '/' || owner_name AS owner FROM kube_objects WHERE kind = 'ReplicaSet' AND name LIKE 'checkout-%'`);
    expect(rs.rows).toEqual([{ owner: "Deployment/checkout" }]);
  });

  it("advances the cluster's own clock and reports the cluster connected", async () => {
    const c = await one<{ status: string; last_event_at: Date }>(`SELECT status, last_event_at FROM clusters`);
    expect(c.status).toBe("connected");
    expect(Math.abs(c.last_event_at.getTime() - emulator.scenarioNow().getTime())).toBeLessThan(5 * 60_000);
  });

  it("adds no duplicate when the worker restarts and relists everything", async () => {
    const before = await one<{ events: number; changes: number }>(
      `SELECT (SELECT count(*)::int FROM k8s_events WHERE reason = 'BackOff') AS events, (SELECT count(*)::int FROM changes) AS changes`,
    );
    await ingest.stop();
    lines.length = 0;
    ingest = run();
    await waitFor("the restarted ingest to connect", async () => lines.some((l) => l.includes("connected to")));
    await new Promise((r) => setTimeout(r, 2000));
    const after = await one<{ dupes: number; changes: number }>(
      `SELECT (SELECT count(*)::int FROM (SELECT uid FROM k8s_events GROUP BY uid HAVING count(*) > 1) d) AS dupes,
              (SELECT count(*)::int FROM changes) AS changes`,
    );
    expect(after.dupes).toBe(0);
    expect(after.changes).toBe(before.changes);
    const events = await one<{ n: number }>(`SELECT count(*)::int AS n FROM k8s_events WHERE reason = 'BackOff'`);
    expect(events.n).toBe(before.events);
    // Log followers resumed from the last stored line instead of re-reading each container's history.
    const repeated = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM log_lines GROUP BY namespace, pod, container, ts, message HAVING count(*) > 1) d`,
    );
    expect(repeated.n).toBe(0);
  });

  it("survives the cluster's API server restarting: reports it unreachable, then reconnects and keeps writing", async () => {
    const port = emulator.port;
    await emulator.stop();
    const down = await waitFor("the cluster to be reported unreachable", () =>
      one<{ status: string; last_error: string } | undefined>(`SELECT status, last_error FROM clusters WHERE status = 'unreachable'`),
    );
    expect(down.last_error).toMatch(/ECONNREFUSED|fetch failed|refused/i);
    expect(lines.some((l) => l.includes(`unreachable: server http://127.0.0.1:${port}`))).toBe(true);

    const { n: samplesBefore } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM usage_samples`);
    emulator = await startEmulator({ port, speed: SPEED, leadMinutes: 10, seed: 7, kubeconfigPath });
    await waitFor("the cluster to be reported connected again", () => one<{ status: string } | undefined>(`SELECT status FROM clusters WHERE status = 'connected'`), 60_000);
    await waitFor("new usage samples after the restart", async () => {
      const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM usage_samples`);
      return n > samplesBefore;
    });
  });
});

import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/pool.ts";
import type { Emulator } from "./index.ts";
import { createReplayHarness, type Replay } from "./testing/replay-harness.ts";
import { GUESTBOOK as GUESTBOOK_FILE, sharedFile } from "./testing/shared-file.ts";

// A real application nobody on the project wrote (kubernetes/examples' guestbook, byte for byte), created
// on the demo cluster with real kubectl as an SRE would: it must be accepted, run, and show up in Uptrust
// with SLOs, right-sizing and guardrail findings, through the real ingest worker and analyzer.

const GUESTBOOK = sharedFile(GUESTBOOK_FILE);
const cache = join(mkdtempSync(join(tmpdir(), "uptrust-real-apps-")), "cache");

type Run = { stdout: string; stderr: string; code: number };
const kubectl = (emu: Emulator, ...args: string[]) =>
  new Promise<Run>((resolve) => {
    const child = execFile("kubectl", ["--kubeconfig", emu.kubeconfigPath!, "--cache-dir", cache, ...args], { timeout: 20_000 }, (err, stdout, stderr) =>
      resolve({ stdout, stderr, code: err ? ((err as { code?: number }).code ?? 1) : 0 }),
    );
    child.stdin?.end();
  });
const rows = (out: string) => out.trim().split("\n").map((line) => line.trim().split(/\s{2,}/));

// The guestbook's three Deployments and how many replicas its manifest asks for.
const APP = { "redis-master": 1, "redis-replica": 2, frontend: 3 } as const;
const CONTAINERS = { "redis-master": "master", "redis-replica": "replica", frontend: "php-redis" } as const;

const harness = createReplayHarness();
afterAll(() => harness.stop());

describe("a real application created on the demo cluster with kubectl create -f", () => {
  let created: Run;
  let played: Replay;

  it("is accepted object by object, as a real cluster answers", async () => {
    // Created in the first cluster-minutes of a 330-minute replay (kubectl and the ingest's first list take a few
    // wall seconds, up to an hour of cluster time at 720x on a busy machine): the three hours of history
    // right-sizing needs.
    played = await harness.replay("healthy", {
      leadMinutes: 330,
      rollups: true,
      metricsPollMs: 50,
      onStart: async (emu) => void (created = await kubectl(emu, "create", "--validate=false", "-f", GUESTBOOK)),
    });
    expect(created.stderr).toBe("");
    expect(created.stdout.trim().split("\n")).toEqual([
      "service/redis-master created",
      "deployment.apps/redis-master created",
      "service/redis-replica created",
      "deployment.apps/redis-replica created",
      "service/frontend created",
      "deployment.apps/frontend created",
    ]);
  }, 150_000);

  it("runs every replica: kubectl get deploy shows them ready, up to date and available", async () => {
    const [header, ...deployments] = rows((await kubectl(played.emulator, "get", "deploy")).stdout);
    expect(header).toEqual(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]);
    expect(deployments.map(([name, ready, upToDate, available]) => [name, ready, upToDate, available])).toEqual(
      Object.entries(APP)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, n]) => [name, `${n}/${n}`, String(n), String(n)]),
    );
    const pods = rows((await kubectl(played.emulator, "get", "pods", "--no-headers")).stdout);
    expect(pods).toHaveLength(6);
    for (const [, ready, status] of pods) expect([ready, status]).toEqual(["1/1", "Running"]);
  });

  it("fills every column a real cluster fills: no undefined, addresses allocated, the default service account", async () => {
    const out = (await kubectl(played.emulator, "get", "deploy,svc,sa,pods")).stdout;
    expect(out).not.toMatch(/undefined|null|NaN/);
    const services = rows(out).filter(([name]) => name.startsWith("service/"));
    const byName = Object.fromEntries(services.map(([name, type, ip, external, ports]) => [name, { type, ip, external, ports }]));
    expect(byName["service/frontend"]).toMatchObject({ type: "NodePort", external: "<none>" });
    // A NodePort Service gets a node port from 30000-32767; every Service gets a cluster IP from 10.96.0.0/12.
    expect(byName["service/frontend"].ports).toMatch(/^80:3\d{4}\/TCP$/);
    expect(byName["service/redis-replica"]).toMatchObject({ type: "ClusterIP", ports: "6379/TCP" });
    for (const { ip } of Object.values(byName).filter((s) => s.type !== "<none>")) expect(ip).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    expect(rows(out).find(([name]) => name === "serviceaccount/default")?.[1]).toBe("0");
    // Each Service's EndpointSlice lists the pods it selects, so an SRE sees where its traffic goes.
    const slices = rows((await kubectl(played.emulator, "get", "endpointslices", "--no-headers")).stdout);
    expect(slices.map(([name, , port, endpoints]) => [name.replace(/-\w{5}$/, ""), port, endpoints.split(",").length])).toEqual([
      ["frontend", "80", 3],
      ["redis-master", "6379", 1],
      ["redis-replica", "6379", 2],
    ]);
    // The port the redis-replica Service forwards to is its port, as the API server defaults it.
    const replica = JSON.parse((await kubectl(played.emulator, "get", "svc", "redis-replica", "-o", "json")).stdout);
    expect(replica.spec.ports).toEqual([{ port: 6379, protocol: "TCP", targetPort: 6379 }]);
  });

  it("reaches Uptrust: its workloads are stored with their replicas, and nothing is an incident", async () => {
    const stored = (
      await getPool().query<{ name: string; desired: number; available: number }>(
        `SELECT name, desired_replicas AS desired, available_replicas AS available FROM workloads WHERE namespace = 'default' AND kind = 'Deployment' ORDER BY name`,
      )
    ).rows;
    expect(stored.map((w) => [w.name, w.desired, w.available])).toEqual(
      Object.entries(APP)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, n]) => [name, n, n]),
    );
    expect(played.incidents.filter((i) => i.workload in APP)).toEqual([]);
  });

  it("gets SLOs: availability for every Deployment, request success and latency for the web frontend it logs requests of", async () => {
    const slos = (
      await getPool().query<{ workload: string; slo: string; budget: number; alert: string | null }>(
        `SELECT w.name AS workload, s.name AS slo, st.budget_remaining AS budget, st.alert FROM slos s JOIN workloads w ON w.id = s.workload_id
           LEFT JOIN slo_status st ON st.slo_id = s.id WHERE w.namespace = 'default' ORDER BY w.name, s.name`,
      )
    ).rows;
    const named = (workload: string) => slos.filter((s) => s.workload === workload).map((s) => s.slo);
    expect(named("frontend")).toEqual(["availability", "latency", "requests"]);
    expect(named("redis-master")).toEqual(["availability"]);
    expect(named("redis-replica")).toEqual(["availability"]);
    // A healthy app pages no one, and its requests spend no error budget. (Its availability SLO is charged the
    // minute or two its replicas took to come up after kubectl create: the analyzer counts a new Deployment's
    // first rollout from zero as an outage, reported to its owner.)
    for (const s of slos) {
      expect(s.alert, `${s.workload} ${s.slo}`).toBeNull();
      if (s.slo !== "availability") expect([s.workload, s.slo, s.budget]).toEqual([s.workload, s.slo, 1]);
    }
  });

  it("gets right-sizing: each container's 100m CPU request is more than it uses, with KRR and VPA side by side", async () => {
    const recs = (
      await getPool().query<{ workload: string; container: string; strategy: string; current: number; cpu: number }>(
        `SELECT w.name AS workload, r.container, r.strategy, r.current_cpu_request_millis AS current, r.cpu_request_millis AS cpu
           FROM recommendations r JOIN workloads w ON w.id = r.workload_id WHERE w.namespace = 'default' ORDER BY w.name, r.strategy`,
      )
    ).rows;
    const history = (
      await getPool().query(`SELECT workload_name, count(*), min(ts), max(ts) FROM usage_samples WHERE namespace = 'default' GROUP BY 1`)
    ).rows;
    for (const [workload, container] of Object.entries(CONTAINERS)) {
      const mine = recs.filter((r) => r.workload === workload);
      expect(mine.map((r) => [r.container, r.strategy]), JSON.stringify({ recs, history })).toEqual([[container, "krr-simple"], [container, "vpa"]]);
      // Whether the downsizing is held follows the availability SLO above (its start-up minutes), not the app.
      for (const r of mine) expect([r.current, r.cpu < r.current]).toEqual([100, true]);
    }
  });

  it("gets guardrail findings for what the manifest really lacks", async () => {
    const findings = (await getPool().query<{ target: string; check: string }>(`SELECT target, "check" FROM guardrail_findings WHERE namespace = 'default'`)).rows;
    const has = (target: string, check: string) => findings.some((f) => f.target === target && f.check === check);
    for (const [workload, container] of Object.entries(CONTAINERS)) {
      // Every guestbook Deployment runs in the default namespace, without probes, memory limits or a non-root user.
      expect(has(`Deployment default/${workload}`, "defaultNamespace"), JSON.stringify(findings)).toBe(true);
      for (const check of ["livenessProbeMissing", "readinessProbeMissing", "memoryLimitsMissing", "runAsRoot"]) {
        expect(has(`Deployment default/${workload} container ${container}`, check), `${workload} ${check}`).toBe(true);
      }
      // It does request CPU and memory, and pins its image tags.
      expect(has(`Deployment default/${workload} container ${container}`, "cpuRequestsMissing")).toBe(false);
      expect(has(`Deployment default/${workload} container ${container}`, "tagNotSpecified")).toBe(false);
    }
    // One replica and no PodDisruptionBudget: a node drain takes redis-master down.
    expect(has("Deployment default/redis-master", "singleReplicaWithoutPdb")).toBe(true);
    expect(has("Deployment default/frontend", "singleReplicaWithoutPdb")).toBe(false);
  });

  it("answers a kind it does not serve with the API server's 404, which kubectl reports as such", async () => {
    const raw = await kubectl(played.emulator, "create", "--raw", "/api/v1/namespaces/default/persistentvolumeclaims", "-f", GUESTBOOK);
    expect(raw.code).not.toBe(0);
    expect(raw.stderr).toContain("the server could not find the requested resource");
  });
});

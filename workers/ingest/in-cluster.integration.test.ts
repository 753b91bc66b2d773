import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/pool.ts";
import { getJson } from "@/lib/k8s/get-json.ts";
import { WATCHED_PATHS } from "@/lib/k8s/ingest-api-paths.ts";
import { loadKubeTargets, type KubeTarget } from "@/lib/k8s/load-kubeconfig.ts";
import { enterPod, type FakePod } from "@/lib/k8s/testing/pod-service-account.ts";
import { startEmulator, type Emulator } from "@/workers/emulator/index.ts";
import { ingestConfig } from "./config.ts";
import { startIngest, type RunningIngest } from "./start-ingest.ts";

// The ingest worker as the chart runs it: in a pod, with its service account's token (the API server requires it,
// over TLS) and UPTRUST_CLUSTER_NAME naming the cluster. What it stores is the cluster it runs in, under that name.

const TOKEN = "uptrust-ingest-token";
const lines: string[] = [];
let emu: Emulator;
let pod: FakePod;
let ingest: RunningIngest;
let targets: KubeTarget[];

beforeAll(async () => {
  await getPool().query("TRUNCATE clusters CASCADE");
  emu = await startEmulator({ port: 0, speed: 600, leadMinutes: 10, seed: 8, token: TOKEN, tls: "self-signed", scenario: "healthy" });
  pod = enterPod(emu, TOKEN);
  targets = loadKubeTargets({ inCluster: { clusterName: "prod-eu-1", rootDir: pod.rootDir, home: pod.home } });
  ingest = startIngest({ db: getPool(), targets, config: ingestConfig({}), log: (m) => lines.push(m) });
});
afterAll(async () => {
  await ingest?.stop();
  pod?.leave();
  await emu?.stop();
});

describe("the ingest worker in a pod with no kubeconfig", () => {
  it("stores the cluster it runs in under UPTRUST_CLUSTER_NAME, with the nodes the API server serves", async () => {
    const list = (await getJson(targets[0].kubeConfig, WATCHED_PATHS.nodes)) as { items: { metadata: { name: string } }[] };
    const nodes = list.items.map((n) => n.metadata.name).sort();
    expect(nodes.length).toBeGreaterThan(0);
    const stored = async () =>
      (
        await getPool().query<{ cluster: string; server: string; node: string }>(
          `SELECT c.name AS cluster, c.server, n.name AS node FROM clusters c JOIN nodes n ON n.cluster_id = c.id ORDER BY n.name`,
        )
      ).rows;
    const deadline = Date.now() + 30_000;
    while ((await stored()).length < nodes.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await stored()).toEqual(nodes.map((node) => ({ cluster: "prod-eu-1", server: `https://127.0.0.1:${emu.port}`, node })));
    expect(lines.filter((l) => /40[13]/.test(l))).toEqual([]);
  });
});

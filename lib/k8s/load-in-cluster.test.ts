import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@/workers/emulator/index.ts";
import { getJson } from "./get-json.ts";
import { WATCHED_PATHS } from "./ingest-api-paths.ts";
import { loadKubeTargets } from "./load-kubeconfig.ts";
import { enterPod, type FakePod } from "./testing/pod-service-account.ts";

// Ingest inside a pod: no KUBECONFIG, no ~/.kube/config, KUBERNETES_SERVICE_HOST set by the kubelet and the
// service account's files mounted. Here the API server is the emulator requiring that account's token over TLS.

const TOKEN = "ingest-service-account-token";
let emu: Emulator;
let pod: FakePod;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, speed: 600, leadMinutes: 10, seed: 5, token: TOKEN, tls: "self-signed" });
  pod = enterPod(emu, TOKEN);
});
afterAll(async () => {
  pod.leave();
  await emu.stop();
});

const inPod = (clusterName?: string) => loadKubeTargets({ inCluster: { clusterName, rootDir: pod.rootDir, home: pod.home } });

describe("ingest in a pod with no kubeconfig", () => {
  it("watches the cluster it runs in with its service account, under UPTRUST_CLUSTER_NAME, and lists its pods", async () => {
    const [target, ...others] = inPod("prod-eu-1");
    expect(others).toEqual([]);
    expect(target.context).toBe("prod-eu-1");
    expect(target.server).toBe(`https://127.0.0.1:${emu.port}`);
    expect(target.source).toBe("the pod's service account (in-cluster)");
    const pods = (await getJson(target.kubeConfig, WATCHED_PATHS.pods)) as { kind: string; items: { metadata: { namespace: string } }[] };
    expect(pods.kind).toBe("PodList");
    expect(pods.items.length).toBeGreaterThan(0);
    expect(new Set(pods.items.map((p) => p.metadata.namespace))).toContain("kube-system");
  });

  it("is refused by the API server when the mounted token is not the account's", async () => {
    pod.mountToken("a-revoked-token");
    try {
      const [target] = inPod("prod-eu-1");
      await expect(getJson(target.kubeConfig, WATCHED_PATHS.pods)).rejects.toThrow(/HTTP 401/);
    } finally {
      pod.mountToken(TOKEN);
    }
  });

  it("says which setting names the cluster when UPTRUST_CLUSTER_NAME is missing", () => {
    expect(() => inPod(undefined)).toThrow(/this is a pod without a kubeconfig.*set UPTRUST_CLUSTER_NAME/);
  });

  it("prefers a kubeconfig in the home directory over the service account, as kubectl does", () => {
    mkdirSync(join(pod.home, ".kube"), { recursive: true });
    writeFileSync(join(pod.home, ".kube", "config"), `apiVersion: v1
kind: Config
clusters: [{ name: lab, cluster: { server: "https://lab.example.com:6443" } }]
users: [{ name: me, user: { token: t } }]
contexts: [{ name: lab, context: { cluster: lab, user: me } }]
current-context: lab
`);
    const [target] = inPod("prod-eu-1");
    expect([target.context, target.server]).toEqual(["lab", "https://lab.example.com:6443"]);
  });
});

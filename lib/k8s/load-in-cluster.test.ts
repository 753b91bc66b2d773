import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@/workers/emulator/index.ts";
import { getJson } from "./get-json.ts";
import { WATCHED_PATHS } from "./ingest-api-paths.ts";
import { loadKubeTargets } from "./load-kubeconfig.ts";

// Ingest inside a pod: no KUBECONFIG, no ~/.kube/config, KUBERNETES_SERVICE_HOST set by the kubelet and the
// service account's token, CA and namespace mounted under /var/run/secrets/kubernetes.io/serviceaccount. Here the
// API server is the emulator requiring that token over TLS, and the account's files sit under a directory
// standing for /.

const TOKEN = "ingest-service-account-token";
const home = mkdtempSync(join(tmpdir(), "uptrust-pod-home-"));
const root = mkdtempSync(join(tmpdir(), "uptrust-pod-root-"));
const accountDir = join(root, "var/run/secrets/kubernetes.io/serviceaccount");
let emu: Emulator;
const saved = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT };

function mountServiceAccount(token: string) {
  mkdirSync(accountDir, { recursive: true });
  writeFileSync(join(accountDir, "token"), token);
  writeFileSync(join(accountDir, "ca.crt"), emu.caPem!);
  writeFileSync(join(accountDir, "namespace"), "uptrust");
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, speed: 600, leadMinutes: 10, seed: 5, token: TOKEN, tls: "self-signed" });
  process.env.KUBERNETES_SERVICE_HOST = "127.0.0.1";
  process.env.KUBERNETES_SERVICE_PORT = String(emu.port);
});
afterAll(async () => {
  for (const [k, v] of [["KUBERNETES_SERVICE_HOST", saved.host], ["KUBERNETES_SERVICE_PORT", saved.port]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await emu.stop();
});

const inPod = (clusterName?: string) => loadKubeTargets({ inCluster: { clusterName, rootDir: root, home } });

describe("ingest in a pod with no kubeconfig", () => {
  it("watches the cluster it runs in with its service account, under UPTRUST_CLUSTER_NAME, and lists its pods", async () => {
    mountServiceAccount(TOKEN);
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
    mountServiceAccount("a-revoked-token");
    const [target] = inPod("prod-eu-1");
    await expect(getJson(target.kubeConfig, WATCHED_PATHS.pods)).rejects.toThrow(/HTTP 401/);
  });

  it("says which setting names the cluster when UPTRUST_CLUSTER_NAME is missing", () => {
    expect(() => inPod(undefined)).toThrow(/this is a pod without a kubeconfig.*set UPTRUST_CLUSTER_NAME/);
  });

  it("prefers a kubeconfig in the home directory over the service account, as kubectl does", () => {
    mkdirSync(join(home, ".kube"), { recursive: true });
    writeFileSync(join(home, ".kube", "config"), `apiVersion: v1
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

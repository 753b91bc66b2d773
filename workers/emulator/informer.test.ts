import * as k8s from "@kubernetes/client-node";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "./index.ts";
import { demoKubeconfig } from "./kubeconfig.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let emu: Emulator | undefined;
afterEach(async () => emu?.stop());

function informerFor(url: string) {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(JSON.stringify(demoKubeconfig(url)));
  const core = kc.makeApiClient(k8s.CoreV1Api);
  return k8s.makeInformer<k8s.V1Pod>(kc, "/api/v1/pods", () => core.listPodForAllNamespaces());
}

async function until(check: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end && !check()) await sleep(50);
  return check();
}

describe("a client-node informer on the demo cluster", () => {
  it("sees the checkout rollout to 1.5.0 crash-looping", async () => {
    emu = await startEmulator({ speed: 600, leadMinutes: 65, seed: 1 });
    const informer = informerFor(emu.url);
    const crashing = new Set<string>();
    informer.on("update", (pod) => {
      const cs = pod.status?.containerStatuses?.[0];
      if (cs?.image.endsWith(":1.5.0") && cs.state?.waiting?.reason === "CrashLoopBackOff" && cs.lastState?.terminated?.exitCode === 1) crashing.add(pod.metadata!.name!);
    });
    await informer.start();
    expect(await until(() => crashing.size > 0, 10_000)).toBe(true);
    await informer.stop();
  }, 20_000);

  it("relists after its watch comes back from a compacted resourceVersion", async () => {
    emu = await startEmulator({ speed: 600, leadMinutes: 65, seed: 2 });
    const kc = new k8s.KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: "demo", server: emu.url, skipTLSVerify: true }],
      users: [{ name: "viewer", token: "t" }],
      contexts: [{ name: "demo", cluster: "demo", user: "viewer" }],
      currentContext: "demo",
    });
    const core = kc.makeApiClient(k8s.CoreV1Api);
    let lists = 0;
    // A selective informer's resourceVersion lags behind the cluster's, so compaction leaves it behind.
    const informer = k8s.makeInformer<k8s.V1Pod>(kc, "/api/v1/pods", () => (lists++, core.listPodForAllNamespaces({ labelSelector: "app=frontend" })), "app=frontend");
    const errors: unknown[] = [];
    informer.on("error", (e) => errors.push(e));
    await informer.start();
    await sleep(500);
    expect(lists).toBe(1);
    const stale = Number((informer as unknown as { latestResourceVersion(): string }).latestResourceVersion());
    emu.compactAndDropWatches();

    const raw = await fetch(`${emu.url}/api/v1/pods?watch=1&resourceVersion=${stale}`);
    expect(raw.status).toBe(200);
    expect(JSON.parse((await raw.text()).trim())).toMatchObject({ type: "ERROR", object: { kind: "Status", code: 410, reason: "Expired" } });

    expect(await until(() => lists >= 2, 8_000)).toBe(true);
    expect(informer.list().map((p) => p.metadata!.labels!.app)).toEqual(["frontend", "frontend", "frontend"]);
    expect(errors).toEqual([]);
    await informer.stop();
  }, 30_000);
});

import * as k8s from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@/workers/emulator/index.ts";
import { demoKubeconfig } from "@/workers/emulator/kubeconfig.ts";
import { fleetOfPods } from "@/workers/emulator/scenarios/scale.ts";
import type { ClusterContext } from "./cluster-context.ts";
import { Relists } from "./relists.ts";
import { runInformer } from "./run-informer.ts";

// The list half of the ingest's list+watch against a 1,000-pod cluster: read in pages of 500, and a
// list cut short by shutdown never reports the pods it did not read as gone.
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, scenario: "scale", size: fleetOfPods(1000), leadMinutes: 1, speed: 1, seed: 3 });
}, 60_000);
afterAll(() => emu.stop());

function context(signal: AbortSignal): ClusterContext {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(JSON.stringify(demoKubeconfig(emu.url)));
  return { kc, signal, relists: new Relists(), log: () => undefined, health: () => undefined, skip: () => undefined } as unknown as ClusterContext;
}

type Pod = { metadata?: { uid?: string } };

describe("list+watch without a cache", () => {
  it("hands every pod to onUpsert once, then all their uids to onList", async () => {
    const abort = new AbortController();
    const upserted: string[] = [];
    let listed: string[] = [];
    const done = runInformer<Pod>(context(abort.signal), {
      stream: "pods",
      path: "/api/v1/pods",
      onUpsert: (p) => upserted.push(p.metadata!.uid!),
      onDelete: () => undefined,
      onList: (uids) => {
        listed = uids;
        abort.abort();
      },
    });
    await done;
    expect(listed).toHaveLength(1000);
    expect(new Set(listed).size).toBe(1000);
    expect([...upserted].sort()).toEqual([...listed].sort());
  });

  it("does not call onList for a list that shutdown cut short", async () => {
    const abort = new AbortController();
    let seen = 0;
    let listCalls = 0;
    await runInformer<Pod>(context(abort.signal), {
      stream: "pods",
      path: "/api/v1/pods",
      // Shut down as soon as the first page of 500 has been read.
      onUpsert: () => ++seen === 500 && abort.abort(),
      onDelete: () => undefined,
      onList: () => listCalls++,
    });
    expect(seen).toBe(500);
    expect(listCalls).toBe(0);
  });

  it("waits as long as a throttling API server's Retry-After asks before listing again", async () => {
    const abort = new AbortController();
    const began = Date.now();
    let listedAfter = 0;
    emu.failNext({ status: 429, count: 1, retryAfterSeconds: 2, pathPrefix: "/api/v1/pods" });
    await runInformer<Pod>(context(abort.signal), {
      stream: "pods",
      path: "/api/v1/pods",
      onUpsert: () => undefined,
      onDelete: () => undefined,
      onList: () => {
        listedAfter = Date.now() - began;
        abort.abort();
      },
    });
    // The first retry's own backoff is under a second: only Retry-After explains two.
    expect(listedAfter).toBeGreaterThanOrEqual(2000);
  });
});

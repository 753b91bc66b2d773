import { describe, expect, it } from "vitest";
import { configHash } from "./cluster-objects.ts";
import { CONFIG_BREAK } from "./configmap-break.ts";
import { DEMO } from "./demo.ts";
import { IMAGE_PULL } from "./image-pull.ts";
import { groundTruthOf } from "./index.ts";
import { podsOf, scenarioStarter, waitingReason } from "./scenario-client.ts";

const start = scenarioStarter();

describe("bad-rollout", () => {
  it("crash-loops the new checkout pods until the rollback, with nothing else going wrong", async () => {
    const run = await start("bad-rollout", 40);
    const [incident] = groundTruthOf("bad-rollout", { leadMinutes: 40 }).incidents;
    await run.reach(incident.startOffsetMinutes + 10);
    const pods = await run.list("/api/v1/namespaces/shop/pods");
    const crashing = pods.filter((p) => p.spec.containers[0].image === DEMO.checkout.badImage);
    expect(crashing.length).toBeGreaterThan(0);
    expect(crashing.map(waitingReason)).toContain("CrashLoopBackOff");
    expect(podsOf(pods, "reports")).toHaveLength(0);
    await run.reach(incident.endOffsetMinutes! + 2);
    const after = await run.list("/api/v1/namespaces/shop/pods");
    expect(after.filter((p) => p.spec.containers[0].image === DEMO.checkout.badImage)).toHaveLength(0);
    expect(await run.get("/apis/apps/v1/namespaces/shop/deployments/checkout")).toMatchObject({ status: { availableReplicas: 4 } });
  });
});

describe("image-pull", () => {
  it("shows ImagePullBackOff with kubelet's Failed event naming the missing tag, during the stated window", async () => {
    const run = await start("image-pull", 40);
    const [incident] = groundTruthOf("image-pull", { leadMinutes: 40 }).incidents;
    await run.reach(incident.startOffsetMinutes + 6);
    const pods = podsOf(await run.list("/api/v1/namespaces/shop/pods"), "checkout").filter((p) => p.spec.containers[0].image === IMAGE_PULL.missingImage);
    expect(pods.length).toBeGreaterThan(0);
    expect(pods.map(waitingReason).every((r) => r === "ImagePullBackOff" || r === "ErrImagePull")).toBe(true);
    expect(pods.map(waitingReason)).toContain("ImagePullBackOff");
    const events = await run.list("/api/v1/namespaces/shop/events");
    const failed = events.find((e) => e.reason === "Failed" && e.message.startsWith(`Failed to pull image "${IMAGE_PULL.missingImage}"`));
    expect(failed?.message).toContain(": not found");
    expect(failed?.source.component).toBe("kubelet");
    const backoff = events.find((e) => e.reason === "BackOff" && e.message === `Back-off pulling image "${IMAGE_PULL.missingImage}"`);
    expect(backoff?.count).toBeGreaterThan(1);
    expect(run.offsetOf(failed!.firstTimestamp)).toBeGreaterThanOrEqual(incident.startOffsetMinutes);
    expect(run.offsetOf(failed!.firstTimestamp)).toBeLessThan(incident.startOffsetMinutes + 1);
  });
});

describe("configmap-break", () => {
  it("changes checkout-config's content hash at the stated time, then restarted pods hit CreateContainerConfigError", async () => {
    // A lead long enough that the edit comes seconds after start: the first read must see the config before it.
    const run = await start("configmap-break", 100);
    const [incident] = groundTruthOf("configmap-break", { leadMinutes: 100 }).incidents;
    const { changedAtOffsetMinutes, fromHash, toHash, message } = incident.cause;
    const cause = { changedAtOffsetMinutes: Number(changedAtOffsetMinutes), fromHash: String(fromHash), toHash: String(toHash), message: String(message) };
    const read = () => run.get<{ data: Record<string, string>; metadata: { managedFields: { manager: string; time: string }[] } }>(`/api/v1/namespaces/shop/configmaps/${CONFIG_BREAK.configMap}`);
    expect(configHash((await read()).data)).toBe(cause.fromHash);
    await run.reach(incident.startOffsetMinutes + 5);
    const cm = await read();
    expect(configHash(cm.data)).toBe(cause.toHash);
    expect(run.offsetOf(cm.metadata.managedFields.find((f) => f.manager === "kubectl-edit")!.time)).toBeCloseTo(cause.changedAtOffsetMinutes, 1);
    const pods = podsOf(await run.list("/api/v1/namespaces/shop/pods"), "checkout");
    const stuck = pods.filter((p) => waitingReason(p) === "CreateContainerConfigError");
    expect(stuck.length).toBeGreaterThan(0);
    expect(stuck[0].status.containerStatuses[0].state.waiting.message).toBe(cause.message);
    // Pods started before the edit keep running on the environment they read at start.
    expect(pods.filter((p) => p.status.containerStatuses?.[0]?.state?.running).length).toBeGreaterThanOrEqual(3);
    const events = await run.list("/api/v1/namespaces/shop/events");
    expect(events.some((e) => e.reason === "Failed" && e.message === `Error: ${cause.message}`)).toBe(true);
    await run.reach(incident.endOffsetMinutes! + 2);
    expect(await run.get("/apis/apps/v1/namespaces/shop/deployments/checkout")).toMatchObject({ status: { updatedReplicas: 4, availableReplicas: 4 } });
  });
});

describe("memory-leak", () => {
  it("OOM-kills reports at the stated times, with the kernel's OOMKilling events", async () => {
    const run = await start("memory-leak", 60);
    const truth = groundTruthOf("memory-leak", { leadMinutes: 60 });
    // Every 25 minutes of the container's life, which began as the fleet booted 5 minutes before the start.
    expect(truth.incidents.map((i) => Math.round(i.startOffsetMinutes))).toEqual([20, 45]);
    await run.reach(truth.incidents[1].startOffsetMinutes + 1);
    const [pod] = podsOf(await run.list("/api/v1/namespaces/shop/pods"), "reports");
    const cs = pod.status.containerStatuses[0];
    expect(cs.restartCount).toBe(2);
    expect(cs.lastState.terminated).toMatchObject({ reason: "OOMKilled", exitCode: 137 });
    expect(run.offsetOf(cs.lastState.terminated.finishedAt)).toBeCloseTo(truth.incidents[1].startOffsetMinutes, 1);
    // Each kill names a different process, so the kernel monitor reports each as its own event.
    const ooms = (await run.list("/api/v1/namespaces/default/events")).filter((e) => e.reason === "OOMKilling");
    expect(ooms.map((e) => Math.round(run.offsetOf(e.firstTimestamp) * 10) / 10).sort((a, b) => a - b)).toEqual(truth.incidents.map((i) => Math.round(i.startOffsetMinutes * 10) / 10));
    expect(ooms[0].message).toMatch(/^Memory cgroup out of memory: Killed process \d+ \(reports\)/);
  });
});

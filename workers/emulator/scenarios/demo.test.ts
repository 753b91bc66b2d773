import { describe, expect, it } from "vitest";
import { createCluster } from "../sim/cluster.ts";
import { DEMO, demoBehavior, demoGroundTruth, installDemo } from "./demo.ts";
import { bootedAt } from "./ground-truth.ts";

const MIN = 60_000;
const start = Date.parse("2025-03-01T08:00:00Z");

function replay(minutes: number, seed = 42) {
  const cluster = createCluster({ start: bootedAt(start), seed, behaviorFor: demoBehavior });
  installDemo(cluster, { start, leadMinutes: 240 });
  cluster.advanceTo(start + minutes * MIN);
  return cluster;
}

describe("the demo story", () => {
  const truth = demoGroundTruth({ leadMinutes: 240, scenarioStart: new Date(start) });
  const crash = truth.incidents[0];

  it("puts the bad checkout rollout 60 minutes and the rollback 40 minutes before going live", () => {
    expect(crash.startOffsetMinutes).toBe(180);
    expect(crash.resolvedOffsetMinutes).toBe(200);
    expect(crash.cause).toMatchObject({ from: DEMO.checkout.goodImage, to: DEMO.checkout.badImage });
  });

  it("gets the checkout rollout stuck like the real deployment controller would", () => {
    const { store } = replay(195).sim;
    const d = store.get("deployments", "shop", "checkout")!;
    expect(d.metadata.generation).toBe(2);
    expect(d.metadata.annotations!["deployment.kubernetes.io/revision"]).toBe("2");
    expect(d.status).toMatchObject(crash.stuckStatus!);
    expect(d.status.conditions.find((c: { type: string }) => c.type === "Progressing")).toMatchObject({ status: "False", reason: "ProgressDeadlineExceeded" });
    const bad = store.list("pods", "shop").filter((p) => p.spec.containers[0].image === DEMO.checkout.badImage);
    expect(bad).toHaveLength(2);
    const cs = bad[0].status.containerStatuses[0];
    expect(cs.restartCount).toBeGreaterThan(3);
    expect(cs.lastState.terminated).toMatchObject({ reason: "Error", exitCode: 1 });
    const backoff = store.list("events", "shop").find((e) => e.reason === "BackOff" && e.involvedObject.name === bad[0].metadata.name)!;
    expect(backoff.count).toBeGreaterThan(2);
    expect(backoff.message).toContain("Back-off restarting failed container checkout in pod");
  });

  it("rolls back to the old ReplicaSet as revision 3 and recovers 4/4", () => {
    const { store } = replay(210).sim;
    const d = store.get("deployments", "shop", "checkout")!;
    expect(d.metadata.annotations!["deployment.kubernetes.io/revision"]).toBe("3");
    expect(d.status).toMatchObject({ replicas: 4, updatedReplicas: 4, availableReplicas: 4 });
    const rs = store.list("replicasets", "shop").filter((r) => r.metadata.name.startsWith("checkout-"));
    expect(rs.map((r) => [r.spec.replicas, r.metadata.annotations!["deployment.kubernetes.io/revision"]]).sort()).toEqual([[0, "2"], [4, "3"]]);
    expect(store.list("pods", "shop").filter((p) => p.spec.containers[0].image === DEMO.checkout.badImage)).toHaveLength(0);
  });

  it("OOM-kills reports about every hour, with node OOMKilling events", () => {
    const { store } = replay(240).sim;
    const pod = store.list("pods", "shop").find((p) => p.metadata.labels!.app === "reports")!;
    const cs = pod.status.containerStatuses[0];
    expect(cs.restartCount).toBeGreaterThanOrEqual(3);
    expect(cs.lastState.terminated).toMatchObject({ reason: "OOMKilled", exitCode: 137 });
    const oom = store.list("events", "default").filter((e) => e.reason === "OOMKilling");
    expect(oom.reduce((n, e) => n + e.count, 0)).toBe(cs.restartCount);
  });

  it("tells the same story for the same seed", () => {
    const names = (seed: number) => replay(200, seed).sim.store.list("pods").map((p) => p.metadata.name);
    expect(names(9)).toEqual(names(9));
  });
});

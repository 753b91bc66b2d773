import { describe, expect, it } from "vitest";
import { podWorkload } from "./pod-workload.ts";

const pod = (owner: { kind: string; name: string } | undefined, hash?: string) => ({
  metadata: { labels: hash ? { "pod-template-hash": hash } : {}, ownerReferences: owner ? [{ ...owner, controller: true }] : [] },
});

describe("which workload a pod belongs to", () => {
  it("traces a Deployment's pod through its ReplicaSet using the pod-template-hash", () => {
    expect(podWorkload(pod({ kind: "ReplicaSet", name: "checkout-7d9f8b6c5d" }, "7d9f8b6c5d"))).toEqual({ kind: "Deployment", name: "checkout" });
  });
  it("keeps dashes that are part of the deployment's own name", () => {
    expect(podWorkload(pod({ kind: "ReplicaSet", name: "payment-api-v2-5c4b" }, "5c4b"))).toEqual({ kind: "Deployment", name: "payment-api-v2" });
  });
  it("names StatefulSets, DaemonSets and Jobs directly", () => {
    expect(podWorkload(pod({ kind: "StatefulSet", name: "postgres" }))).toEqual({ kind: "StatefulSet", name: "postgres" });
    expect(podWorkload(pod({ kind: "DaemonSet", name: "fluent-bit" }))).toEqual({ kind: "DaemonSet", name: "fluent-bit" });
    expect(podWorkload(pod({ kind: "Job", name: "nightly-29000000" }))).toEqual({ kind: "Job", name: "nightly-29000000" });
  });
  it("leaves bare pods and hand-made ReplicaSets unattributed", () => {
    expect(podWorkload(pod(undefined))).toBeUndefined();
    expect(podWorkload(pod({ kind: "ReplicaSet", name: "legacy" }))).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { mapPod } from "./map-pod.ts";

const now = new Date("2026-01-01T00:00:00Z");
const crashingPod = {
  metadata: {
    name: "checkout-7d9f8b6c5d-x2x9q",
    namespace: "shop",
    uid: "u-1",
    creationTimestamp: "2025-03-01T10:00:00Z",
    labels: { "pod-template-hash": "7d9f8b6c5d" },
    ownerReferences: [{ kind: "ReplicaSet", name: "checkout-7d9f8b6c5d", controller: true }],
    managedFields: [{ time: "2025-03-01T10:03:00Z" }],
  },
  spec: {
    nodeName: "node-a",
    containers: [{ name: "checkout", image: "registry.example.com/shop/checkout:1.5.0", resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "512Mi" } } }],
  },
  status: {
    phase: "Running",
    startTime: "2025-03-01T10:00:01Z",
    conditions: [{ type: "Ready", status: "False", lastTransitionTime: "2025-03-01T10:02:00Z" }],
    containerStatuses: [
      {
        name: "checkout",
        ready: false,
        restartCount: 4,
        containerID: "containerd://abc",
        state: { waiting: { reason: "CrashLoopBackOff" } },
        lastState: { terminated: { reason: "Error", finishedAt: "2025-03-01T10:02:58Z" } },
      },
    ],
  },
};

describe("mapping a pod for Uptrust", () => {
  it("shows a crash-looping checkout pod the way a responder needs it", () => {
    const m = mapPod(crashingPod, now);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.value).toMatchObject({
      namespace: "shop",
      workload: { kind: "Deployment", name: "checkout" },
      phase: "Running",
      reason: "CrashLoopBackOff",
      ready: false,
      restartCount: 4,
      observedAt: new Date("2025-03-01T10:03:00Z"),
    });
    expect(m.value.containers[0]).toMatchObject({
      requestCpuMillis: 250,
      requestMemoryBytes: 256 * 2 ** 20,
      limitCpuMillis: null,
      limitMemoryBytes: 512 * 2 ** 20,
      state: "waiting",
      lastTerminationReason: "Error",
      lastTerminatedAt: new Date("2025-03-01T10:02:58Z"),
    });
  });

  it("skips a malformed pod with a reason instead of crashing", () => {
    const m = mapPod({ metadata: { name: "broken", namespace: "shop" }, spec: { containers: [] } }, now);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.reason).toMatch(/shop\/broken.*uid/);
    expect(mapPod(null, now).ok).toBe(false);
    expect(mapPod("pod", now).ok).toBe(false);
  });

  it("reads a pending pod without a status yet", () => {
    const m = mapPod({ ...crashingPod, status: undefined }, now);
    expect(m.ok && m.value.phase).toBe("Pending");
  });
});

import { describe, expect, it } from "vitest";
import { mapNamespace, mapNode } from "./map-node.ts";

const now = new Date("2026-01-01T00:00:00Z");

describe("a node's capacity and health", () => {
  it("reads allocatable CPU and memory and the Ready condition", () => {
    const m = mapNode(
      {
        metadata: { name: "node-a", uid: "n-1", labels: { zone: "a" } },
        status: {
          allocatable: { cpu: "3920m", memory: "15Gi" },
          conditions: [{ type: "Ready", status: "True", lastTransitionTime: "2025-03-01T09:00:00Z" }],
          nodeInfo: { kubeletVersion: "v1.32.3" },
        },
      },
      now,
    );
    expect(m.ok && m.value).toMatchObject({ allocatableCpuMillis: 3920, allocatableMemoryBytes: 15 * 2 ** 30, ready: true, kubeletVersion: "v1.32.3" });
    expect(m.ok && m.value.observedAt).toEqual(new Date("2025-03-01T09:00:00Z"));
  });

  it("treats a node without a Ready condition as not ready", () => {
    const m = mapNode({ metadata: { name: "node-b", uid: "n-2" } }, now);
    expect(m.ok && m.value.ready).toBe(false);
  });

  it("skips nameless nodes and namespaces", () => {
    expect(mapNode({ metadata: { uid: "x" } }, now).ok).toBe(false);
    expect(mapNamespace({ metadata: { uid: "x" } }, now).ok).toBe(false);
  });
});

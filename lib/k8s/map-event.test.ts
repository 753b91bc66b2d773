import { describe, expect, it } from "vitest";
import { mapEvent } from "./map-event.ts";

const backOff = {
  metadata: { uid: "e-1", namespace: "shop", name: "checkout-x.17f", creationTimestamp: "2025-03-01T10:01:00Z" },
  involvedObject: { kind: "Pod", name: "checkout-x", namespace: "shop" },
  reason: "BackOff",
  message: "Back-off restarting failed container checkout",
  type: "Warning",
  source: { component: "kubelet" },
  count: 7,
  firstTimestamp: "2025-03-01T10:01:00Z",
  lastTimestamp: "2025-03-01T10:09:00Z",
};

describe("a Kubernetes event as Uptrust stores it", () => {
  it("keeps a repeating BackOff as one event with its count and time span", () => {
    const m = mapEvent(backOff);
    expect(m.ok && m.value).toMatchObject({
      uid: "e-1",
      involvedKind: "Pod",
      involvedName: "checkout-x",
      reason: "BackOff",
      type: "Warning",
      source: "kubelet",
      count: 7,
      firstSeen: new Date("2025-03-01T10:01:00Z"),
      lastSeen: new Date("2025-03-01T10:09:00Z"),
    });
  });

  it("dates events.k8s.io-style events by eventTime, and never ends before it began", () => {
    const m = mapEvent({ ...backOff, firstTimestamp: null, lastTimestamp: null, eventTime: "2025-03-01T10:05:00.123456Z", count: undefined });
    expect(m.ok && m.value.firstSeen).toEqual(new Date("2025-03-01T10:05:00.123Z"));
    expect(m.ok && m.value.lastSeen).toEqual(new Date("2025-03-01T10:05:00.123Z"));
    expect(m.ok && m.value.count).toBe(1);
  });

  it("skips an event with no time at all", () => {
    const m = mapEvent({ metadata: { uid: "e-2" }, reason: "X" });
    expect(m.ok).toBe(false);
  });
});

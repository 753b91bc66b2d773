import { describe, expect, it } from "vitest";
import { KeyedBatcher } from "./keyed-batcher.ts";

describe("the keyed write queue", () => {
  it("writes only the latest state of an object that changed several times", async () => {
    const written: string[][] = [];
    const b = new KeyedBatcher<string>(async (items) => void written.push(items), { name: "t", log: () => undefined });
    b.put("pod-a", "pending");
    b.put("pod-a", "running");
    b.put("pod-b", "running");
    await b.drain();
    expect(written).toEqual([["running", "running"]]);
  });

  it("keeps a failed batch for the next attempt unless a newer state arrived", async () => {
    let fail = true;
    const written: string[][] = [];
    const logs: string[] = [];
    const b = new KeyedBatcher<string>(
      async (items) => {
        if (fail) throw new Error("database restarting");
        written.push(items);
      },
      { name: "pods", log: (m) => logs.push(m) },
    );
    b.put("pod-a", "v1");
    b.put("pod-b", "v1");
    await b.flush();
    b.put("pod-a", "v2");
    fail = false;
    await b.drain();
    expect(written).toEqual([["v2", "v1"]]);
    expect(logs[0]).toMatch(/pods: write failed \(database restarting\)/);
  });

  it("during an outage keeps updating queued objects but drops new ones past its bound, and says how far behind it is", async () => {
    const logs: string[] = [];
    const b = new KeyedBatcher<string>(
      async () => {
        throw new Error("connection refused");
      },
      { name: "events", maxPending: 2, log: (m) => logs.push(m) },
    );
    const start = Date.now();
    b.put("e1", "v1");
    b.put("e2", "v1");
    await b.flush();
    b.put("e3", "v1");
    b.put("e1", "v2");
    expect(b.fill()).toBe(1);
    expect(b.dropped()).toBe(1);
    expect(b.oldestPendingAt()).toBeGreaterThanOrEqual(start);
    expect(logs.some((l) => l.includes("events: write buffer full (2 waiting for the database); 1 new objects dropped"))).toBe(true);
    await b.drain();
  });

  it("reports no backlog once everything is written", async () => {
    const b = new KeyedBatcher<string>(async () => undefined, { name: "pods", log: () => undefined });
    b.put("p", "v");
    expect(b.oldestPendingAt()).toBeDefined();
    await b.drain();
    expect(b.oldestPendingAt()).toBeUndefined();
  });
});

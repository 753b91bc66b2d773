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
});

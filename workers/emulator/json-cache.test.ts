import { describe, expect, it } from "vitest";
import { listJson } from "./json-cache.ts";
import { Store, type KObj } from "./store.ts";

const pod = (name: string): KObj => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "shop", uid: `uid-${name}`, creationTimestamp: "2026-11-25T09:00:00Z" }, spec: { nodeName: "node-a" }, status: { phase: "Pending" } });
const writer = { manager: "kubelet", time: Date.parse("2026-11-25T10:00:00Z") };

describe("serialized lists", () => {
  it("are byte for byte what JSON.stringify gives, and follow every write", () => {
    const store = new Store();
    store.create("pods", pod("checkout-a"), writer);
    store.create("pods", pod("checkout-b"), writer);
    const present = (o: KObj) => o;
    const head = { kind: "PodList", apiVersion: "v1", metadata: { resourceVersion: "2" } };
    const first = listJson(head, store.list("pods"), present);
    expect(first).toBe(JSON.stringify({ ...head, items: store.list("pods") }));
    store.update("pods", "shop", "checkout-a", writer, (p) => void (p.status.phase = "Running"));
    const second = listJson(head, store.list("pods"), present);
    expect(JSON.parse(second).items.map((p: KObj) => p.status.phase)).toEqual(["Running", "Pending"]);
    expect(listJson({}, [], present)).toBe(JSON.stringify({ items: [] }));
  });
});

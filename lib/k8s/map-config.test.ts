import { describe, expect, it } from "vitest";
import { configHash } from "@/workers/emulator/scenarios/cluster-objects.ts";
import { describeKeyChanges, mapConfigObject } from "./map-config.ts";

const now = new Date("2026-12-01T10:00:00Z");
const meta = (uid: string) => ({
  name: "checkout-config",
  namespace: "shop",
  uid,
  managedFields: [
    { manager: "kubectl-client-side-apply", operation: "Update", time: "2026-11-30T09:00:00Z", fieldsV1: { "f:data": {} } },
    { manager: "kubectl-edit", operation: "Update", time: "2026-12-01T09:59:00Z", fieldsV1: { "f:data": {} } },
    { manager: "kube-controller-manager", operation: "Update", time: "2026-12-01T09:59:30Z", fieldsV1: { "f:metadata": {} } },
  ],
});

describe("ConfigMaps and Secrets as content hashes", () => {
  it("hashes a ConfigMap's data as the scenarios' ground truth states it, and credits the last writer of its data", () => {
    const data = { DATABASE_URL: "postgres://db:5432/checkout", PAYMENT_URL: "http://payments" };
    const m = mapConfigObject("ConfigMap", { metadata: meta("u1"), data }, now);
    expect(m.ok && [m.value.contentHash, m.value.manager, m.value.observedAt.toISOString()]).toEqual([configHash(data), "kubectl-edit", "2026-12-01T09:59:30.000Z"]);
  });

  it("keeps no Secret value: per-key hashes are salted with the Secret's uid", () => {
    const secret = (uid: string) => mapConfigObject("Secret", { metadata: meta(uid), data: { password: Buffer.from("hunter2").toString("base64") } }, now);
    const [a, b] = [secret("uid-a"), secret("uid-b")];
    if (!a.ok || !b.ok) throw new Error("not mapped");
    expect(JSON.stringify(a.value)).not.toContain(Buffer.from("hunter2").toString("base64"));
    expect(a.value.keyHashes.password).not.toBe(b.value.keyHashes.password);
    expect(Object.keys(a.value.keyHashes)).toEqual(["password"]);
  });

  it("says which keys were added, removed or changed", () => {
    expect(describeKeyChanges({ A: "1", B: "2", C: "3" }, { A: "1", B: "9", D: "4" })).toBe("keys +D -C ~B");
    expect(describeKeyChanges({ A: "1" }, { A: "1" })).toBe("content changed");
  });

  it("skips an object without a name, saying why", () => {
    const m = mapConfigObject("ConfigMap", { metadata: { namespace: "shop", uid: "u" } }, now);
    expect(m.ok).toBe(false);
  });
});

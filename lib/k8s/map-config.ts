import { createHash } from "node:crypto";
import { z } from "zod";
import { describeIssues, mapped, skipped, type Mapped } from "./mapped.ts";
import { nameOf } from "./map-pod.ts";
import { observedAt } from "./observed-at.ts";
import { lastWriter } from "./spec-manager.ts";
import { contentHash } from "./workload-template.ts";

// A ConfigMap or Secret as Uptrust keeps it: content hashes only. The overall hash says whether the
// content changed; the per-key hashes say which keys, for a readable diff. A Secret's per-key hashes
// are salted with its uid, so a short password cannot be found by hashing guesses against a table
// built in advance; its values never leave this function.

export type ConfigKind = "ConfigMap" | "Secret";
export type ConfigRow = {
  kind: ConfigKind;
  uid: string;
  namespace: string;
  name: string;
  contentHash: string;
  keyHashes: Record<string, string>;
  manager: string | null;
  observedAt: Date;
};

const schema = z.object({
  metadata: z.object({ name: z.string().min(1), namespace: z.string().min(1), uid: z.string().min(1), managedFields: z.unknown().optional() }),
  data: z.record(z.string(), z.string()).nullish(),
  binaryData: z.record(z.string(), z.string()).nullish(),
});

const keyHash = (salt: string, key: string, value: string) => createHash("sha256").update(`${salt}\u0000${key}\u0000${value}`).digest("hex").slice(0, 12);

export function mapConfigObject(kind: ConfigKind, obj: unknown, fallbackTime: Date): Mapped<ConfigRow> {
  const parsed = schema.safeParse(obj);
  if (!parsed.success) return skipped(`${kind} ${nameOf(obj)}: ${describeIssues(parsed.error)}`);
  const { metadata, data, binaryData } = parsed.data;
  const all = { ...(data ?? {}), ...(binaryData ?? {}) };
  const salt = kind === "Secret" ? metadata.uid : "";
  const keyHashes: Record<string, string> = {};
  for (const k of Object.keys(all).sort()) keyHashes[k] = keyHash(salt, k, all[k]);
  return mapped({
    kind,
    uid: metadata.uid,
    namespace: metadata.namespace,
    name: metadata.name,
    // The same hash the emulator's ground truth states for a ConfigMap's data; a Secret's is salted too.
    contentHash: kind === "Secret" ? contentHash({ salt, keyHashes }) : contentHash(binaryData ? { data: data ?? {}, binaryData } : (data ?? {})),
    keyHashes,
    manager: lastWriter(metadata.managedFields, ["f:data", "f:binaryData", "f:stringData"]),
    observedAt: observedAt(obj, fallbackTime),
  });
}

/** "keys +DB_URL -DATABASE_URL ~PAYMENT_URL": which keys were added, removed or given a new value. */
export function describeKeyChanges(before: Record<string, string>, after: Record<string, string>): string {
  const added = Object.keys(after).filter((k) => !(k in before)).map((k) => `+${k}`);
  const removed = Object.keys(before).filter((k) => !(k in after)).map((k) => `-${k}`);
  const changed = Object.keys(after).filter((k) => k in before && before[k] !== after[k]).map((k) => `~${k}`);
  const all = [...added, ...removed, ...changed];
  return all.length ? `keys ${all.join(" ")}` : "content changed";
}

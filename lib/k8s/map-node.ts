import { z } from "zod";
import { parseCpuMillis, parseMemoryBytes } from "@/lib/domain/quantity.ts";
import { describeIssues, mapped, skipped, toDate, type Mapped } from "./mapped.ts";
import { nameOf } from "./map-pod.ts";
import { observedAt } from "./observed-at.ts";

export type NodeRow = {
  uid: string;
  name: string;
  labels: Record<string, string>;
  ready: boolean;
  conditions: Array<{ type: string; status: string; reason: string | null; lastTransitionTime: string | null }>;
  allocatableCpuMillis: number;
  allocatableMemoryBytes: number;
  kubeletVersion: string | null;
  createdAt: Date | null;
  observedAt: Date;
};

const nodeSchema = z.object({
  metadata: z.object({
    name: z.string().min(1),
    uid: z.string().min(1),
    labels: z.record(z.string(), z.string()).nullish(),
    creationTimestamp: z.unknown().optional(),
  }),
  status: z
    .object({
      allocatable: z.record(z.string(), z.unknown().optional()).nullish(),
      conditions: z
        .array(z.object({ type: z.string(), status: z.string(), reason: z.string().nullish(), lastTransitionTime: z.unknown() }))
        .nullish(),
      nodeInfo: z.object({ kubeletVersion: z.string().nullish() }).nullish(),
    })
    .nullish(),
});

export function mapNode(obj: unknown, fallbackTime: Date): Mapped<NodeRow> {
  const parsed = nodeSchema.safeParse(obj);
  if (!parsed.success) return skipped(`node ${nameOf(obj)}: ${describeIssues(parsed.error)}`);
  const node = parsed.data;
  const conditions = (node.status?.conditions ?? []).map((c) => ({
    type: c.type,
    status: c.status,
    reason: c.reason ?? null,
    lastTransitionTime: toDate(c.lastTransitionTime)?.toISOString() ?? null,
  }));
  return mapped({
    uid: node.metadata.uid,
    name: node.metadata.name,
    labels: node.metadata.labels ?? {},
    ready: conditions.some((c) => c.type === "Ready" && c.status === "True"),
    conditions,
    allocatableCpuMillis: Math.floor(parseCpuMillis(node.status?.allocatable?.cpu) ?? 0),
    allocatableMemoryBytes: parseMemoryBytes(node.status?.allocatable?.memory) ?? 0,
    kubeletVersion: node.status?.nodeInfo?.kubeletVersion ?? null,
    createdAt: toDate(node.metadata.creationTimestamp) ?? null,
    observedAt: observedAt(obj, fallbackTime, conditions.map((c) => c.lastTransitionTime)),
  });
}

const namespaceSchema = z.object({
  metadata: z.object({
    name: z.string().min(1),
    uid: z.string().min(1),
    labels: z.record(z.string(), z.string()).nullish(),
    creationTimestamp: z.unknown().optional(),
  }),
});

export type NamespaceRow = { uid: string; name: string; labels: Record<string, string>; createdAt: Date | null; observedAt: Date };

export function mapNamespace(obj: unknown, fallbackTime: Date): Mapped<NamespaceRow> {
  const parsed = namespaceSchema.safeParse(obj);
  if (!parsed.success) return skipped(`namespace ${nameOf(obj)}: ${describeIssues(parsed.error)}`);
  const meta = parsed.data.metadata;
  return mapped({
    uid: meta.uid,
    name: meta.name,
    labels: meta.labels ?? {},
    createdAt: toDate(meta.creationTimestamp) ?? null,
    observedAt: observedAt(obj, fallbackTime),
  });
}

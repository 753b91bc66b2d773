import { z } from "zod";
import { describeIssues, mapped, skipped, toDate, type Mapped } from "./mapped.ts";
import { nameOf } from "./map-pod.ts";
import { observedAt } from "./observed-at.ts";
import { specManager } from "./spec-manager.ts";
import { specFacts, type SpecFacts } from "./workload-spec-facts.ts";
import type { WorkloadKind } from "./pod-workload.ts";
import { normalizeTemplate, templateHash, type WorkloadTemplate } from "./workload-template.ts";

export type WorkloadCounts = { desired: number; available: number; ready: number; updated: number };

export type WorkloadRow = {
  kind: WorkloadKind;
  uid: string;
  namespace: string;
  name: string;
  counts: WorkloadCounts;
  generation: number;
  observedGeneration: number;
  revision: string | null;
  /** The field manager that last wrote the spec (managedFields), when the cluster says. */
  manager: string | null;
  template: WorkloadTemplate;
  templateHash: string;
  /** What the guardrail checks read (security settings, probes, resources). */
  specFacts: SpecFacts;
  createdAt: Date | null;
  observedAt: Date;
};

const count = z.number().int().nullish();
const workloadSchema = z.object({
  metadata: z.object({
    name: z.string().min(1),
    namespace: z.string().min(1),
    uid: z.string().min(1),
    generation: count,
    annotations: z.record(z.string(), z.string()).nullish(),
    creationTimestamp: z.unknown().optional(),
    managedFields: z.unknown().optional(),
  }),
  spec: z.object({
    replicas: count,
    template: z.object({
      metadata: z.object({ annotations: z.record(z.string(), z.string()).nullish(), labels: z.record(z.string(), z.string()).nullish() }).nullish(),
      spec: z.object({ containers: z.array(z.looseObject({ name: z.string() })).min(1) }).loose() }),
  }),
  status: z
    .looseObject({
      observedGeneration: count,
      conditions: z.array(z.object({ lastUpdateTime: z.unknown().optional(), lastTransitionTime: z.unknown() })).nullish(),
    })
    .nullish(),
});

type Status = Record<string, unknown> | null | undefined;
const n = (status: Status, key: string) => (typeof status?.[key] === "number" ? (status[key] as number) : 0);

// Where each kind keeps "how many should run" and "how many serve": DaemonSets count scheduled nodes.
function countsFor(kind: WorkloadKind, replicas: number | null, status: Status): WorkloadCounts {
  if (kind === "DaemonSet") {
    return {
      desired: n(status, "desiredNumberScheduled"),
      available: n(status, "numberAvailable"),
      ready: n(status, "numberReady"),
      updated: n(status, "updatedNumberScheduled"),
    };
  }
  return { desired: replicas ?? 1, available: n(status, "availableReplicas"), ready: n(status, "readyReplicas"), updated: n(status, "updatedReplicas") };
}

function revisionFor(kind: WorkloadKind, annotations: Record<string, string> | null | undefined, status: Status): string | null {
  if (kind === "Deployment") return annotations?.["deployment.kubernetes.io/revision"] ?? null;
  if (kind === "StatefulSet" && typeof status?.updateRevision === "string") return status.updateRevision;
  return null;
}

export function mapWorkload(kind: WorkloadKind, obj: unknown, fallbackTime: Date): Mapped<WorkloadRow> {
  const parsed = workloadSchema.safeParse(obj);
  if (!parsed.success) return skipped(`${kind} ${nameOf(obj)}: ${describeIssues(parsed.error)}`);
  const w = parsed.data;
  const replicas = kind === "DaemonSet" ? null : (w.spec.replicas ?? 1);
  const template = normalizeTemplate(w.spec.template.spec as Parameters<typeof normalizeTemplate>[0], replicas, w.spec.template.metadata?.annotations);
  const status = w.status as Status;
  const clues = (w.status?.conditions ?? []).flatMap((c) => [c.lastUpdateTime, c.lastTransitionTime]);
  return mapped({
    kind,
    uid: w.metadata.uid,
    namespace: w.metadata.namespace,
    name: w.metadata.name,
    counts: countsFor(kind, replicas, status),
    generation: w.metadata.generation ?? 0,
    observedGeneration: w.status?.observedGeneration ?? 0,
    revision: revisionFor(kind, w.metadata.annotations, status),
    manager: specManager(w.metadata.managedFields),
    template,
    templateHash: templateHash(template),
    specFacts: specFacts(w.spec.template.spec as Parameters<typeof specFacts>[0], w.spec.template.metadata?.labels),
    createdAt: toDate(w.metadata.creationTimestamp) ?? null,
    observedAt: observedAt(obj, fallbackTime, clues),
  });
}

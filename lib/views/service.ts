// What the service page (/services/CLUSTER/NAMESPACE/KIND/NAME) and its API serve: one workload's history
// on one time axis, and what Uptrust knows about it. Times are ISO 8601 UTC strings.

import type { GuardrailFindingRow } from "./guardrails.ts";
import type { RecommendationRow } from "./recommendation.ts";
import type { SloCardData } from "./slo.ts";
import type { TrackedKind } from "@/lib/domain/service-ref.ts";

export type ServiceRef = { cluster: string; namespace: string; kind: TrackedKind; name: string };

/** Something that happened to the workload, placed on the axis at `at` (and lasting to `until`, if it spans). */
export type ServiceMark =
  | {
      kind: "change";
      id: string;
      at: string;
      title: string;
      /** template | configmap | secret: what changed (the pod template, or a ConfigMap/Secret the pods read). */
      changeKind: string;
      revision: string | null;
      /** The field manager that wrote it (kubectl-client-side-apply, helm, argocd-controller…), when known. */
      manager: string | null;
      before: unknown;
      after: unknown;
    }
  | { kind: "event"; id: string; at: string; until: string; title: string; reason: string; type: string; object: string; count: number }
  | { kind: "restart"; id: string; at: string; until: string; title: string; reason: string }
  | { kind: "incident"; id: string; at: string; until: string | null; title: string; severity: string; status: string };

export type ServiceMarkKind = ServiceMark["kind"];

/** Replica counts as the workload reported them, each holding until the next. */
export type ReplicaPoint = { at: string; desired: number; ready: number; available: number };

/** One SLO's burn rate per bucket of the axis (null: nothing measured in that bucket). */
export type BurnSeries = { sloId: string; name: string; target: number; points: { at: string; burn: number | null }[] };

export type ServiceAxis = {
  from: string;
  to: string;
  /** The width of one burn bucket, chosen so the visible range holds at most a couple of hundred. */
  bucketMs: number;
  marks: ServiceMark[];
  replicas: ReplicaPoint[];
  burn: BurnSeries[];
  /** Marks of a kind left out because the range held more than the axis can draw; zoom in to see them. */
  omitted: { kind: ServiceMarkKind; count: number }[];
};

export type ServiceWorkload = {
  id: string;
  desired: number;
  ready: number;
  available: number;
  revision: string | null;
  images: { container: string; image: string }[];
  deleted: boolean;
};

export type ServicePage =
  | {
      kind: "found";
      ref: ServiceRef;
      /** The cluster's own newest time: what "now" means on the axis. */
      asOf: string;
      workload: ServiceWorkload;
      axis: ServiceAxis;
      slos: SloCardData[];
      recommendations: RecommendationRow[];
      findings: GuardrailFindingRow[];
    }
  | { kind: "missing"; ref: ServiceRef; sentence: string }
  | { kind: "untracked-kind"; given: string; tracked: readonly TrackedKind[]; sentence: string };

export type ServiceLogLine = { ts: string; level: string | null; message: string };

/** Log lines of one container of one pod around a chosen moment, oldest first. */
export type ServiceLogStream = { pod: string; container: string; lines: ServiceLogLine[]; omitted: number; errors: number };

export type ServiceLogs = { at: string; from: string; to: string; streams: ServiceLogStream[] };

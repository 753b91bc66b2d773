import { lookupKind, TRACKED_KINDS, unseenWorkloadSentence, type TrackedKind } from "@/lib/domain/service-ref.ts";
import type { ServiceRef } from "@/lib/views/service.ts";
import { getServiceWorkload, type ServiceWorkloadRow } from "./get-service-workload.ts";

export type ServiceNames = { cluster: string; namespace: string; kind: string; name: string };

export type ServiceTarget =
  | { kind: "found"; ref: ServiceRef; workload: ServiceWorkloadRow; now: number }
  | { kind: "missing"; ref: ServiceRef; sentence: string }
  | { kind: "untracked-kind"; given: string; tracked: readonly TrackedKind[]; sentence: string };

// The workload a service URL names, or why there is none: a kind Uptrust does not track, or a workload it
// never saw. "now" is the cluster's newest report (the server's clock until the cluster reported).
export async function getServiceTarget(names: ServiceNames, serverNow: Date = new Date()): Promise<ServiceTarget> {
  const kind = lookupKind(names.kind);
  if (kind.kind === "untracked") return { kind: "untracked-kind", given: kind.given, tracked: TRACKED_KINDS, sentence: kind.sentence };
  const ref: ServiceRef = { cluster: names.cluster, namespace: names.namespace, kind: kind.value, name: names.name };
  const workload = await getServiceWorkload(ref);
  if (!workload) {
    return { kind: "missing", ref, sentence: unseenWorkloadSentence(ref) };
  }
  return { kind: "found", ref, workload, now: (workload.clusterTime ?? serverNow).getTime() };
}

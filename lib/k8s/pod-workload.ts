// Which workload a pod belongs to, so usage and restarts roll up to what the user deploys.
// Deployments own pods through a ReplicaSet named `<deployment>-<pod-template-hash>`; Uptrust strips the
// hash it reads from the pod's own label instead of guessing at the suffix's shape.

export type WorkloadKind = "Deployment" | "StatefulSet" | "DaemonSet" | "Job" | "CronJob";
export type WorkloadRef = { kind: WorkloadKind; name: string };

type OwnerRef = { kind?: unknown; name?: unknown; controller?: unknown };
type PodLike = { metadata?: { labels?: Record<string, unknown> | null; ownerReferences?: unknown } | null };

const DIRECT: ReadonlySet<string> = new Set(["StatefulSet", "DaemonSet", "Job"]);

export function podWorkload(pod: unknown): WorkloadRef | undefined {
  const meta = (pod as PodLike | null | undefined)?.metadata;
  const owners: OwnerRef[] = Array.isArray(meta?.ownerReferences) ? meta.ownerReferences : [];
  const owner = owners.find((o) => o?.controller === true) ?? owners[0];
  if (typeof owner?.kind !== "string" || typeof owner.name !== "string" || !owner.name) return undefined;
  if (DIRECT.has(owner.kind)) return { kind: owner.kind as WorkloadKind, name: owner.name };
  if (owner.kind !== "ReplicaSet") return undefined;
  const hash = meta?.labels?.["pod-template-hash"];
  // A ReplicaSet created by hand (no template hash) is its own workload; Uptrust has no row kind for it.
  if (typeof hash !== "string" || !hash || !owner.name.endsWith(`-${hash}`)) return undefined;
  return { kind: "Deployment", name: owner.name.slice(0, -(hash.length + 1)) };
}

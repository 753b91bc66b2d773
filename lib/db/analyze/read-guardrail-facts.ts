import { getPool } from "@/lib/db/pool.ts";
import type { LabelSelector } from "@/lib/domain/label-selector.ts";
import type { RbacBinding, RbacRole } from "@/lib/domain/guardrails.ts";
import type { SpecFacts } from "@/lib/k8s/workload-spec-facts.ts";

// Everything one guardrail check of a cluster reads: live workloads with their spec facts, the
// selectors of its PodDisruptionBudgets and NetworkPolicies, and its RBAC objects.

export type GuardrailWorkload = { id: string; kind: string; namespace: string; name: string; replicas: number | null; facts: SpecFacts };
export type Selecting = { namespace: string; selector: LabelSelector };
export type GuardrailFacts = { workloads: GuardrailWorkload[]; pdbs: Selecting[]; networkPolicies: Selecting[]; bindings: RbacBinding[]; roles: RbacRole[] };

type Obj = { kind: string; namespace: string; name: string; spec: Record<string, unknown> };

export async function readGuardrailFacts(clusterId: string): Promise<GuardrailFacts> {
  const pool = getPool();
  const workloads = await pool.query<{ id: string; kind: string; namespace: string; name: string; replicas: number | null; facts: SpecFacts }>(
    `SELECT id, kind::text AS kind, namespace, name, (template->>'replicas')::int AS replicas, spec_facts AS facts
       FROM workloads WHERE cluster_id = $1 AND deleted_at IS NULL AND spec_facts ? 'containers'`,
    [clusterId],
  );
  const objects = (
    await pool.query<Obj>(
      `SELECT kind, namespace, name, spec FROM kube_objects
        WHERE cluster_id = $1 AND deleted_at IS NULL
          AND kind IN ('PodDisruptionBudget', 'NetworkPolicy', 'RoleBinding', 'ClusterRoleBinding', 'Role', 'ClusterRole')`,
      [clusterId],
    )
  ).rows;
  const of = (kind: string) => objects.filter((o) => o.kind === kind);
  return {
    workloads: workloads.rows,
    pdbs: of("PodDisruptionBudget").map((o) => ({ namespace: o.namespace, selector: o.spec.selector as LabelSelector })),
    networkPolicies: of("NetworkPolicy").map((o) => ({ namespace: o.namespace, selector: o.spec.podSelector as LabelSelector })),
    bindings: [...of("RoleBinding"), ...of("ClusterRoleBinding")].map((o) => ({
      kind: o.kind as RbacBinding["kind"],
      namespace: o.namespace,
      name: o.name,
      roleRef: String((o.spec.roleRef as { name?: unknown } | undefined)?.name ?? ""),
      subjects: (o.spec.subjects as RbacBinding["subjects"] | undefined) ?? [],
    })),
    roles: [...of("Role"), ...of("ClusterRole")].map((o) => ({ kind: o.kind as RbacRole["kind"], namespace: o.namespace, name: o.name, rules: (o.spec.rules as RbacRole["rules"] | undefined) ?? [] })),
  };
}

import { readGuardrailFacts } from "@/lib/db/analyze/read-guardrail-facts.ts";
import { saveGuardrails, type FindingRow, type ScoreRow } from "@/lib/db/analyze/save-guardrails.ts";
import { guardrailScore, rbacChecks, workloadChecks, type CheckResult } from "@/lib/domain/guardrails.ts";
import { selects } from "@/lib/domain/label-selector.ts";
import type { ClusterRef } from "./types.ts";

// The guardrail checks over a cluster's live objects: every workload's pod template (with the PDBs
// and NetworkPolicies that select its pods) and its RBAC. Scores per namespace and for the cluster.

export async function checkGuardrails(cluster: ClusterRef, now: Date): Promise<string> {
  const facts = await readGuardrailFacts(cluster.id);
  const byNamespace = new Map<string, CheckResult[]>();
  const findings: FindingRow[] = [];
  const add = (namespace: string, workloadId: string | null, results: CheckResult[]) => {
    byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), ...results]);
    for (const r of results) if (!r.passed) findings.push({ workloadId, namespace, target: r.target, check: r.check, severity: r.severity, message: r.message });
  };
  for (const w of facts.workloads) {
    const labels = w.facts.labels ?? {};
    const inNs = <T extends { namespace: string }>(xs: T[]) => xs.filter((x) => x.namespace === w.namespace);
    const results = workloadChecks({
      kind: w.kind,
      namespace: w.namespace,
      name: w.name,
      replicas: w.kind === "DaemonSet" ? null : w.replicas,
      hostNetwork: w.facts.hostNetwork,
      hostPID: w.facts.hostPID,
      hostIPC: w.facts.hostIPC,
      containers: w.facts.containers,
      hasPdb: inNs(facts.pdbs).some((p) => selects(p.selector, labels)),
      hasNetworkPolicy: inNs(facts.networkPolicies).some((p) => selects(p.selector, labels)),
    });
    add(w.namespace, w.id, results);
  }
  for (const r of rbacChecks(facts.bindings, facts.roles)) add(r.namespace, null, [r]);
  const all = [...byNamespace.values()].flat();
  const score = (namespace: string, results: CheckResult[]): ScoreRow => ({
    namespace,
    score: guardrailScore(results),
    passed: results.filter((r) => r.passed).length,
    warnings: results.filter((r) => !r.passed && r.severity === "warning").length,
    dangers: results.filter((r) => !r.passed && r.severity === "danger").length,
  });
  const scores = [score("", all), ...[...byNamespace.entries()].filter(([ns]) => ns !== "").map(([ns, rs]) => score(ns, rs))];
  const { added } = await saveGuardrails(cluster.id, findings, scores, now);
  return `score ${scores[0].score}: ${findings.length} findings (${added} new) over ${facts.workloads.length} workloads`;
}

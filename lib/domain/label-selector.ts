// Kubernetes label selectors, as PDBs and NetworkPolicies use them: every matchLabels pair and every
// matchExpressions requirement must hold. An empty selector selects everything (a NetworkPolicy with
// `podSelector: {}` covers its whole namespace); a missing one selects nothing.

export type LabelSelector = {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: { key: string; operator: string; values?: string[] | null }[] | null;
} | null | undefined;

export function selects(selector: LabelSelector, labels: Record<string, string>): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const values = e.values ?? [];
    const ok =
      e.operator === "In" ? has && values.includes(labels[e.key])
      : e.operator === "NotIn" ? !has || !values.includes(labels[e.key])
      : e.operator === "Exists" ? has
      : e.operator === "DoesNotExist" ? !has
      : false; // an operator Kubernetes does not know selects nothing
    if (!ok) return false;
  }
  return true;
}

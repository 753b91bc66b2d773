// Who made a change, from the object's managedFields: the field manager (kubectl, helm, argocd-…) whose
// latest write, not to a subresource, touched the given section ("f:spec" for a workload, "f:data"
// for a ConfigMap). Controllers that only annotate (the deployment controller's revision) or write
// status do not count, so a rollout is credited to whoever asked for it.

type ManagedField = { manager?: unknown; time?: unknown; subresource?: unknown; fieldsV1?: unknown };

export function lastWriter(managedFields: unknown, sections: string[]): string | null {
  if (!Array.isArray(managedFields)) return null;
  let best: { manager: string; time: number } | null = null;
  for (const f of managedFields as ManagedField[]) {
    if (!f || typeof f.manager !== "string" || f.subresource) continue;
    const fields = f.fieldsV1 && typeof f.fieldsV1 === "object" ? (f.fieldsV1 as Record<string, unknown>) : {};
    if (!sections.some((s) => s in fields)) continue;
    const parsed = typeof f.time === "string" ? Date.parse(f.time) : NaN;
    const time = Number.isNaN(parsed) ? -Infinity : parsed;
    if (!best || time >= best.time) best = { manager: f.manager, time };
  }
  return best?.manager ?? null;
}

export const specManager = (managedFields: unknown) => lastWriter(managedFields, ["f:spec"]);

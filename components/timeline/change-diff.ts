// A change entry stores the pod template before and after; responders want only what differs,
// written as "field: old → new" (e.g. containers.api.image: shop/api:1.4.2 → shop/api:1.5.0).

export type FieldChange = { field: string; before: string; after: string };


const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function show(v: unknown): string {
  if (v === undefined) return "(none)";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

// Arrays of named things (containers, env) are keyed by name so reordering is not a change.
function keyed(v: unknown): unknown {
  if (Array.isArray(v) && v.length > 0 && v.every((x) => isObject(x) && typeof x.name === "string")) {
    return Object.fromEntries(v.map((x) => [(x as { name: string }).name, x]));
  }
  return v;
}

export function changedFields(before: unknown, after: unknown, prefix = ""): FieldChange[] {
  const a = keyed(before);
  const b = keyed(after);
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => changedFields(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  return [{ field: prefix || "value", before: show(before), after: show(after) }];
}

import { toDate } from "./mapped.ts";

// Uptrust never uses its own clock for cluster facts: an emulated or lagging cluster runs on its own time.
// The API server stamps every write in metadata.managedFields[].time, so the newest stamp is the moment
// the object reached its current state. Objects written without managed fields fall back to what the
// caller knows (usually the latest cluster time seen so far).

type WithManagedFields = { metadata?: { managedFields?: unknown } | null };

function managedFieldTimes(obj: unknown): unknown[] {
  const fields = (obj as WithManagedFields | null | undefined)?.metadata?.managedFields;
  return Array.isArray(fields) ? fields.map((f: { time?: unknown } | null) => f?.time) : [];
}

export function observedAt(obj: unknown, fallback: Date, extra: unknown[] = []): Date {
  let latest: Date | undefined;
  const candidates = [...managedFieldTimes(obj), ...extra];
  for (const c of candidates) {
    const d = toDate(c);
    if (d && (!latest || d > latest)) latest = d;
  }
  return latest ?? fallback;
}

// A service page names one workload by cluster, namespace, kind and name, as kubectl does. Uptrust stores
// history for the workload kinds that own pods (the WorkloadKind enum of prisma/schema.prisma); any other
// kind gets a sentence listing these rather than an empty page.

export const TRACKED_KINDS = ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"] as const;
export type TrackedKind = (typeof TRACKED_KINDS)[number];

export type KindLookup = { kind: "tracked"; value: TrackedKind } | { kind: "untracked"; given: string; sentence: string };

/** Accepts a kind as kubectl prints it or in any case ("deployment", "Deployment"). */
export function lookupKind(raw: string): KindLookup {
  const value = TRACKED_KINDS.find((k) => k.toLowerCase() === raw.toLowerCase());
  if (value) return { kind: "tracked", value };
  return {
    kind: "untracked",
    given: raw,
    sentence: `Uptrust keeps the history of ${TRACKED_KINDS.join(", ")} workloads; "${raw}" is not one of these kinds.`,
  };
}

export type ServiceName = { cluster: string; namespace: string; kind: string; name: string };

/** The service page of a workload; every part is URL-encoded, so any Kubernetes name round-trips. */
export function servicePath(w: ServiceName): string {
  return `/services/${[w.cluster, w.namespace, w.kind, w.name].map(encodeURIComponent).join("/")}`;
}

/** A path segment as the router hands it over, decoded once (a segment that is not valid encoding is kept as is). */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The API route that serves the same page's axis and logs. */
export function serviceApiPath(w: ServiceName): string {
  return `/api${servicePath(w)}`;
}

export function serviceLabel(w: ServiceName): string {
  return `${w.kind} ${w.namespace}/${w.name} in ${w.cluster}`;
}

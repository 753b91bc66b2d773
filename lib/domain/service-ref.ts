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

export const unseenWorkloadSentence = (w: ServiceName) =>
  `Uptrust has not seen a ${w.kind} named ${w.name} in namespace ${w.namespace} of cluster ${w.cluster}.`;

// Why a service page has no workload to show, from its address alone: the kind is not one Uptrust keeps, or
// (the kind being one it keeps) it never saw that workload. The page answers 404 with this.
export function serviceNotFound(names: ServiceName): { title: string; sentence: string } {
  const kind = lookupKind(names.kind);
  if (kind.kind === "untracked") return { title: "Not a kind Uptrust tracks", sentence: kind.sentence };
  return { title: "No such workload", sentence: unseenWorkloadSentence({ ...names, kind: kind.value }) };
}

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

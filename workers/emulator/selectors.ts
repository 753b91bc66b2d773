import type { KObj, Resource, Store } from "./store.ts";

/** Which stored objects a list or a watch is about: one resource, maybe one namespace, those the selectors match. */
export type Scope = { store: Store; resource: Resource; kind: string; apiVersion: string; namespace?: string; match: Matcher };

export type Matcher = (object: KObj) => boolean;
export class SelectorError extends Error {}

type Requirement = { key: string; op: "=" | "!=" | "in" | "notin" | "exists" | "!exists"; values: string[] };

const NAME = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

/** Splits on commas that are not inside an `in (...)` set. */
function splitTerms(selector: string) {
  const terms: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of selector) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      terms.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (depth !== 0) throw new SelectorError(`unbalanced parentheses in "${selector}"`);
  if (current.trim()) terms.push(current.trim());
  return terms;
}

function parseTerm(term: string): Requirement {
  let m = term.match(/^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/);
  if (m) {
    const values = m[3].split(",").map((v) => v.trim());
    if (values.some((v) => !VALUE.test(v))) throw new SelectorError(`invalid value in "${term}"`);
    return checkKey({ key: m[1], op: m[2] as "in" | "notin", values });
  }
  m = term.match(/^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/);
  if (m) {
    if (!VALUE.test(m[3])) throw new SelectorError(`invalid label value: "${m[3]}"`);
    return checkKey({ key: m[1], op: m[2] === "!=" ? "!=" : "=", values: [m[3]] });
  }
  m = term.match(/^(!?)([^=!\s()]+)$/);
  if (m) return checkKey({ key: m[2], op: m[1] ? "!exists" : "exists", values: [] });
  throw new SelectorError(`unable to parse requirement: "${term}"`);
}

function checkKey(r: Requirement) {
  if (!NAME.test(r.key)) throw new SelectorError(`invalid label key "${r.key}"`);
  return r;
}

function matches(r: Requirement, value: string | undefined) {
  switch (r.op) {
    case "=":
      return value === r.values[0];
    case "!=":
      return value !== r.values[0];
    case "in":
      return value !== undefined && r.values.includes(value);
    case "notin":
      return value === undefined || !r.values.includes(value);
    case "exists":
      return value !== undefined;
    case "!exists":
      return value === undefined;
  }
}

export function parseLabelSelector(selector: string | null): Matcher {
  if (!selector?.trim()) return () => true;
  const reqs = splitTerms(selector).map(parseTerm);
  return (o) => reqs.every((r) => matches(r, o.metadata.labels?.[r.key]));
}

type Field = (o: KObj) => string | undefined;
const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const involved = (key: string): Field => (o) => str((o.involvedObject ?? o.regarding)?.[key]);

const META: Record<string, Field> = {
  "metadata.name": (o) => o.metadata.name,
  "metadata.namespace": (o) => o.metadata.namespace ?? "",
};
const EVENT: Record<string, Field> = {
  ...Object.fromEntries(["kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"].flatMap((k) => [[`involvedObject.${k}`, involved(k)], [`regarding.${k}`, involved(k)]])),
  reason: (o) => str(o.reason),
  type: (o) => str(o.type),
  source: (o) => str(o.source?.component ?? o.deprecatedSource?.component),
  reportingComponent: (o) => str(o.reportingComponent ?? o.reportingController),
  reportingController: (o) => str(o.reportingComponent ?? o.reportingController),
};

// The field labels each kind's registry accepts on a real API server; kinds absent here take only metadata.name/namespace.
const FIELDS: Record<string, Record<string, Field>> = {
  pods: {
    "spec.nodeName": (o) => str(o.spec?.nodeName),
    "spec.restartPolicy": (o) => str(o.spec?.restartPolicy),
    "spec.schedulerName": (o) => str(o.spec?.schedulerName),
    "spec.serviceAccountName": (o) => str(o.spec?.serviceAccountName),
    "spec.hostNetwork": (o) => String(o.spec?.hostNetwork === true),
    "status.phase": (o) => str(o.status?.phase),
    "status.podIP": (o) => str(o.status?.podIP),
    "status.nominatedNodeName": (o) => str(o.status?.nominatedNodeName),
  },
  nodes: { "spec.unschedulable": (o) => String(o.spec?.unschedulable === true) },
  namespaces: { "status.phase": (o) => str(o.status?.phase) },
  secrets: { type: (o) => str(o.type) },
  events: EVENT,
  replicasets: { "status.replicas": (o) => str(o.status?.replicas ?? 0) },
  jobs: { "status.successful": (o) => str(o.status?.succeeded ?? 0) },
  services: {},
};

/** Field selectors only support equality on the fields each kind declares, as on a real API server. */
export function parseFieldSelector(selector: string | null, resource = "pods"): Matcher {
  if (!selector?.trim()) return () => true;
  const own = FIELDS[resource];
  const reqs = splitTerms(selector).map((term) => {
    const m = term.match(/^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/);
    if (!m) throw new SelectorError(`invalid selector: '${selector}'; can't understand '${term}'`);
    const get = (META as Partial<Record<string, Field>>)[m[1]] ?? (own as Partial<Record<string, Field>> | undefined)?.[m[1]];
    if (get) return { get, negate: m[2] === "!=", value: m[3] };
    throw new SelectorError(own ? `field label not supported: ${m[1]}` : `"${m[1]}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
  });
  return (o) => reqs.every((r) => (r.get(o) === r.value) !== r.negate);
}

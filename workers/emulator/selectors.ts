import type { KObj } from "./store.ts";

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

const FIELDS: Record<string, (o: KObj) => string | undefined> = {
  "metadata.name": (o) => o.metadata.name,
  "metadata.namespace": (o) => o.metadata.namespace ?? "",
  "spec.nodeName": (o) => o.spec?.nodeName ?? "",
  "status.phase": (o) => o.status?.phase ?? "",
  "involvedObject.name": (o) => o.involvedObject?.name,
  "involvedObject.kind": (o) => o.involvedObject?.kind,
  "involvedObject.namespace": (o) => o.involvedObject?.namespace,
  "involvedObject.uid": (o) => o.involvedObject?.uid,
  reason: (o) => o.reason,
  type: (o) => o.type,
};

/** Field selectors only support equality on a fixed set of fields, as on a real API server. */
export function parseFieldSelector(selector: string | null): Matcher {
  if (!selector?.trim()) return () => true;
  const reqs = splitTerms(selector).map((term) => {
    const m = term.match(/^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/);
    if (!m) throw new SelectorError(`invalid selector: '${term}'; can't understand '${term}'`);
    const get = FIELDS[m[1]];
    if (!get) throw new SelectorError(`field label not supported: ${m[1]}`);
    return { get, negate: m[2] === "!=", value: m[3] };
  });
  return (o) => reqs.every((r) => (r.get(o) === r.value) !== r.negate);
}

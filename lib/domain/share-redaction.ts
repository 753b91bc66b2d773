import type { BudgetSpent } from "./postmortem.ts";
import { redactSecrets } from "./redact.ts";
import { findNames, NO_KNOWN_NAMES, type FoundNames, type KnownNames } from "./share-names.ts";
import {
  baseName, CLOUD_NODE, EMAIL, IMAGE_REF, IPV4, isImageRef, IPV6_CANDIDATE, isIpv6, namesPattern, POD_SHAPE, REPLICA_SET_SHAPE,
} from "./share-patterns.ts";
import { toSharedIncident, type IncidentFacts, type SharedIncident, type ShareView } from "./shared-incident.ts";
import { Tally, type Removal } from "./share-tally.ts";

export type { Removal, RemovalKind } from "./share-tally.ts";
export type ShareRedaction = { incident: SharedIncident; removed: Removal[] };

// An external share goes to people outside the cluster's team (a manager, a vendor): it keeps what
// happened, when and why, and drops what would map the cluster or quote its data. Pods and ReplicaSets
// become their workload ("checkout pod"), nodes a number ("node 2", by name order so a node keeps its
// number), addresses "[ip]", e-mail addresses "[email]", images lose their registry and path
// ("ghcr.io/acme/checkout:1.4" → "checkout:1.4") and log lines are removed. Every string of the view is
// rewritten, keys included, so a name in a sentence, a diff or an evidence line goes as well.

export const LOG_REMOVED = "log excerpt removed";
const SHORTEST_QUOTED_LOG = 12;

/** `known`: the cluster's node names and the workload's pod names, found even where nothing says what they are. */
export function shareView(
  detail: IncidentFacts,
  budgets: readonly BudgetSpent[],
  view: ShareView,
  known: KnownNames = NO_KNOWN_NAMES,
): ShareRedaction {
  const internal = toSharedIncident(detail, budgets);
  return view === "internal" ? { incident: internal, removed: [] } : redactExternal(internal, known);
}

export function redactExternal(internal: SharedIncident, known: KnownNames = NO_KNOWN_NAMES): ShareRedaction {
  const tally = new Tally();
  const names = findNames(internal, known);
  const { view: withoutLogs, quoted } = removeLogExcerpts(internal, tally);
  const rewrite = rewriter(names, quoted, tally);
  const incident = mapStrings(withoutLogs, rewrite);
  return { incident: { ...incident, view: "external" }, removed: tally.list() };
}

// Log lines are the cluster's data, not Uptrust's reading of it: a log entry keeps its time, container and
// level; an evidence sentence keeps Uptrust's words before its quoted example (", e.g. pod: line").
function removeLogExcerpts(view: SharedIncident, tally: Tally): { view: SharedIncident; quoted: string[] } {
  const quoted: string[] = [];
  const timeline = view.timeline.map((e) => {
    if (e.kind !== "log") return e;
    quoted.push(...e.title.split("\n"));
    tally.add("log", e.title, LOG_REMOVED, e.id);
    return { ...e, title: LOG_REMOVED };
  });
  const causes = view.causes.map((c) => ({
    ...c,
    evidence: c.evidence.map((ev, n) => {
      if (ev.source !== "log") return ev;
      const example = /^(.*?, e\.g\. )(?:[^:\s]+: )?([\s\S]*)$/.exec(ev.text);
      quoted.push(...(example ? example[2] : ev.text).split("\n"));
      tally.add("log", ev.text, LOG_REMOVED, `${c.kind}:${n}`);
      return { ...ev, text: example ? `${example[1]}${LOG_REMOVED}` : LOG_REMOVED };
    }),
  }));
  return { view: { ...view, timeline, causes }, quoted: quoted.map((l) => l.trim()).filter((l) => l.length >= SHORTEST_QUOTED_LOG) };
}

// A value that is only a time or an id carries nothing to remove (and walking it costs the long views).
const PLAIN = /^(?:\d{4}-\d\d-\d\dT[\d:.]+Z|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

function rewriter(found: FoundNames, quoted: string[], tally: Tally): (text: string, isKey: boolean) => string {
  const nodeNumbers = new Map([...found.nodes].sort().map((n, i) => [n, `node ${i + 1}`]));
  const nodeOf = (name: string) => {
    if (!nodeNumbers.has(name)) nodeNumbers.set(name, `node ${nodeNumbers.size + 1}`);
    return nodeNumbers.get(name)!;
  };
  const generalise = (name: string): string => {
    if (nodeNumbers.has(name)) return tally.add("node", name, nodeOf(name));
    if (found.replicaSets.has(name)) return tally.add("replica-set", name, `${baseName(name)} replica set`);
    return tally.add("pod", name, `${baseName(name)} pod`);
  };
  const known = namesPattern([...found.pods, ...found.replicaSets, ...found.nodes]);
  const quotedLines = [...new Set(quoted)].sort((a, b) => b.length - a.length);
  return (text, isKey) => {
    if (PLAIN.test(text)) return text;
    let out = text;
    for (const line of quotedLines) if (out.includes(line)) out = out.split(line).join(tally.add("log", line, `[${LOG_REMOVED}]`));
    const unsecret = redactSecrets(out);
    // The value itself is never shown back, not even to the person sharing.
    if (unsecret !== out) tally.add("secret", "a value that looked like a credential", "[REDACTED …]", out);
    out = unsecret
      .replace(IMAGE_REF, (ref: string, registry: string, path: string, name: string, tag?: string, digest?: string) => {
        if (!isImageRef({ path, tag, digest, whole: !isKey && ref === unsecret })) return ref;
        return tally.add("registry", ref, `${name}${tag ?? ""}`, registry);
      })
      .replace(EMAIL, (email) => tally.add("email", email, "[email]"));
    if (known) out = out.replace(known, (_whole, name: string) => generalise(name));
    return out
      .replace(POD_SHAPE, (pod) => tally.add("pod", pod, `${baseName(pod.replace(/_.*$/, ""))} pod`))
      .replace(REPLICA_SET_SHAPE, (rs) => tally.add("replica-set", rs, `${baseName(rs)} replica set`))
      .replace(CLOUD_NODE, (node) => tally.add("node", node, nodeOf(node)))
      .replace(IPV6_CANDIDATE, (ip) => (isIpv6(ip) ? tally.add("ip", ip, "[ip]") : ip))
      .replace(IPV4, (ip) => tally.add("ip", ip, "[ip]"));
  };
}

/** The same JSON value with every string (object keys too) passed through `f`. */
export function mapStrings<T>(value: T, f: (text: string, isKey: boolean) => string): T {
  if (typeof value === "string") return f(value, false) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [f(k, true), mapStrings(v, f)])) as T;
  }
  return value;
}

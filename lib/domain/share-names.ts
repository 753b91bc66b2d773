import { escapeRegExp, POD_SHAPE, REPLICA_SET_SHAPE } from "./share-patterns.ts";
import type { SharedIncident } from "./shared-incident.ts";

// Which pods, ReplicaSets and nodes an incident names, read from where Kubernetes says what a thing is
// ("Pod/…", "Created pod: …", "assigned ns/pod to node", "Node … status", a log line's pod, a node's
// evidence) in every string of the view. Names found here are replaced wherever they appear, even in
// prose that does not say what they are.

export type FoundNames = { pods: Set<string>; replicaSets: Set<string>; nodes: Set<string> };
/** Names known from the cluster itself (its nodes, the workload's pods), looked for even in free text. */
export type KnownNames = { nodes: readonly string[]; pods: readonly string[] };
export const NO_KNOWN_NAMES: KnownNames = { nodes: [], pods: [] };

const NAME = String.raw`([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)`;
// A word after "node" or "pod" is a name only when it carries a digit, hyphen or dot ("Node is not ready").
const looksGenerated = (name: string) => /[\d.-]/.test(name);

const RULES: { kind: keyof FoundNames; pattern: RegExp; group?: number; strict?: boolean }[] = [
  { kind: "pods", pattern: new RegExp(`\\bPod/${NAME}`, "g") },
  { kind: "nodes", pattern: new RegExp(`\\bNode/${NAME}`, "g") },
  { kind: "replicaSets", pattern: new RegExp(`\\bReplicaSet/${NAME}`, "g") },
  { kind: "pods", pattern: new RegExp(`\\bpods?:?\\s+(?:[a-z0-9-]+/)?${NAME}`, "g"), strict: true },
  { kind: "replicaSets", pattern: new RegExp(`\\breplica ?set:?\\s+${NAME}`, "gi"), strict: true },
  { kind: "pods", pattern: new RegExp(`\\bassigned (?:[a-z0-9-]+/)?${NAME} to ${NAME}`, "g") },
  { kind: "nodes", pattern: new RegExp(`\\bassigned \\S+ to ${NAME}`, "g") },
  { kind: "nodes", pattern: new RegExp(`\\b[Nn]ode:?\\s+${NAME}`, "g"), strict: true },
];

function scan(text: string, found: FoundNames) {
  for (const { kind, pattern, strict } of RULES) {
    for (const m of text.matchAll(pattern)) {
      const name = m[1].replace(/\.$/, "");
      if (!strict || looksGenerated(name)) found[kind].add(name);
    }
  }
}

// The workload's own pods and ReplicaSets follow from its name and kind, whatever sentence holds them.
function workloadRules(workload: SharedIncident["incident"]["workload"]): { kind: keyof FoundNames; pattern: RegExp }[] {
  if (!workload) return [];
  const w = escapeRegExp(workload.name);
  const safe = "[bcdfghjklmnpqrstvwxz2456789]";
  const rules: { kind: keyof FoundNames; pattern: RegExp }[] = [
    { kind: "replicaSets", pattern: new RegExp(`(?<![\\w-])(${w}-${safe}{6,10})(?![\\w-])`, "g") },
  ];
  if (workload.kind === "StatefulSet") rules.push({ kind: "pods", pattern: new RegExp(`(?<![\\w-])(${w}-\\d+)(?![\\w-])`, "g") });
  if (workload.kind === "DaemonSet" || workload.kind === "Job" || workload.kind === "CronJob") {
    rules.push({ kind: "pods", pattern: new RegExp(`(?<![\\w-])(${w}-[a-z0-9]{5})(?![\\w-])`, "g") });
  }
  return rules;
}

// Evidence names what it is about first: a node's evidence its node ("node-b: Node node-b status is now:
// NodeNotReady"), an event's evidence the object the event was on, bare. An event's object that is no
// pod or ReplicaSet of the incident is a node ("node-a: Memory cgroup out of memory: Killed process…").
function evidenceNode(e: { source: string; text: string }, found: FoundNames) {
  if (e.source !== "node" && e.source !== "event") return;
  const name = /^([a-z0-9][a-z0-9.-]*[a-z0-9])[:\s]/.exec(e.text)?.[1];
  if (!name) return;
  const eventOnNode = e.text.startsWith(`${name}: `) && looksGenerated(name) && !isPodOrReplicaSet(name, found);
  if (e.source === "node" || eventOnNode) found.nodes.add(name);
}

const isPodOrReplicaSet = (name: string, found: FoundNames) =>
  found.pods.has(name) || found.replicaSets.has(name) || new RegExp(`^(?:${POD_SHAPE.source}|${REPLICA_SET_SHAPE.source})$`).test(name);

/** Every string of a JSON value, keys included, in document order. */
export function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === "string") yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsOf(v);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      yield k;
      yield* stringsOf(v);
    }
  }
}

export function findNames(view: SharedIncident, known: KnownNames = NO_KNOWN_NAMES): FoundNames {
  const found: FoundNames = { pods: new Set(), replicaSets: new Set(), nodes: new Set() };
  const own = workloadRules(view.incident.workload);
  const texts = [...stringsOf(view)];
  for (const text of texts) {
    scan(text, found);
    for (const { kind, pattern } of own) for (const m of text.matchAll(pattern)) found[kind].add(m[1]);
  }
  // Only the names the view mentions: numbering a node the incident never names would say how many there are.
  const mentioned = (name: string) => texts.some((t) => t.includes(name));
  for (const n of known.nodes) if (mentioned(n)) found.nodes.add(n);
  for (const p of known.pods) if (mentioned(p)) found.pods.add(p);
  for (const entry of view.timeline) if (entry.kind === "log" && entry.detail.pod) found.pods.add(entry.detail.pod);
  for (const c of view.causes) for (const e of c.evidence) evidenceNode(e, found);
  // A name is one thing: a node is never also generalised as a pod.
  for (const n of found.nodes) found.pods.delete(n);
  return found;
}

import { parseMemoryBytes } from "../quantity.ts";
import { asTemplate, type CauseInput, type Evidence, type ProbableCause } from "./types.ts";
import { CHANGE_WINDOW_MS, imageChanges } from "./change-causes.ts";

const MIB = 1024 * 1024;
const SPIKE_BELOW = 0.8;
const mi = (bytes: number) => `${Math.round(bytes / MIB)}Mi`;

// kubelet's pull failures: a Failed event "Failed to pull image …" (with the registry's answer) and the
// BackOff that follows. The image the rollout asked for is named, with the change that asked for it.
export function imagePullCause(input: CauseInput): ProbableCause | null {
  const failed = input.events.find((e) => e.reason === "Failed" && /failed to pull image|errimagepull|imagepullbackoff/i.test(e.message));
  if (!failed && input.reason !== "ImagePullBackOff") return null;
  const evidence: Evidence[] = failed ? [{ source: "event", ts: failed.firstSeen, text: failed.message }] : [];
  const image = failed ? /image "([^"]+)"/.exec(failed.message)?.[1] : undefined;
  const change = input.changes.find((c) => c.observedAt <= input.startedAt + 60_000 && c.observedAt >= input.startedAt - CHANGE_WINDOW_MS && imageChanges(c).some((i) => !image || i.to === image));
  if (change) evidence.unshift({ source: "change", ts: change.observedAt, text: change.summary });
  const title = image ? `The image ${image} cannot be pulled, so new pods never start.` : "New pods cannot pull their image, so they never start.";
  return { kind: "ImagePull", title, score: 0.95, evidence };
}

type MemoryCut = { container: string; from: number; to: number; at: number; summary: string };

function memoryLimitCuts(input: CauseInput): MemoryCut[] {
  const cuts: MemoryCut[] = [];
  for (const c of input.changes) {
    const before = asTemplate(c.before);
    const after = asTemplate(c.after);
    if (c.kind !== "template" || !before || !after || c.observedAt > input.startedAt) continue;
    for (const a of after.containers) {
      const to = parseMemoryBytes(a.limits?.memory);
      const from = parseMemoryBytes(before.containers.find((b) => b.name === a.name)?.limits?.memory);
      if (to !== undefined && from !== undefined && to < from) cuts.push({ container: a.name, from, to, at: c.observedAt, summary: c.summary });
    }
  }
  return cuts;
}

// The kernel killed a container at its memory limit (OOMKilled, exit 137; the node's OOMKilling event
// names the process). Usage climbing to the limit says the workload needs more, or leaks; a limit that
// a change lowered before the kill is the likelier story and is told first.
export function memoryLimitCause(input: CauseInput): ProbableCause | null {
  // A node's OOMKilling event is about one process on it, named in parentheses: only kills of this
  // workload's own containers are its evidence, never a neighbour's on the same node.
  const names = input.limits.map((l) => `(${l.name})`);
  const kills = input.nodeEvents.filter((e) => e.reason === "OOMKilling" && e.firstSeen <= input.endAt && names.some((n) => e.message.includes(n)));
  if (input.reason !== "OOMKilled" && kills.length === 0) return null;
  const evidence: Evidence[] = [];
  const limit = input.limits.find((l) => l.memoryLimitBytes !== null);
  const usage = input.usage.find((u) => u.container === limit?.name) ?? input.usage[0];
  if (limit?.memoryLimitBytes) evidence.push({ source: "metric", ts: null, text: `${limit.name}'s memory limit is ${mi(limit.memoryLimitBytes)}; killed containers exit with code 137 (OOMKilled)` });
  if (usage && usage.memoryMaxBytes > 0) {
    const share = limit?.memoryLimitBytes ? usage.memoryMaxBytes / limit.memoryLimitBytes : null;
    const pct = share === null ? "" : ` (${Math.round(share * 100)}% of the limit)`;
    // The kernel only kills at the limit: a sampled peak far below it means usage shot up between two
    // metrics samples, a spike (a large request, a burst of allocations) rather than a slow leak.
    const spike = share !== null && share < SPIKE_BELOW ? "; it reached the limit between samples, a sudden spike rather than a slow climb" : "";
    evidence.push({ source: "metric", ts: null, text: `sampled memory usage peaked at ${mi(usage.memoryMaxBytes)}${pct}${spike}` });
  }
  for (const k of kills.slice(0, 3)) evidence.push({ source: "event", ts: k.firstSeen, text: `${k.involvedName}: ${k.message}` });
  const cut = memoryLimitCuts(input).at(-1);
  if (cut) {
    evidence.unshift({ source: "change", ts: cut.at, text: cut.summary });
    return { kind: "MemoryLimit", title: `${cut.container} ran out of memory after its limit was lowered from ${mi(cut.from)} to ${mi(cut.to)}.`, score: 0.95, evidence };
  }
  const title = limit?.memoryLimitBytes ? `${limit.name} reached its ${mi(limit.memoryLimitBytes)} memory limit and was OOMKilled.` : "A container reached its memory limit and was OOMKilled.";
  return { kind: "MemoryLimit", title, score: 0.9, evidence };
}

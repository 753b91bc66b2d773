import { stringify } from "yaml";
import { directionsOf, type Direction, type ResourceValues, type Suggested } from "./rightsizing-hold.ts";
import { MIB } from "./rightsizing.ts";

// A suggestion as the `kubectl patch` an SRE would type: a strategic-merge patch of one container's
// resources in the workload's pod template. Containers merge by name, so the other containers and
// every other field are left as they are.

export type PatchTarget = { cluster: string; kind: string; namespace: string; workload: string; container: string };
export type PatchCurrent = ResourceValues & { cpuLimitMillis: number | null };
export type PatchChange = { field: "requests.cpu" | "requests.memory" | "limits.cpu" | "limits.memory"; from: string | null; to: string };
export type ResourcePatch =
  | { ok: true; patch: Record<string, unknown>; json: string; yaml: string; fileName: string; commands: { json: string; yaml: string }; changes: PatchChange[]; leftOut: string[] }
  | { ok: false; reason: string };

// Where each kind keeps its pod template. A Job's template cannot change after creation.
const TEMPLATE_PATH: Record<string, { resource: string; path: string[] }> = {
  Deployment: { resource: "deployment", path: ["spec", "template", "spec"] },
  StatefulSet: { resource: "statefulset", path: ["spec", "template", "spec"] },
  DaemonSet: { resource: "daemonset", path: ["spec", "template", "spec"] },
  CronJob: { resource: "cronjob", path: ["spec", "jobTemplate", "spec", "template", "spec"] },
};

export const cpuQuantity = (millis: number): string => `${Math.round(millis)}m`;
export const memoryQuantity = (bytes: number): string => (bytes % MIB === 0 ? `${bytes / MIB}Mi` : String(Math.round(bytes)));

// Quote for a POSIX shell unless the word is plainly safe (DNS names always are).
export function shellWord(s: string): string {
  return /^[A-Za-z0-9._\/:=@-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}

// While downsizing is held, only the changes that add room are exported; a held decrease stays at
// today's value so the patch can be applied as it is. The CPU limit is raised to the new request when
// it would sit below it (the API refuses request > limit); otherwise limits KRR would drop are kept.
export function buildResourcePatch(target: PatchTarget, current: PatchCurrent, suggested: Suggested, held: boolean): ResourcePatch {
  const where = TEMPLATE_PATH[target.kind];
  if (!where) {
    return { ok: false, reason: `${target.kind} ${target.namespace}/${target.workload} cannot be patched in place: a ${target.kind}'s pod template is fixed once created; change the manifest that creates it` };
  }
  const d = directionsOf(current, suggested);
  const wanted = (dir: Direction) => dir === "raise" || dir === "set" || (dir === "lower" && !held);
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  const changes: PatchChange[] = [];
  const leftOut: string[] = [];
  const consider = (field: PatchChange["field"], dir: Direction, from: string | null, to: string, into: Record<string, string>, key: string) => {
    if (dir === "same") return;
    if (!wanted(dir)) {
      leftOut.push(`${field} stays ${from} (held; suggested ${to})`);
      return;
    }
    into[key] = to;
    changes.push({ field, from, to });
  };
  const q = (v: number | null, f: (n: number) => string) => (v === null ? null : f(v));
  consider("requests.cpu", d.cpuRequest, q(current.cpuRequestMillis, cpuQuantity), cpuQuantity(suggested.cpuRequestMillis), requests, "cpu");
  consider("requests.memory", d.memoryRequest, q(current.memoryRequestBytes, memoryQuantity), memoryQuantity(suggested.memoryRequestBytes), requests, "memory");
  consider("limits.memory", d.memoryLimit, q(current.memoryLimitBytes, memoryQuantity), memoryQuantity(suggested.memoryLimitBytes), limits, "memory");
  if (requests.cpu && current.cpuLimitMillis !== null && suggested.cpuRequestMillis > current.cpuLimitMillis) {
    limits.cpu = requests.cpu;
    changes.push({ field: "limits.cpu", from: cpuQuantity(current.cpuLimitMillis), to: requests.cpu });
  }
  if (changes.length === 0) {
    return { ok: false, reason: leftOut.length ? `nothing to export while downsizing is held: ${leftOut.join("; ")}` : "nothing to change: the container already asks for what Uptrust suggests" };
  }
  const resources: Record<string, Record<string, string>> = {};
  if (Object.keys(requests).length) resources.requests = requests;
  if (Object.keys(limits).length) resources.limits = limits;
  const patch = nest(where.path, { containers: [{ name: target.container, resources }] });
  const json = JSON.stringify(patch);
  const fileName = `${target.namespace}-${target.workload}-${target.container}.patch.yaml`;
  const base = `kubectl --context ${shellWord(target.cluster)} --namespace ${shellWord(target.namespace)} patch ${where.resource} ${shellWord(target.workload)} --type strategic`;
  return {
    ok: true,
    patch,
    json,
    yaml: stringify(patch),
    fileName,
    commands: { json: `${base} --patch ${shellWord(json)}`, yaml: `${base} --patch-file ${shellWord(fileName)}` },
    changes,
    leftOut,
  };
}

function nest(path: readonly string[], leaf: Record<string, unknown>): Record<string, unknown> {
  return path.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), leaf);
}

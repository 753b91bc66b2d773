import type { KObj, Resource } from "./store.ts";

type Column = { name: string; type: "string" | "integer"; format?: "name" | ""; priority?: number };
type Printer = { columns: Column[]; cells(o: KObj, now: number): (string | number)[] };

/** Like apimachinery's duration.HumanDuration, which kubectl shows in AGE and LAST SEEN. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < -1) return "<invalid>";
  if (s < 0) return "0s";
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  if (h < 192) return h % 24 === 0 ? `${Math.floor(h / 24)}d` : `${Math.floor(h / 24)}d${h % 24}h`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24)}d`;
  return `${Math.floor(h / 24 / 365)}y`;
}

const since = (ts: string | undefined, now: number) => (ts ? humanDuration(now - Date.parse(ts)) : "<unknown>");
const col = (name: string, priority = 0, type: Column["type"] = "string"): Column => ({ name, type, priority, format: name === "Name" ? "name" : "" });
const images = (o: KObj) => o.spec.template.spec.containers.map((c: { image: string }) => c.image).join(",");
const containers = (o: KObj) => o.spec.template.spec.containers.map((c: { name: string }) => c.name).join(",");
const selector = (o: KObj) => Object.entries(o.spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(",");

// Mirrors kubectl's printPod: the STATUS column shows the most telling container reason.
function podStatus(pod: KObj, now: number) {
  let reason: string = pod.status?.reason || pod.status?.phase || "Pending";
  let restarts = 0;
  let ready = 0;
  let lastRestart: string | undefined;
  let hasRunning = false;
  const statuses = pod.status?.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i];
    restarts += c.restartCount ?? 0;
    if (c.lastState?.terminated?.finishedAt) lastRestart = c.lastState.terminated.finishedAt;
    if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state?.terminated) reason = `ExitCode:${c.state.terminated.exitCode}`;
    else if (c.ready && c.state?.running) {
      hasRunning = true;
      ready++;
    }
  }
  if (reason === "Completed" && hasRunning) reason = "Running";
  if (pod.metadata.deletionTimestamp) reason = "Terminating";
  const restartText = lastRestart ? `${restarts} (${since(lastRestart, now)} ago)` : String(restarts);
  return { reason, ready: `${ready}/${pod.spec.containers.length}`, restarts: restartText };
}

const PRINTERS: Record<Resource, Printer> = {
  pods: {
    columns: [col("Name"), col("Ready"), col("Status"), col("Restarts"), col("Age"), col("IP", 1), col("Node", 1), col("Nominated Node", 1), col("Readiness Gates", 1)],
    cells(p, now) {
      const s = podStatus(p, now);
      return [p.metadata.name, s.ready, s.reason, s.restarts, since(p.metadata.creationTimestamp, now), p.status?.podIP ?? "<none>", p.spec.nodeName ?? "<none>", "<none>", "<none>"];
    },
  },
  nodes: {
    columns: [col("Name"), col("Status"), col("Roles"), col("Age"), col("Version"), col("Internal-IP", 1), col("External-IP", 1), col("OS-Image", 1), col("Kernel-Version", 1), col("Container-Runtime", 1)],
    cells(n, now) {
      const ready = n.status.conditions.find((c: { type: string }) => c.type === "Ready")?.status === "True";
      const roles = Object.keys(n.metadata.labels ?? {}).filter((k) => k.startsWith("node-role.kubernetes.io/")).map((k) => k.split("/")[1]);
      const info = n.status.nodeInfo;
      const ip = n.status.addresses.find((a: { type: string }) => a.type === "InternalIP")?.address ?? "<none>";
      return [n.metadata.name, ready ? "Ready" : "NotReady", roles.join(",") || "<none>", since(n.metadata.creationTimestamp, now), info.kubeletVersion, ip, "<none>", info.osImage, info.kernelVersion, info.containerRuntimeVersion];
    },
  },
  deployments: {
    columns: [col("Name"), col("Ready"), col("Up-to-date", 0, "integer"), col("Available", 0, "integer"), col("Age"), col("Containers", 1), col("Images", 1), col("Selector", 1)],
    cells: (d, now) => [d.metadata.name, `${d.status?.readyReplicas ?? 0}/${d.spec.replicas}`, d.status?.updatedReplicas ?? 0, d.status?.availableReplicas ?? 0, since(d.metadata.creationTimestamp, now), containers(d), images(d), selector(d)],
  },
  replicasets: {
    columns: [col("Name"), col("Desired", 0, "integer"), col("Current", 0, "integer"), col("Ready", 0, "integer"), col("Age"), col("Containers", 1), col("Images", 1), col("Selector", 1)],
    cells: (r, now) => [r.metadata.name, r.spec.replicas, r.status?.replicas ?? 0, r.status?.readyReplicas ?? 0, since(r.metadata.creationTimestamp, now), containers(r), images(r), selector(r)],
  },
  events: {
    columns: [col("Last Seen"), col("Type"), col("Reason"), col("Object"), col("Subobject", 1), col("Source", 1), col("Message"), col("First Seen", 1), col("Count", 1, "integer"), col("Name", 1)],
    cells: (e, now) => [
      since(e.lastTimestamp, now),
      e.type,
      e.reason,
      `${String(e.involvedObject.kind).toLowerCase()}/${e.involvedObject.name}`,
      e.involvedObject.fieldPath ?? "",
      [e.source?.component, e.source?.host].filter(Boolean).join(", "),
      e.message,
      since(e.firstTimestamp, now),
      e.count ?? 1,
      e.metadata.name,
    ],
  },
  namespaces: {
    columns: [col("Name"), col("Status"), col("Age")],
    cells: (n, now) => [n.metadata.name, n.status?.phase ?? "Active", since(n.metadata.creationTimestamp, now)],
  },
};

export type IncludeObject = "None" | "Metadata" | "Object";

const partial = (o: KObj) => ({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata });

export function toTable(resource: Resource, objects: KObj[], now: number, include: IncludeObject, listMeta: Record<string, unknown> = {}) {
  const printer = PRINTERS[resource];
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: listMeta,
    columnDefinitions: printer.columns.map((c) => ({ name: c.name === "Last Seen" ? "Last Seen" : c.name, type: c.type, format: c.format ?? "", description: "", priority: c.priority ?? 0 })),
    rows: objects.map((o) => ({
      cells: printer.cells(o, now),
      object: include === "Object" ? o : include === "None" ? undefined : partial(o),
    })),
  };
}

/** kubectl asks for a Table through the Accept header (as=Table;g=meta.k8s.io;v=v1). */
export const wantsTable = (accept: string | undefined) => !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);

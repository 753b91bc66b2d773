import { EXTRA_PRINTERS } from "./kinds-columns.ts";
import type { KObj, Resource } from "./store.ts";
import { col, containers, formatSelector, images, since, type Printer } from "./table-format.ts";

const selector = (o: KObj) => formatSelector(o.spec.selector);

// Mirrors kubectl's printPod: the STATUS column shows the most telling container reason.
function podStatus(pod: KObj, now: number) {
  let reason: string = pod.status?.reason || pod.status?.phase || "Pending";
  let restarts = 0;
  let ready = 0;
  let lastRestart: string | undefined;
  let hasRunning = false;
  // Init containers first, as kubectl's printPod: the first one not completed names the pod's state.
  const inits = pod.status?.initContainerStatuses ?? [];
  let initializing = false;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    restarts += c.restartCount ?? 0;
    if (c.state?.terminated?.exitCode === 0) continue;
    if (c.state?.terminated) reason = c.state.terminated.reason ? `Init:${c.state.terminated.reason}` : `Init:ExitCode:${c.state.terminated.exitCode}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== "PodInitializing") reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${pod.spec.initContainers?.length ?? inits.length}`;
    initializing = true;
    break;
  }
  const statuses = initializing ? [] : (pod.status?.containerStatuses ?? []);
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

const PRINTERS: Partial<Record<Resource, Printer>> = {
  ...EXTRA_PRINTERS,
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

// kubectl's default for kinds without their own printer.
const DEFAULT_PRINTER: Printer = { columns: [col("Name"), col("Age")], cells: (o, now) => [o.metadata.name, since(o.metadata.creationTimestamp, now)] };

export type IncludeObject = "None" | "Metadata" | "Object";

const partial = (o: KObj) => ({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata });

export function toTable(resource: Resource, objects: KObj[], now: number, include: IncludeObject, listMeta: Record<string, unknown> = {}, present = (o: KObj) => o) {
  const printer = PRINTERS[resource] ?? DEFAULT_PRINTER;
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: listMeta,
    columnDefinitions: printer.columns.map((c) => ({ name: c.name === "Last Seen" ? "Last Seen" : c.name, type: c.type, format: c.format ?? "", description: "", priority: c.priority ?? 0 })),
    rows: objects.map((o) => ({
      cells: printer.cells(o, now),
      object: include === "Object" ? present(o) : include === "None" ? undefined : partial(present(o)),
    })),
  };
}

/** kubectl asks for a Table through the Accept header (as=Table;g=meta.k8s.io;v=v1). */
export const wantsTable = (accept: string | undefined) => !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);

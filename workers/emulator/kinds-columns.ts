import type { KObj, Resource } from "./store.ts";
import { age, col, containers, formatSelector, humanDuration, images, since, type Printer } from "./table-format.ts";

// Server-side printers for the kinds beyond the demo's workloads, with the columns a v1.32 API server
// sends (pkg/printers/internalversion), so `kubectl get` looks the same as on a real cluster.

type Obj = Record<string, unknown>;
const wide = [col("Containers", 1), col("Images", 1), col("Selector", 1)];
const labels = (m: Record<string, string> | undefined) => Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(",") || "<none>";
const hasCondition = (o: KObj, type: string) => (o.status?.conditions ?? []).some((c: Obj) => c.type === type && c.status === "True");

/** A list of at most `max` entries, then "+ N more...", as kubectl's listWithMoreString. */
function withMore(items: string[], max: number, empty: string) {
  if (items.length === 0) return empty;
  const shown = items.slice(0, max).join(",");
  return items.length > max ? `${shown} + ${items.length - max} more...` : shown;
}

const lbAddresses = (o: KObj): string[] => (o.status?.loadBalancer?.ingress ?? []).map((i: Obj) => (i.ip ?? i.hostname) as string).filter(Boolean);

function externalIp(s: KObj) {
  const external: string[] = s.spec.externalIPs ?? [];
  switch (s.spec.type) {
    case "LoadBalancer": {
      const all = [...lbAddresses(s), ...external];
      return all.length ? all.join(",") : "<pending>";
    }
    case "ExternalName":
      return s.spec.externalName;
    default:
      return external.length ? external.join(",") : "<none>";
  }
}

const servicePorts = (s: KObj) =>
  (s.spec.ports ?? []).map((p: Obj) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? "TCP"}` : `${p.port}/${p.protocol ?? "TCP"}`)).join(",") || "<none>";

function jobStatus(j: KObj) {
  if (hasCondition(j, "Complete")) return "Complete";
  if (hasCondition(j, "Failed")) return "Failed";
  if (j.metadata.deletionTimestamp) return "Terminating";
  if (hasCondition(j, "Suspended")) return "Suspended";
  if (hasCondition(j, "FailureTarget")) return "FailureTarget";
  if (hasCondition(j, "SuccessCriteriaMet")) return "SuccessCriteriaMet";
  return "Running";
}

function jobCompletions(j: KObj) {
  const done = j.status?.succeeded ?? 0;
  if (j.spec.completions != null) return `${done}/${j.spec.completions}`;
  const parallelism = j.spec.parallelism ?? 0;
  return parallelism > 1 ? `${done}/1 of ${parallelism}` : `${done}/1`;
}

function jobDuration(j: KObj, now: number) {
  const start = j.status?.startTime;
  if (!start) return "";
  const end = j.status?.completionTime ? Date.parse(j.status.completionTime) : now;
  return humanDuration(end - Date.parse(start));
}

/** HPA TARGETS as v1.32 prints them: "cpu: 45%/80%", "<unknown>" before the first metrics arrive. */
function hpaTargets(h: KObj) {
  const specs: Obj[] = h.spec.metrics ?? [];
  const current: Obj[] = h.status?.currentMetrics ?? [];
  const shown = specs.map((m, i) => {
    if (m.type !== "Resource" && m.type !== "ContainerResource") return `${String(m.type).toLowerCase()}: <unknown>`;
    const spec = (m.resource ?? m.containerResource) as { name: string; target: Obj };
    const cur = ((current[i]?.resource ?? current[i]?.containerResource) as { current?: Obj } | undefined)?.current;
    if (spec.target.averageUtilization != null) {
      const now = cur?.averageUtilization != null ? `${cur.averageUtilization}%` : "<unknown>";
      return `${spec.name}: ${now}/${spec.target.averageUtilization}%`;
    }
    const target = String(spec.target.averageValue ?? spec.target.value);
    return `${spec.name}: ${cur?.averageValue ?? cur?.value ?? "<unknown>"}/${target}`;
  });
  if (!shown.length) return "<none>";
  return shown.length > 2 ? `${shown.slice(0, 2).join(", ")} + ${shown.length - 2} more...` : shown.join(", ");
}

const ingressHosts = (i: KObj) => withMore((i.spec.rules ?? []).map((r: Obj) => r.host).filter(Boolean), 4, "*");

function subjects(b: KObj, kind: string) {
  return (b.subjects ?? [])
    .filter((s: Obj) => s.kind === kind)
    .map((s: Obj) => (kind === "ServiceAccount" ? `${s.namespace ?? ""}/${s.name}` : s.name))
    .join(", ");
}

const rolePrinter: Printer = { columns: [col("Name"), col("Created At", 0, "date")], cells: (r) => [r.metadata.name, r.metadata.creationTimestamp] };
const bindingPrinter: Printer = {
  columns: [col("Name"), col("Role"), col("Age"), col("Users", 1), col("Groups", 1), col("ServiceAccounts", 1)],
  cells: (b, now) => [b.metadata.name, `${b.roleRef.kind}/${b.roleRef.name}`, age(b, now), subjects(b, "User"), subjects(b, "Group"), subjects(b, "ServiceAccount")],
};
const optional = (v: unknown) => (v === undefined || v === null ? "N/A" : String(v));

export const EXTRA_PRINTERS: Partial<Record<Resource, Printer>> = {
  statefulsets: {
    columns: [col("Name"), col("Ready"), col("Age"), col("Containers", 1), col("Images", 1)],
    cells: (s, now) => [s.metadata.name, `${s.status?.readyReplicas ?? 0}/${s.spec.replicas ?? 1}`, age(s, now), containers(s), images(s)],
  },
  daemonsets: {
    columns: [col("Name"), col("Desired", 0, "integer"), col("Current", 0, "integer"), col("Ready", 0, "integer"), col("Up-to-date", 0, "integer"), col("Available", 0, "integer"), col("Node Selector"), col("Age"), ...wide],
    cells: (d, now) => {
      const st = d.status ?? {};
      return [d.metadata.name, st.desiredNumberScheduled ?? 0, st.currentNumberScheduled ?? 0, st.numberReady ?? 0, st.updatedNumberScheduled ?? 0, st.numberAvailable ?? 0, labels(d.spec.template?.spec?.nodeSelector), age(d, now), containers(d), images(d), formatSelector(d.spec.selector)];
    },
  },
  jobs: {
    columns: [col("Name"), col("Status"), col("Completions"), col("Duration"), col("Age"), ...wide],
    cells: (j, now) => [j.metadata.name, jobStatus(j), jobCompletions(j), jobDuration(j, now), age(j, now), containers(j), images(j), formatSelector(j.spec.selector)],
  },
  cronjobs: {
    columns: [col("Name"), col("Schedule"), col("Timezone"), col("Suspend"), col("Active", 0, "integer"), col("Last Schedule"), col("Age"), ...wide],
    cells: (c, now) => [
      c.metadata.name,
      c.spec.schedule,
      c.spec.timeZone ?? "<none>",
      c.spec.suspend ? "True" : "False",
      (c.status?.active ?? []).length,
      c.status?.lastScheduleTime ? since(c.status.lastScheduleTime, now) : "<none>",
      age(c, now),
      containers(c),
      images(c),
      formatSelector(c.spec.jobTemplate?.spec?.selector),
    ],
  },
  services: {
    columns: [col("Name"), col("Type"), col("Cluster-IP"), col("External-IP"), col("Port(s)"), col("Age"), col("Selector", 1)],
    cells: (s, now) => [s.metadata.name, s.spec.type ?? "ClusterIP", s.spec.clusterIP || "<none>", externalIp(s), servicePorts(s), age(s, now), labels(s.spec.selector)],
  },
  endpointslices: {
    columns: [col("Name"), col("AddressType"), col("Ports"), col("Endpoints"), col("Age")],
    cells: (e, now) => [
      e.metadata.name,
      e.addressType,
      withMore((e.ports ?? []).map((p: Obj) => String(p.port ?? p.name ?? "<unset>")), 3, "<unset>"),
      withMore((e.endpoints ?? []).flatMap((x: Obj) => x.addresses as string[]), 3, "<unset>"),
      age(e, now),
    ],
  },
  configmaps: {
    columns: [col("Name"), col("Data", 0, "integer"), col("Age")],
    cells: (c, now) => [c.metadata.name, Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length, age(c, now)],
  },
  secrets: {
    columns: [col("Name"), col("Type"), col("Data", 0, "integer"), col("Age")],
    cells: (s, now) => [s.metadata.name, s.type ?? "Opaque", Object.keys(s.data ?? {}).length, age(s, now)],
  },
  serviceaccounts: {
    columns: [col("Name"), col("Secrets", 0, "integer"), col("Age")],
    cells: (s, now) => [s.metadata.name, (s.secrets ?? []).length, age(s, now)],
  },
  horizontalpodautoscalers: {
    columns: [col("Name"), col("Reference"), col("Targets"), col("MinPods"), col("MaxPods", 0, "integer"), col("Replicas", 0, "integer"), col("Age")],
    cells: (h, now) => [h.metadata.name, `${h.spec.scaleTargetRef.kind}/${h.spec.scaleTargetRef.name}`, hpaTargets(h), h.spec.minReplicas == null ? "<unset>" : String(h.spec.minReplicas), h.spec.maxReplicas, h.status?.currentReplicas ?? 0, age(h, now)],
  },
  poddisruptionbudgets: {
    columns: [col("Name"), col("Min Available"), col("Max Unavailable"), col("Allowed Disruptions", 0, "integer"), col("Age")],
    cells: (p, now) => [p.metadata.name, optional(p.spec.minAvailable), optional(p.spec.maxUnavailable), p.status?.disruptionsAllowed ?? 0, age(p, now)],
  },
  ingresses: {
    columns: [col("Name"), col("Class"), col("Hosts"), col("Address"), col("Ports"), col("Age")],
    cells: (i, now) => [i.metadata.name, i.spec.ingressClassName ?? "<none>", ingressHosts(i), lbAddresses(i).join(","), i.spec.tls?.length ? "80, 443" : "80", age(i, now)],
  },
  networkpolicies: {
    columns: [col("Name"), col("Pod-Selector"), col("Age")],
    cells: (n, now) => [n.metadata.name, formatSelector(n.spec.podSelector), age(n, now)],
  },
  roles: rolePrinter,
  clusterroles: rolePrinter,
  rolebindings: bindingPrinter,
  clusterrolebindings: bindingPrinter,
};

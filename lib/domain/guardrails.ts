// The Polaris / kube-score checks of REFERENCE.md on one workload's live spec, and Polaris's score:
//   score = 2·pass ÷ (2·pass + warning + 2·danger) × 100
// A danger (a container that can take its node) counts twice, as a pass does; a warning (a missing
// probe, request or budget) counts once. Each finding says what to change, never who made it.

export type Severity = "danger" | "warning";
export type CheckResult = { check: string; severity: Severity; passed: boolean; target: string; message: string };

export type ContainerSpec = {
  name: string;
  image: string;
  privileged: boolean;
  allowPrivilegeEscalation: boolean | null; // null: not set, which Kubernetes treats as allowed
  runAsNonRoot: boolean | null; // effective: container setting, else the pod's
  runAsUser: number | null; // effective, likewise
  capabilitiesAdded: string[];
  requests: { cpu?: string; memory?: string };
  limits: { cpu?: string; memory?: string };
  livenessProbe: boolean;
  readinessProbe: boolean;
  /** Env vars filled from a Secret (secretKeyRef): the value sits in the process environment, readable by anything that dumps it. */
  secretEnv: string[];
};

export type WorkloadSpec = {
  kind: string;
  namespace: string;
  name: string;
  replicas: number | null; // null for DaemonSets
  hostNetwork: boolean;
  hostPID: boolean;
  hostIPC: boolean;
  containers: ContainerSpec[];
  /** A PodDisruptionBudget selects this workload's pods. */
  hasPdb: boolean;
  /** A NetworkPolicy selects this workload's pods. */
  hasNetworkPolicy: boolean;
};

const DANGEROUS_CAPABILITIES = new Set(["ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH", "NET_RAW", "BPF"]);

function check(check: string, severity: Severity, passed: boolean, target: string, message: string): CheckResult {
  return { check, severity, passed, target, message };
}

function imageTag(image: string): string | undefined {
  if (image.includes("@")) return "digest";
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  return colon > slash ? image.slice(colon + 1) : undefined;
}

function containerChecks(workload: string, c: ContainerSpec): CheckResult[] {
  const t = `${workload} container ${c.name}`;
  const tag = imageTag(c.image);
  const dangerous = c.capabilitiesAdded.filter((cap) => DANGEROUS_CAPABILITIES.has(cap.toUpperCase().replace(/^CAP_/, "")));
  const root = c.runAsUser === 0 || (c.runAsNonRoot !== true && c.runAsUser === null);
  return [
    check("privileged", "danger", !c.privileged, t, "runs privileged: it has every capability of its node; drop securityContext.privileged"),
    check("privilegeEscalationAllowed", "danger", c.allowPrivilegeEscalation === false, t, "may gain privileges (setuid binaries): set securityContext.allowPrivilegeEscalation: false"),
    check("runAsRoot", "danger", !root, t, "may run as root: set runAsNonRoot: true (and a non-zero runAsUser)"),
    check("dangerousCapabilities", "danger", dangerous.length === 0, t, `adds ${dangerous.join(", ") || "no"} capabilities an attacker can use to leave the container: drop them`),
    check("secretsInEnv", "danger", c.secretEnv.length === 0, t, `reads ${c.secretEnv.join(", ") || "no"} Secret into its environment: mount the Secret as a file instead`),
    check("cpuRequestsMissing", "warning", !!c.requests.cpu, t, "has no CPU request: the scheduler cannot place it fairly"),
    check("memoryRequestsMissing", "warning", !!c.requests.memory, t, "has no memory request: it is first to be evicted under pressure"),
    check("memoryLimitsMissing", "warning", !!c.limits.memory, t, "has no memory limit: a leak takes memory from its neighbours"),
    check("livenessProbeMissing", "warning", c.livenessProbe, t, "has no liveness probe: a hung process is never restarted"),
    check("readinessProbeMissing", "warning", c.readinessProbe, t, "has no readiness probe: it gets traffic before it can serve"),
    check("tagNotSpecified", "warning", tag !== undefined && tag !== "latest", t, `image ${c.image} has ${tag === "latest" ? "the tag latest" : "no tag"}: pin a version so a restart runs what was tested`),
  ];
}

export function workloadChecks(w: WorkloadSpec): CheckResult[] {
  const t = `${w.kind} ${w.namespace}/${w.name}`;
  const single = w.replicas !== null && w.replicas <= 1;
  return [
    check("hostNetworkSet", "danger", !w.hostNetwork, t, "shares its node's network: unset hostNetwork"),
    check("hostPIDSet", "danger", !w.hostPID, t, "sees its node's processes: unset hostPID"),
    check("hostIPCSet", "danger", !w.hostIPC, t, "shares its node's IPC: unset hostIPC"),
    check("singleReplicaWithoutPdb", "warning", !single || w.hasPdb, t, "runs one replica and no PodDisruptionBudget: a node drain takes it down"),
    check("missingNetworkPolicy", "warning", w.hasNetworkPolicy, t, "no NetworkPolicy selects its pods: anything in the cluster can reach it"),
    check("defaultNamespace", "warning", w.namespace !== "default", t, "runs in the default namespace: give it a namespace of its own"),
    ...w.containers.flatMap((c) => containerChecks(t, c)),
  ];
}

export type RbacBinding = { kind: "RoleBinding" | "ClusterRoleBinding"; namespace: string; name: string; roleRef: string; subjects: { kind: string; name: string; namespace?: string }[] };
export type RbacRole = { kind: "Role" | "ClusterRole"; namespace: string; name: string; rules: { verbs: string[]; resources?: string[]; apiGroups?: string[] }[] };

/** Service accounts bound to cluster-admin, and roles granting every verb or every resource; namespace "" for cluster-scoped ones. */
export function rbacChecks(bindings: readonly RbacBinding[], roles: readonly RbacRole[]): (CheckResult & { namespace: string })[] {
  const results: (CheckResult & { namespace: string })[] = [];
  for (const b of bindings) {
    const sas = b.subjects.filter((s) => s.kind === "ServiceAccount").map((s) => `${s.namespace ?? b.namespace}/${s.name}`);
    if (b.roleRef !== "cluster-admin") continue;
    results.push({ ...check("clusterAdminServiceAccount", "danger", sas.length === 0, `${b.kind} ${b.name}`, `binds cluster-admin to service account ${sas.join(", ") || "none"}: grant only what it needs`), namespace: b.namespace });
  }
  for (const r of roles) {
    // The built-in cluster-admin is meant to be a wildcard; binding it is what is checked above.
    if (r.kind === "ClusterRole" && (r.name === "cluster-admin" || r.name.startsWith("system:"))) continue;
    const wild = r.rules.some((rule) => rule.verbs.includes("*") || (rule.resources ?? []).includes("*"));
    results.push({ ...check("wildcardRbac", "danger", !wild, `${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name}`, "grants * verbs or resources: list them"), namespace: r.namespace });
  }
  return results;
}

/** Polaris's score over any set of results (a workload, a namespace, a cluster); 100 with nothing checked. */
export function guardrailScore(results: readonly CheckResult[]): number {
  const pass = results.filter((r) => r.passed).length;
  const warn = results.filter((r) => !r.passed && r.severity === "warning").length;
  const danger = results.filter((r) => !r.passed && r.severity === "danger").length;
  const denominator = 2 * pass + warn + 2 * danger;
  return denominator === 0 ? 100 : Math.round(((2 * pass) / denominator) * 100);
}

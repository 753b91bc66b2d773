import { describe, expect, it } from "vitest";
import { guardrailScore, rbacChecks, workloadChecks, type ContainerSpec, type WorkloadSpec } from "./guardrails.ts";

const hardened: ContainerSpec = {
  name: "app",
  image: "registry.example.com/shop/checkout:1.4.2",
  privileged: false,
  allowPrivilegeEscalation: false,
  runAsNonRoot: true,
  runAsUser: 10001,
  capabilitiesAdded: [],
  requests: { cpu: "250m", memory: "256Mi" },
  limits: { memory: "512Mi" },
  livenessProbe: true,
  readinessProbe: true,
  secretEnv: [],
};
const workload = (c: Partial<ContainerSpec> = {}, w: Partial<WorkloadSpec> = {}): WorkloadSpec => ({
  kind: "Deployment",
  namespace: "shop",
  name: "checkout",
  replicas: 3,
  hostNetwork: false,
  hostPID: false,
  hostIPC: false,
  containers: [{ ...hardened, ...c }],
  hasPdb: true,
  hasNetworkPolicy: true,
  ...w,
});
const failed = (w: WorkloadSpec) => workloadChecks(w).filter((r) => !r.passed).map((r) => `${r.severity}:${r.check}`);

describe("guardrails on a live workload", () => {
  it("a hardened deployment passes every check and scores 100", () => {
    expect(failed(workload())).toEqual([]);
    expect(guardrailScore(workloadChecks(workload()))).toBe(100);
  });

  it("flags what lets a container take its node as danger", () => {
    expect(failed(workload({ privileged: true, allowPrivilegeEscalation: null, capabilitiesAdded: ["NET_ADMIN"] }, { hostNetwork: true }))).toEqual([
      "danger:hostNetworkSet",
      "danger:privileged",
      "danger:privilegeEscalationAllowed",
      "danger:dangerousCapabilities",
    ]);
  });

  it("treats a container with no user set as possibly root, and a Secret in the environment as danger", () => {
    expect(failed(workload({ runAsNonRoot: null, runAsUser: null, secretEnv: ["DB_PASSWORD"] }))).toEqual(["danger:runAsRoot", "danger:secretsInEnv"]);
    const finding = workloadChecks(workload({ secretEnv: ["DB_PASSWORD"] })).find((r) => r.check === "secretsInEnv")!;
    expect(finding.message).toBe("reads DB_PASSWORD Secret into its environment: mount the Secret as a file instead");
  });

  it("warns about missing requests, probes, pinned tags, budgets and policies", () => {
    const sloppy = workload(
      { image: "nginx", requests: {}, limits: {}, livenessProbe: false, readinessProbe: false },
      { namespace: "default", replicas: 1, hasPdb: false, hasNetworkPolicy: false },
    );
    expect(failed(sloppy)).toEqual([
      "warning:singleReplicaWithoutPdb",
      "warning:missingNetworkPolicy",
      "warning:defaultNamespace",
      "warning:cpuRequestsMissing",
      "warning:memoryRequestsMissing",
      "warning:memoryLimitsMissing",
      "warning:livenessProbeMissing",
      "warning:readinessProbeMissing",
      "warning:tagNotSpecified",
    ]);
    expect(failed(workload({ image: "nginx:latest" }))).toEqual(["warning:tagNotSpecified"]);
    expect(failed(workload({ image: "registry:5000/nginx" }))).toEqual(["warning:tagNotSpecified"]); // a port is not a tag
    expect(failed(workload({ image: "nginx@sha256:abc" }))).toEqual([]);
  });

  it("does not ask a DaemonSet for a PodDisruptionBudget for its single replica", () => {
    expect(failed(workload({}, { kind: "DaemonSet", replicas: null, hasPdb: false }))).toEqual([]);
  });
});

describe("guardrails on RBAC", () => {
  it("flags cluster-admin bound to a service account and wildcard roles, not the built-in admin role itself", () => {
    const results = rbacChecks(
      [
        { kind: "ClusterRoleBinding", namespace: "", name: "ci-admin", roleRef: "cluster-admin", subjects: [{ kind: "ServiceAccount", name: "deployer", namespace: "ci" }] },
        { kind: "ClusterRoleBinding", namespace: "", name: "sre-admins", roleRef: "cluster-admin", subjects: [{ kind: "Group", name: "sre" }] },
      ],
      [
        { kind: "ClusterRole", namespace: "", name: "cluster-admin", rules: [{ verbs: ["*"], resources: ["*"] }] },
        { kind: "Role", namespace: "shop", name: "everything", rules: [{ verbs: ["*"], resources: ["pods"] }] },
        { kind: "Role", namespace: "shop", name: "reader", rules: [{ verbs: ["get", "list"], resources: ["pods"] }] },
      ],
    );
    expect(results.filter((r) => !r.passed).map((r) => [r.check, r.target])).toEqual([
      ["clusterAdminServiceAccount", "ClusterRoleBinding ci-admin"],
      ["wildcardRbac", "Role shop/everything"],
    ]);
    expect(results.find((r) => r.target === "ClusterRoleBinding ci-admin")?.message).toBe("binds cluster-admin to service account ci/deployer: grant only what it needs");
  });
});

describe("the Polaris score", () => {
  it("is 2·pass ÷ (2·pass + warning + 2·danger) × 100", () => {
    const r = (passed: boolean, severity: "danger" | "warning") => ({ check: "x", severity, passed, target: "t", message: "" });
    // 6 passes, 2 warnings, 1 danger: 12 / (12 + 2 + 2) = 75.
    expect(guardrailScore([...Array(6)].map(() => r(true, "warning")).concat([r(false, "warning"), r(false, "warning"), r(false, "danger")]))).toBe(75);
    expect(guardrailScore([])).toBe(100);
  });
});

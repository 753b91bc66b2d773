import { describe, expect, it } from "vitest";
import { mapKubeObject, MAX_JSON_CHARS } from "./map-kube-object.ts";

const now = new Date("2026-12-01T10:00:00Z");
const meta = { name: "x", namespace: "shop", uid: "u-1", labels: { app: "checkout" }, managedFields: [{ time: "2026-12-01T09:00:00Z" }] };
const ok = (apiVersion: string, kind: string, obj: unknown) => {
  const m = mapKubeObject(apiVersion, kind, obj, now);
  if (!m.ok) throw new Error(m.reason);
  return { ...m.value, spec: JSON.parse(m.value.spec), status: JSON.parse(m.value.status) };
};

describe("the other kinds as Uptrust keeps them", () => {
  it("keeps an HPA's target and bounds with its status, stamped with the cluster's time", () => {
    const hpa = ok("autoscaling/v2", "HorizontalPodAutoscaler", {
      metadata: meta,
      spec: { scaleTargetRef: { kind: "Deployment", name: "frontend" }, minReplicas: 2, maxReplicas: 10 },
      status: { currentReplicas: 3, desiredReplicas: 4 },
    });
    expect(hpa.spec).toEqual({ scaleTargetRef: { kind: "Deployment", name: "frontend" }, minReplicas: 2, maxReplicas: 10 });
    expect(hpa.status).toEqual({ currentReplicas: 3, desiredReplicas: 4 });
    expect(hpa.observedAt).toEqual(new Date("2026-12-01T09:00:00Z"));
  });

  it("drops pod templates (workloads track them) but keeps a CronJob's schedule and Job settings", () => {
    const cj = ok("batch/v1", "CronJob", {
      metadata: meta,
      spec: { schedule: "*/5 * * * *", jobTemplate: { spec: { backoffLimit: 2, template: { spec: { containers: [{ name: "c" }] } } } } },
    });
    expect(cj.spec).toEqual({ schedule: "*/5 * * * *", jobTemplate: { spec: { backoffLimit: 2 } } });
    const rs = ok("apps/v1", "ReplicaSet", {
      metadata: { ...meta, ownerReferences: [{ kind: "Deployment", name: "checkout", controller: true }] },
      spec: { replicas: 4, template: { spec: {} } },
    });
    expect([rs.ownerKind, rs.ownerName, rs.spec]).toEqual(["Deployment", "checkout", { replicas: 4 }]);
  });

  it("counts an EndpointSlice's endpoints instead of keeping every address", () => {
    const slice = ok("discovery.k8s.io/v1", "EndpointSlice", {
      metadata: meta,
      addressType: "IPv4",
      ports: [{ port: 8080 }],
      endpoints: [{ addresses: ["10.0.0.1"], conditions: { ready: true } }, { addresses: ["10.0.0.2"], conditions: { ready: false } }, { addresses: ["10.0.0.3"] }],
    });
    expect(slice.spec).toEqual({ addressType: "IPv4", ports: [{ port: 8080 }] });
    expect(slice.status).toEqual({ endpoints: 3, ready: 2, notReady: 1 });
  });

  it("keeps RBAC's rules and subjects, and a cluster-scoped object has namespace ''", () => {
    const role = ok("rbac.authorization.k8s.io/v1", "ClusterRole", { metadata: { name: "view", uid: "u-2" }, rules: [{ verbs: ["get"], resources: ["pods"] }] });
    expect([role.namespace, role.spec]).toEqual(["", { rules: [{ verbs: ["get"], resources: ["pods"] }] }]);
  });

  it("says a spec was too large instead of storing a megabyte, and makes NUL storable", () => {
    const big = ok("v1", "Service", { metadata: meta, spec: { note: "y".repeat(MAX_JSON_CHARS) } });
    expect(big.spec.uptrustOmitted).toMatch(/^spec of \d+ characters exceeds 32768; not stored$/);
    const nul = mapKubeObject("v1", "Service", { metadata: meta, spec: { note: "a\u0000b" } }, now);
    expect(nul.ok && nul.value.spec).toBe('{"note":"a\\ufffdb"}');
  });

  it("skips an object without a uid, saying why", () => {
    expect(mapKubeObject("v1", "Service", { metadata: { name: "x" } }, now)).toMatchObject({ ok: false, reason: expect.stringContaining("uid") });
  });
});

import { describe, expect, it } from "vitest";
import { describeTemplateChange } from "./describe-template-change.ts";
import { mapWorkload } from "./map-workload.ts";

const now = new Date("2026-01-01T00:00:00Z");
const deployment = (image: string, extra: Record<string, unknown> = {}) => ({
  metadata: {
    name: "checkout",
    namespace: "shop",
    uid: "d-1",
    generation: 2,
    annotations: { "deployment.kubernetes.io/revision": "2" },
    managedFields: [{ time: "2025-03-01T10:00:00Z" }] as Record<string, unknown>[],
  },
  spec: {
    replicas: 4,
    template: {
      spec: {
        containers: [
          {
            name: "checkout",
            image,
            env: [{ name: "PAYMENT_URL" }, { name: "LOG_LEVEL" }],
            resources: { requests: { memory: "256Mi", cpu: "250m" } },
            readinessProbe: { httpGet: { path: "/healthz" } },
            ...extra,
          },
        ],
      },
    },
  },
  status: { observedGeneration: 2, replicas: 5, availableReplicas: 3, readyReplicas: 3, updatedReplicas: 2 },
});

function mapOk(obj: unknown) {
  const m = mapWorkload("Deployment", obj, now);
  if (!m.ok) throw new Error(m.reason);
  return m.value;
}

describe("a deployment as Uptrust tracks it", () => {
  it("reads the rollout's replica counts and revision", () => {
    const w = mapOk(deployment("registry.example.com/shop/checkout:1.5.0"));
    expect(w.counts).toEqual({ desired: 4, available: 3, ready: 3, updated: 2 });
    expect(w.revision).toBe("2");
    expect(w.observedAt).toEqual(new Date("2025-03-01T10:00:00Z"));
  });

  it("hashes the template by content: reordered env and keys are not a change", () => {
    const a = mapOk(deployment("img:1"));
    const reordered = deployment("img:1", { env: [{ name: "LOG_LEVEL" }, { name: "PAYMENT_URL" }], resources: { requests: { cpu: "250m", memory: "256Mi" } } });
    expect(mapOk(reordered).templateHash).toBe(a.templateHash);
    expect(mapOk(deployment("img:2")).templateHash).not.toBe(a.templateHash);
  });

  it("skips a deployment without containers", () => {
    const m = mapWorkload("Deployment", { metadata: { name: "x", namespace: "y", uid: "z" }, spec: { template: { spec: { containers: [] } } } }, now);
    expect(m.ok).toBe(false);
  });
});

describe("the change summary a responder reads on the timeline", () => {
  it("names the container and the new tag of an image bump", () => {
    const before = mapOk(deployment("registry.example.com/shop/checkout:1.4.2")).template;
    const after = mapOk(deployment("registry.example.com/shop/checkout:1.5.0")).template;
    expect(describeTemplateChange(before, after)).toBe("image checkout: registry.example.com/shop/checkout:1.4.2 → 1.5.0");
  });

  it("shows the full image when the repository changes, and keeps a registry port intact", () => {
    const before = mapOk(deployment("localhost:5000/checkout")).template;
    const after = mapOk(deployment("ghcr.io/acme/checkout:2.0")).template;
    expect(describeTemplateChange(before, after)).toBe("image checkout: localhost:5000/checkout → ghcr.io/acme/checkout:2.0");
  });

  it("lists resource, env and probe edits together", () => {
    const before = mapOk(deployment("img:1")).template;
    const after = mapOk(
      deployment("img:1", { env: [{ name: "PAYMENT_URL" }, { name: "TIMEOUT" }], resources: { requests: { cpu: "500m", memory: "256Mi" } }, readinessProbe: undefined }),
    ).template;
    expect(describeTemplateChange(before, after)).toBe(
      "resources checkout: requests.cpu 250m → 500m; env checkout: +TIMEOUT -LOG_LEVEL; probes checkout: -readiness",
    );
  });

  it("reports scaling", () => {
    const before = mapOk(deployment("img:1")).template;
    expect(describeTemplateChange(before, { ...before, replicas: 6 })).toBe("replicas: 4 → 6");
  });
});

describe("what a workload reads and who changed it", () => {
  const reading = deployment("img:1", {
    env: [
      { name: "DATABASE_URL", valueFrom: { configMapKeyRef: { name: "checkout-config", key: "DATABASE_URL" } } },
      { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "checkout-db", key: "password" } } },
    ],
    envFrom: [{ configMapRef: { name: "shared-flags" } }],
  });

  it("lists the ConfigMaps and Secrets its pods read, by name", () => {
    const w = mapOk(reading);
    expect([w.template.configMaps, w.template.secrets]).toEqual([["checkout-config", "shared-flags"], ["checkout-db"]]);
  });

  it("hashes a template that reads no config exactly as before config was tracked", () => {
    const w = mapOk(deployment("img:1"));
    expect(w.template).not.toHaveProperty("configMaps");
    // The hash the previous release stored for this very deployment: upgrading adds no change.
    expect(w.templateHash).toBe("b7bb1efbf829c43ef9f2fbb6cb5040af");
  });

  it("credits the spec's last writer, not the controller that annotated the revision or wrote status", () => {
    const d = deployment("img:2");
    d.metadata.managedFields = [
      { manager: "helm", time: "2026-01-01T09:00:00Z", fieldsV1: { "f:spec": {} } },
      { manager: "argocd-controller", time: "2026-01-01T10:00:00Z", fieldsV1: { "f:spec": {}, "f:metadata": {} } },
      { manager: "kube-controller-manager", time: "2026-01-01T10:00:05Z", fieldsV1: { "f:metadata": {} } },
      { manager: "kube-controller-manager", time: "2026-01-01T10:00:09Z", fieldsV1: { "f:status": {} }, subresource: "status" },
    ];
    expect(mapOk(d).manager).toBe("argocd-controller");
  });

  it("describes a restart and a newly read ConfigMap on the timeline", () => {
    const before = mapOk(deployment("img:1")).template;
    const after = { ...mapOk(reading).template, restartedAt: "2026-01-01T10:00:00Z" };
    expect(describeTemplateChange(before, after)).toBe(
      "env checkout: +DATABASE_URL +DB_PASSWORD -LOG_LEVEL -PAYMENT_URL; ConfigMaps read: +checkout-config +shared-flags; Secrets read: +checkout-db; rollout restart at 2026-01-01T10:00:00Z",
    );
  });
});

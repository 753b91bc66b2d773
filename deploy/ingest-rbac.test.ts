import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { POD_LOG_PATH, POLLED_PATHS, WATCHED_PATHS } from "@/lib/k8s/ingest-api-paths.ts";
import { ingestClusterRoleRules, permissionsOf, resourceOfPath, type PolicyRule } from "@/lib/k8s/ingest-rbac.ts";
import { chartFile, DEPLOY_DIR, objectNamed, renderedManifests } from "./testing/rendered-manifests.ts";

// The ingest worker's ClusterRole grants exactly what the ingest code reads: a kind watched without its rule
// fails here (in a cluster that stream would be lost to a 403), and so does a rule nothing reads.

const needed = permissionsOf(ingestClusterRoleRules());

describe("the ingest ClusterRole against the API paths the ingest code reads", () => {
  it("names each path's RBAC resource as the API server does", () => {
    expect(resourceOfPath(WATCHED_PATHS.pods)).toEqual({ group: "", resource: "pods" });
    expect(resourceOfPath(WATCHED_PATHS.horizontalPodAutoscalers)).toEqual({ group: "autoscaling", resource: "horizontalpodautoscalers" });
    expect(resourceOfPath(POLLED_PATHS.nodeMetrics)).toEqual({ group: "metrics.k8s.io", resource: "nodes" });
    expect(resourceOfPath(POD_LOG_PATH)).toEqual({ group: "", resource: "pods/log" });
  });

  it("needs get/list/watch on every watched kind, get and list on metrics.k8s.io, get on pods/log, and nothing else", () => {
    expect(needed).toContain("apps/deployments:watch");
    expect(needed).toContain("/pods/log:get");
    expect(needed).not.toContain("/pods/log:list");
    expect(needed.filter((p) => p.startsWith("metrics.k8s.io/"))).toEqual(["metrics.k8s.io/nodes:get", "metrics.k8s.io/nodes:list", "metrics.k8s.io/pods:get", "metrics.k8s.io/pods:list"]);
    expect(needed.filter((p) => !/:(get|list|watch)$/.test(p))).toEqual([]);
    expect(needed).toHaveLength(Object.keys(WATCHED_PATHS).length * 3 + Object.keys(POLLED_PATHS).length * 2 + 1);
  });

  it("is granted exactly by the ClusterRole kubectl kustomize deploy/manifests renders, with no wildcard", () => {
    const role = objectNamed(renderedManifests(), "ClusterRole", "uptrust-ingest") as unknown as { rules: PolicyRule[] };
    const granted = permissionsOf(role.rules);
    expect({ missing: needed.filter((p) => !granted.includes(p)), extra: granted.filter((p) => !needed.includes(p)) }).toEqual({ missing: [], extra: [] });
    expect(JSON.stringify(role.rules)).not.toContain("*");
  });

  it("is granted exactly by the chart's rules (files/ingest-rules.yaml), which are the manifests' word for word", () => {
    const chartRules = chartFile<PolicyRule[]>("files/ingest-rules.yaml");
    expect(permissionsOf(chartRules)).toEqual(needed);
    const role = objectNamed(renderedManifests(), "ClusterRole", "uptrust-ingest") as unknown as { rules: PolicyRule[] };
    expect(role.rules).toEqual(chartRules);
  });

  it("binds that ClusterRole to the ingest service account alone", () => {
    const objects = renderedManifests();
    const bindings = objects.filter((o) => o.kind === "ClusterRoleBinding" || o.kind === "RoleBinding") as unknown as {
      metadata: { name: string };
      roleRef: { name: string };
      subjects: { kind: string; name: string; namespace: string }[];
    }[];
    expect(bindings.map((b) => [b.metadata.name, b.roleRef.name, b.subjects])).toEqual([
      ["uptrust-ingest", "uptrust-ingest", [{ kind: "ServiceAccount", name: "uptrust-ingest", namespace: "uptrust" }]],
    ]);
  });

  it("reads no API path written anywhere but lib/k8s/ingest-api-paths.ts, so the list above is the whole truth", () => {
    const root = join(DEPLOY_DIR, "..");
    const sources = ["workers/ingest", "lib/k8s"].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "ingest-api-paths.ts")
        .map((f) => `${dir}/${f}`),
    );
    expect(sources.length).toBeGreaterThan(20);
    const literal = /["'`]\/apis?\//;
    expect(sources.filter((f) => literal.test(readFileSync(join(root, f), "utf8")))).toEqual([]);
  });
});

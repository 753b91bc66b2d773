import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KubeConfigError, loadKubeTargets } from "./load-kubeconfig.ts";

const dir = mkdtempSync(join(tmpdir(), "uptrust-kubeconfig-"));
const file = join(dir, "config");
writeFileSync(
  file,
  `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster: { server: "https://prod.example.com:6443" }
- name: demo
  cluster: { server: "http://127.0.0.1:6443" }
users:
- name: viewer
  user: { token: "t" }
contexts:
- name: prod
  context: { cluster: prod, user: viewer }
- name: demo
  context: { cluster: demo, user: viewer }
current-context: demo
`,
);

describe("choosing the clusters Uptrust watches", () => {
  it("watches the current context when UPTRUST_KUBE_CONTEXTS is unset", () => {
    const targets = loadKubeTargets({ kubeconfigPath: file });
    expect(targets.map((t) => [t.context, t.server])).toEqual([["demo", "http://127.0.0.1:6443"]]);
  });

  it("watches every listed context, each pinned to its own cluster", () => {
    const targets = loadKubeTargets({ kubeconfigPath: file, contexts: "prod, demo" });
    expect(targets.map((t) => t.kubeConfig.getCurrentCluster()?.server)).toEqual(["https://prod.example.com:6443", "http://127.0.0.1:6443"]);
  });

  it("names the variable when a listed context does not exist", () => {
    expect(() => loadKubeTargets({ kubeconfigPath: file, contexts: "staging" })).toThrow(/UPTRUST_KUBE_CONTEXTS names "staging".*contexts there: prod, demo/);
  });

  it("names KUBECONFIG when the file is missing or unreadable", () => {
    expect(() => loadKubeTargets({ kubeconfigPath: join(dir, "nope") })).toThrow(KubeConfigError);
    expect(() => loadKubeTargets({ kubeconfigPath: join(dir, "nope") })).toThrow(/KUBECONFIG points at/);
    const bad = join(dir, "bad");
    writeFileSync(bad, "clusters: [ this is : not yaml");
    expect(() => loadKubeTargets({ kubeconfigPath: bad })).toThrow(/KUBECONFIG/);
  });
});

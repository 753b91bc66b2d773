import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KubeConfigError, loadKubeTargets, targetFromKubeconfigText } from "./load-kubeconfig.ts";

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

describe("a cluster registered with its own kubeconfig", () => {
  const text = readFileSync(file, "utf8");

  it("uses the context named like the cluster, else the document's current context", () => {
    expect(targetFromKubeconfigText("prod", text).server).toBe("https://prod.example.com:6443");
    const other = targetFromKubeconfigText("eu-west", text);
    expect([other.context, other.server]).toEqual(["eu-west", "http://127.0.0.1:6443"]);
  });

  it("says what is wrong with a registration that cannot be used", () => {
    expect(() => targetFromKubeconfigText("x", "clusters: [ this is : not yaml")).toThrow(/the kubeconfig registered for cluster "x" cannot be parsed/);
    const noCurrent = text.replace("current-context: demo", "");
    expect(() => targetFromKubeconfigText("x", noCurrent)).toThrow(/has no context named "x" and no current context \(contexts: prod, demo\)/);
    const notUrl = text.replace('"http://127.0.0.1:6443"', '"localhost"');
    expect(() => targetFromKubeconfigText("demo", notUrl)).toThrow(/server "localhost", which is not a URL/);
  });
});

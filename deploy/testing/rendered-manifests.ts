import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";

// What `kubectl kustomize deploy/manifests` renders, parsed, and the chart's plain data files: the tests of deploy/
// read Uptrust's install the way kubectl and helm do, never through a renderer of their own.

export const DEPLOY_DIR = join(import.meta.dirname, "..");
export const CHART_DIR = join(DEPLOY_DIR, "helm", "uptrust");

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
};

export function kustomize(): string {
  return execFileSync("kubectl", ["kustomize", join(DEPLOY_DIR, "manifests")], { encoding: "utf8" });
}

/** Every object of a multi-document YAML stream, as kubectl and helm emit it. */
export function parseObjects(yaml: string): K8sObject[] {
  return parseAllDocuments(yaml)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

export function renderedManifests(): K8sObject[] {
  return parseObjects(kustomize());
}

export function chartFile<T = unknown>(path: string): T {
  return parse(readFileSync(join(CHART_DIR, path), "utf8")) as T;
}

export function objectNamed(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`deploy/manifests renders no ${kind} ${name}`);
  return found;
}

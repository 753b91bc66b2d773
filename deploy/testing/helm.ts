import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEPLOY_DIR, parseObjects, type K8sObject } from "./rendered-manifests.ts";

// The real helm (v3.17.2, the official binary) that scripts/install-helm.sh puts at .uptrust/tools/helm; npm test's
// first step installs it. Absent, the tests of the chart fail saying so: a chart nobody rendered is not tested.

const ROOT = join(DEPLOY_DIR, "..");
export const HELM = join(ROOT, ".uptrust", "tools", "helm");
/** The line deploy/manifests/uptrust.yaml is rendered with (scripts/render-manifests.sh). */
export const MANIFESTS_LINE = "helm template uptrust deploy/helm/uptrust -n uptrust --set clusterName=my-cluster";

// Helm's own cache and config go to a scratch directory, not the home of whoever runs the tests.
const home = mkdtempSync(join(tmpdir(), "uptrust-helm-"));

export type HelmRun = { stdout: string; stderr: string; code: number };

export function helm(args: string[]): HelmRun {
  if (!existsSync(HELM)) throw new Error(`helm is not at ${HELM}: run bash scripts/install-helm.sh (npm test does, in scripts/test-prerequisites.sh)`);
  const run = spawnSync(HELM, args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, HELM_CACHE_HOME: join(home, "cache"), HELM_CONFIG_HOME: join(home, "config"), HELM_DATA_HOME: join(home, "data") },
  });
  if (run.error) throw run.error;
  return { stdout: run.stdout, stderr: run.stderr, code: run.status ?? 1 };
}

/** `helm template` of the chart; throws with helm's own words when it refuses. */
export function helmTemplate(release: string, namespace: string, ...more: string[]): K8sObject[] {
  const run = helm(["template", release, "deploy/helm/uptrust", "-n", namespace, ...more]);
  if (run.code !== 0) throw new Error(`helm template failed: ${run.stderr}`);
  return parseObjects(run.stdout);
}

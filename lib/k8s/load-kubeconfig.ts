import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { KubeConfig } from "@kubernetes/client-node";

// Which clusters Uptrust watches: every context named in UPTRUST_KUBE_CONTEXTS (comma list), else the
// kubeconfig's current context. Each target gets its own KubeConfig pinned to its context because the
// client library's watch and log calls always use the "current" cluster.

export type KubeTarget = { context: string; server: string; kubeConfig: KubeConfig; source: string };

export class KubeConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KubeConfigError";
  }
}

/** Inside a pod: the cluster's name in Uptrust, and a directory standing for / where the service account's files are read (tests), and the home holding .kube/config. */
export type InCluster = { clusterName?: string; rootDir?: string; home?: string };

// A pod with no kubeconfig reads its service account (token, CA, namespace) as client-node's loadFromCluster
// does. Its context is named after UPTRUST_CLUSTER_NAME: that name is the cluster's everywhere in Uptrust,
// and "inClusterContext" would name every cluster alike.
function loadInCluster(inCluster: InCluster): { kc: KubeConfig; source: string } {
  if (!inCluster.clusterName) {
    throw new KubeConfigError(
      "this is a pod without a kubeconfig, so ingest uses its service account: set UPTRUST_CLUSTER_NAME to the name this cluster has in Uptrust (e.g. prod-eu-1)",
    );
  }
  const kc = new KubeConfig();
  kc.loadFromCluster(inCluster.rootDir);
  const context = kc.getCurrentContext();
  kc.loadFromOptions({
    clusters: kc.clusters,
    users: kc.users,
    contexts: kc.contexts.map((c) => (c.name === context ? { ...c, name: inCluster.clusterName! } : c)),
    currentContext: inCluster.clusterName,
  });
  return { kc, source: "the pod's service account (in-cluster)" };
}

function load(kubeconfigPath: string | undefined, inCluster: InCluster): { kc: KubeConfig; source: string } {
  const kc = new KubeConfig();
  if (!kubeconfigPath) {
    // With nothing to load, client-node invents a context for http://localhost:8080: never watch that.
    const home = join(inCluster.home ?? homedir(), ".kube", "config");
    const inPod = !!process.env.KUBERNETES_SERVICE_HOST;
    if (!existsSync(home) && !inPod) {
      throw new KubeConfigError(`no kubeconfig: KUBECONFIG is unset, ${home} does not exist and this is not a pod. Set KUBECONFIG to your kubeconfig file.`);
    }
    if (!existsSync(home)) return loadInCluster(inCluster);
    try {
      kc.loadFromFile(home);
    } catch (err) {
      throw new KubeConfigError(`cannot read the default kubeconfig (${home}): ${(err as Error).message}. Set KUBECONFIG to a readable file.`);
    }
    return { kc, source: home };
  }
  const files = kubeconfigPath.split(delimiter).filter(Boolean);
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length === files.length) {
    throw new KubeConfigError(`KUBECONFIG points at ${missing.join(", ")}, which does not exist. Set KUBECONFIG to your kubeconfig file.`);
  }
  try {
    if (files.length === 1) kc.loadFromFile(files[0]);
    else kc.loadFromDefault();
  } catch (err) {
    throw new KubeConfigError(`KUBECONFIG file ${kubeconfigPath} cannot be parsed: ${(err as Error).message}`);
  }
  return { kc, source: `KUBECONFIG=${kubeconfigPath}` };
}

export function loadKubeTargets(options: { kubeconfigPath?: string; contexts?: string; inCluster?: InCluster }): KubeTarget[] {
  const { kc, source } = load(options.kubeconfigPath, options.inCluster ?? {});
  const known = kc.getContexts().map((c) => c.name);
  const wanted = (options.contexts ?? "").split(",").map((c) => c.trim()).filter(Boolean);
  if (wanted.length === 0) {
    const current = kc.getCurrentContext();
    if (!current || !known.includes(current)) {
      throw new KubeConfigError(`${source} has no current context${known.length ? ` (contexts: ${known.join(", ")})` : ""}. Set UPTRUST_KUBE_CONTEXTS to the contexts to watch.`);
    }
    wanted.push(current);
  }
  const unknown = wanted.filter((c) => !known.includes(c));
  if (unknown.length) {
    throw new KubeConfigError(`UPTRUST_KUBE_CONTEXTS names ${unknown.map((c) => `"${c}"`).join(", ")}, not found in ${source} (contexts there: ${known.join(", ") || "none"}).`);
  }
  return [...new Set(wanted)].map((context) => pin(kc, context, source));
}

function pin(kc: KubeConfig, context: string, source: string): KubeTarget {
  const pinned = new KubeConfig();
  // client-node refuses plain-http servers unless skipTLSVerify is set; over http there is no TLS to
  // verify, so the flag changes nothing else (local clusters and the Uptrust emulator speak http).
  pinned.loadFromOptions({
    clusters: kc.clusters.map((c) => (c.server.startsWith("http://") ? { ...c, skipTLSVerify: true } : c)),
    users: kc.users,
    contexts: kc.contexts,
    currentContext: context,
  });
  const server = pinned.getCurrentCluster()?.server;
  if (!server) throw new KubeConfigError(`context "${context}" in ${source} has no cluster server URL.`);
  try {
    new URL(server);
  } catch {
    throw new KubeConfigError(`context "${context}" in ${source} has server "${server}", which is not a URL (expected e.g. https://10.0.0.1:6443).`);
  }
  return { context, server, kubeConfig: pinned, source };
}

/**
 * A cluster registered in the database: its kubeconfig text, watched under the registered name. The
 * context used is the one named like the cluster if present, else the document's current context.
 */
export function targetFromKubeconfigText(name: string, text: string, source = `the kubeconfig registered for cluster "${name}"`): KubeTarget {
  const kc = new KubeConfig();
  try {
    kc.loadFromString(text);
  } catch (err) {
    throw new KubeConfigError(`${source} cannot be parsed: ${(err as Error).message}`);
  }
  const known = kc.getContexts().map((c) => c.name);
  const context = known.includes(name) ? name : kc.getCurrentContext();
  if (!context || !known.includes(context)) {
    throw new KubeConfigError(`${source} has no context named "${name}" and no current context${known.length ? ` (contexts: ${known.join(", ")})` : ""}.`);
  }
  return { ...pin(kc, context, source), context: name };
}

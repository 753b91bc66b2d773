import { ConfigError, env } from "@/lib/env.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { waitForSchema } from "@/lib/db/wait-for-schema.ts";
import { KubeConfigError, loadKubeTargets, type KubeTarget } from "@/lib/k8s/load-kubeconfig.ts";
import { serveWorkerMetrics } from "@/lib/metrics/serve-metrics.ts";
import { loadSecretFiles } from "@/lib/secret-files.ts";
import { ingestConfig } from "./config.ts";
import { ingestMetrics } from "./ingest-metrics.ts";
import { startIngest } from "./start-ingest.ts";

// `npm run worker:ingest`: watch every configured cluster and write its facts to DATABASE_URL until
// SIGTERM/SIGINT, then flush what is buffered and exit.

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let settings;
try {
  loadSecretFiles();
  settings = env();
} catch (err) {
  fail(err instanceof ConfigError ? err.message : String(err));
}
if (!process.env.DATABASE_URL) fail("Uptrust ingest needs DATABASE_URL (npm start sets it for the embedded database).");

let targets: KubeTarget[] = [];
try {
  targets = loadKubeTargets({
    kubeconfigPath: settings.KUBECONFIG,
    contexts: settings.UPTRUST_KUBE_CONTEXTS,
    inCluster: { clusterName: settings.UPTRUST_CLUSTER_NAME },
  });
} catch (err) {
  // A kubeconfig the operator pointed at, or the pod's own service account, must work; with neither, the
  // worker can still ingest the clusters registered in the database.
  const explicit = settings.KUBECONFIG || settings.UPTRUST_KUBE_CONTEXTS || process.env.KUBERNETES_SERVICE_HOST;
  if (explicit || !(err instanceof KubeConfigError)) fail(err instanceof KubeConfigError ? `Uptrust ingest cannot start: ${err.message}` : String(err));
  console.log(`[ingest] no kubeconfig context to watch (${(err as Error).message}); watching clusters registered in the database only`);
}

const config = (() => {
  try {
    return ingestConfig();
  } catch (err) {
    return fail((err as Error).message);
  }
})();

const db = getPool(undefined, Math.max(12, targets.length * 4));
for (const t of targets) console.log(`[ingest] cluster "${t.context}" → ${t.server} (from ${t.source})`);
const holder = settings.UPTRUST_INGEST_HOLDER ? `${settings.UPTRUST_INGEST_HOLDER}/${process.pid}` : undefined;
const metrics = ingestMetrics();
const metricsServer = await serveWorkerMetrics("ingest", metrics.registry, settings.UPTRUST_INGEST_METRICS_PORT, "UPTRUST_INGEST_METRICS_PORT");
if (metricsServer) console.log(`[ingest] metrics at :${metricsServer.port}/metrics`);
// Stopped while it waits for the schema, ingest has nothing buffered to flush.
const waiting = new AbortController();
for (const sig of ["SIGTERM", "SIGINT"] as const) process.once(sig, () => waiting.abort());
if (!(await waitForSchema("ingest", waiting.signal))) {
  await metricsServer?.close();
  await closePools();
  process.exit(0);
}
const ingest = startIngest({ db, targets, config, holder, metrics });
console.log(`[ingest] worker ${ingest.holder}: sharing clusters with other workers through leases of ${config.leaseSeconds}s`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[ingest] ${signal}: flushing and stopping`);
  const force = setTimeout(() => fail("[ingest] shutdown took over 15s; exiting"), 15_000);
  await ingest.stop();
  await metricsServer?.close();
  await closePools();
  clearTimeout(force);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

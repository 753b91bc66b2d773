import { readFileSync } from "node:fs";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { registerCluster } from "@/lib/db/ingest/registered-clusters.ts";
import { KubeConfigError, targetFromKubeconfigText } from "@/lib/k8s/load-kubeconfig.ts";

// `npm run cluster:register -- <name> <kubeconfig file>`: stores a cluster's kubeconfig in the database,
// and every running ingest worker picks it up within one lease scan (5 s by default), no restart needed.
// The kubeconfig is checked before anything is stored; re-registering a name replaces its kubeconfig.

const [name, file] = process.argv.slice(2);
if (!name || !file) {
  console.error("usage: npm run cluster:register -- <cluster name> <kubeconfig file>   (DATABASE_URL must point at Uptrust's database)");
  process.exit(2);
}
if (!/^[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?$/i.test(name)) {
  console.error(`cluster name "${name}" must be 1-63 letters, digits, '.', '_' or '-', starting and ending with a letter or digit`);
  process.exit(2);
}

let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (err) {
  console.error(`cannot read ${file}: ${(err as Error).message}`);
  process.exit(2);
}

try {
  const target = targetFromKubeconfigText(name, text, file);
  const id = await registerCluster(getPool(), name, target.server, text);
  console.log(`registered cluster "${name}" (${target.server}) as ${id}; ingest workers pick it up within seconds`);
} catch (err) {
  console.error(err instanceof KubeConfigError ? `not registered: ${err.message}` : `not registered: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await closePools();
}

// `npm start`: the whole cockpit on one machine. Whatever is not configured is provided locally:
// the embedded database (no DATABASE_URL), the demo cluster (no KUBECONFIG) and the development
// OpenID Provider (no AUTH_OIDC_ISSUER). Then the workers and the web app, at http://localhost:PORT.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError, parseEnv } from "@/lib/env.ts";
import { resolveDatabase } from "@/lib/db/embedded.ts";
import { migrate } from "@/lib/db/migrate.ts";
import { explainConnectionError } from "@/lib/db/explain-connection-error.ts";
import { startEmulator } from "@/workers/emulator/index.ts";
import { scenarioNamed } from "@/workers/emulator/scenarios/index.ts";
import { fleetOfPods } from "@/workers/emulator/scenarios/scale.ts";
import { startDevIdp } from "@/workers/dev-idp/server.ts";
import { buildWorkers, INGEST_NODE_FLAGS } from "./build-workers.ts";
import { generatePrismaClient } from "./prisma-generate.ts";
import { loadOrCreateAuthSecret } from "./start/auth-secret.ts";
import { runToEnd, startChild, stopChildren, type Child } from "./start/children.ts";
import { webNodeOptions } from "./web-node-options.ts";

const log = (msg: string) => console.log(`[uptrust] ${msg}`);

async function main() {
  const env = parseEnv();
  // A misspelt scenario stops start-up before the minute-long build, not after it.
  const scenario = env.KUBECONFIG ? undefined : scenarioNamed(env.UPTRUST_EMULATOR_SCENARIO);
  const dataDir = resolve(env.UPTRUST_DATA_DIR);
  const appUrl = `http://localhost:${env.PORT}`;
  const stops: (() => Promise<void>)[] = [];
  const childEnv: NodeJS.ProcessEnv = { ...process.env, UPTRUST_DATA_DIR: dataDir, NODE_ENV: "production" };

  const db = await resolveDatabase();
  stops.push(db.stop);
  childEnv.DATABASE_URL = db.url;
  const migrated = await migrate(db.url).catch((err) => {
    throw new ConfigError([explainConnectionError(err, db.url, db.embedded)]);
  });
  log(`database: ${db.embedded ? `embedded PostgreSQL in ${join(dataDir, "pgdata")}` : "DATABASE_URL"} (${migrated.applied.length} migrations applied now)`);

  // Build before the demo cluster starts: it replays its history at once, and the workers must see it.
  // A fresh clone has no database client yet, and the web app and the workers cannot build without it.
  log("generating the database client...");
  generatePrismaClient({ quiet: true });
  const tsx = resolve("node_modules/.bin/tsx");
  const next = resolve("node_modules/.bin/next");
  const [ingestWorker] = await buildWorkers();
  if (!process.env.UPTRUST_SKIP_BUILD || !existsSync(".next/BUILD_ID")) {
    log("building the web app (about a minute on a small machine)...");
    await runToEnd("build", next, ["build"], childEnv);
  }

  if (scenario) {
    const emulator = await startEmulator({
      port: env.UPTRUST_EMULATOR_PORT,
      speed: env.UPTRUST_EMULATOR_SPEED,
      leadMinutes: env.UPTRUST_EMULATOR_LEAD_MINUTES,
      kubeconfigPath: join(dataDir, "kubeconfig"),
      scenario,
      size: fleetOfPods(env.UPTRUST_EMULATOR_PODS),
      restoreFrom: env.UPTRUST_EMULATOR_RESTORE_FROM,
    });
    stops.push(emulator.stop);
    childEnv.KUBECONFIG = emulator.kubeconfigPath;
    // The demo cluster's clock runs fast while it replays its history, so usage is sampled often.
    childEnv.UPTRUST_METRICS_POLL_MS ??= "200";
    childEnv.UPTRUST_ANALYZE_INTERVAL_MS ??= "2000";
    log(`cluster: demo cluster (scenario ${scenario}) at ${emulator.url} (no KUBECONFIG set; try kubectl --kubeconfig ${emulator.kubeconfigPath} get pods -A)`);
  } else {
    log(`cluster: contexts from KUBECONFIG=${env.KUBECONFIG}`);
  }

  childEnv.AUTH_SECRET = env.AUTH_SECRET ?? loadOrCreateAuthSecret(dataDir);
  childEnv.AUTH_TRUST_HOST = "true";
  // Links in notifications point where this start-up serves the cockpit unless the operator says otherwise.
  childEnv.UPTRUST_PUBLIC_URL ||= appUrl;
  if (!env.AUTH_OIDC_ISSUER) {
    const idp = await startDevIdp({ port: env.UPTRUST_DEV_IDP_PORT, appUrl });
    stops.push(idp.stop);
    // With AUTH_OIDC_* unset the app signs in against this provider (lib/auth/provider-settings.ts).
    childEnv.UPTRUST_DEV_IDP_PORT = String(env.UPTRUST_DEV_IDP_PORT);
    log(`sign-in: development OpenID Provider at ${idp.issuer} (no AUTH_OIDC_ISSUER set); users demo (admin), responder, viewer; each password is the name`);
  } else {
    log(`sign-in: ${env.AUTH_OIDC_ISSUER}`);
  }

  const children: Child[] = [
    startChild("ingest", process.execPath, [...INGEST_NODE_FLAGS, ingestWorker], childEnv),
    startChild("analyze", tsx, ["workers/analyze/main.ts"], childEnv),
    startChild("web", next, ["start", "-p", String(env.PORT)], { ...childEnv, NODE_OPTIONS: webNodeOptions(childEnv) }),
  ];
  log(`cockpit: ${appUrl}`);

  let stopping = false;
  const shutdown = async (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log(`stopping (${why})`);
    await stopChildren(children);
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown("interrupted", 0));
  process.on("SIGTERM", () => void shutdown("terminated", 0));
  for (const c of children) void c.exited.then((code) => shutdown(`${c.name} exited with code ${code}`, code || 1));
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `[uptrust] cannot start: ${(err as Error).message}`);
  process.exit(1);
});

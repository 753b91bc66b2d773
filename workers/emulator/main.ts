import { join } from "node:path";
import { ConfigError, parseEnv } from "@/lib/env.ts";
import { startEmulator } from "./index.ts";
import { scenarioNamed } from "./scenarios/index.ts";
import { fleetOfPods } from "./scenarios/scale.ts";

// `npm run emulator`: the demo cluster alone, configured by the same variables as `npm start`.
let env;
let scenario;
try {
  env = parseEnv();
  scenario = scenarioNamed(env.UPTRUST_EMULATOR_SCENARIO);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `Uptrust emulator cannot start: ${(err as Error).message}`);
  process.exit(2);
}
const kubeconfigPath = join(env.UPTRUST_DATA_DIR, "kubeconfig");
const emulator = await startEmulator({
  port: env.UPTRUST_EMULATOR_PORT,
  speed: env.UPTRUST_EMULATOR_SPEED,
  leadMinutes: env.UPTRUST_EMULATOR_LEAD_MINUTES,
  kubeconfigPath,
  restoreFrom: env.UPTRUST_EMULATOR_RESTORE_FROM,
  scenario,
  size: fleetOfPods(env.UPTRUST_EMULATOR_PODS),
});
console.log(
  `Uptrust demo cluster (scenario ${scenario}) serving at ${emulator.url} (replaying ${env.UPTRUST_EMULATOR_LEAD_MINUTES} min at ${env.UPTRUST_EMULATOR_SPEED}x); try: kubectl --kubeconfig ${kubeconfigPath} get pods -A`,
);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await emulator.stop();
  process.exit(0);
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

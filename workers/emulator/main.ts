import { join } from "node:path";
import { z } from "zod";
import { startEmulator } from "./index.ts";
import { SCENARIO_NAMES } from "./scenarios/index.ts";
import { fleetOfPods } from "./scenarios/scale.ts";

const Env = z.object({
  UPTRUST_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(6443),
  UPTRUST_EMULATOR_SPEED: z.coerce.number().min(1).max(100_000).default(360),
  UPTRUST_EMULATOR_LEAD_MINUTES: z.coerce.number().min(0).max(7 * 24 * 60).default(360),
  UPTRUST_DATA_DIR: z.string().min(1).default(".uptrust"),
  /** A file written by the emulator's snapshot(): serve that cluster instead of a fresh scenario. */
  UPTRUST_EMULATOR_RESTORE_FROM: z.string().min(1).optional(),
  /** How many pods the "scale" scenario runs (20 a Deployment, 100 a node). */
  UPTRUST_EMULATOR_PODS: z.coerce.number().int().min(1).max(100_000).default(10_000),
  UPTRUST_EMULATOR_SCENARIO: z.enum(SCENARIO_NAMES, { error: () => `unknown scenario; choose one of: ${SCENARIO_NAMES.join(", ")}` }).default("demo"),
});

const parsed = Env.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues) {
    console.error(`Uptrust emulator: invalid ${issue.path.join(".")}=${JSON.stringify(process.env[String(issue.path[0])])}: ${issue.message}`);
  }
  process.exit(2);
}
const env = parsed.data;
const kubeconfigPath = join(env.UPTRUST_DATA_DIR, "kubeconfig");
const emulator = await startEmulator({
  port: env.UPTRUST_EMULATOR_PORT,
  speed: env.UPTRUST_EMULATOR_SPEED,
  leadMinutes: env.UPTRUST_EMULATOR_LEAD_MINUTES,
  kubeconfigPath,
  restoreFrom: env.UPTRUST_EMULATOR_RESTORE_FROM,
  scenario: env.UPTRUST_EMULATOR_SCENARIO,
  size: fleetOfPods(env.UPTRUST_EMULATOR_PODS),
});
console.log(
  `Uptrust demo cluster (scenario ${env.UPTRUST_EMULATOR_SCENARIO}) serving at ${emulator.url} (replaying ${env.UPTRUST_EMULATOR_LEAD_MINUTES} min at ${env.UPTRUST_EMULATOR_SPEED}x); try: kubectl --kubeconfig ${kubeconfigPath} get pods -A`,
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

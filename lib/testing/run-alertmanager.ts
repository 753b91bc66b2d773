import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort, runReadyServer, type RunningPrometheus } from "@/lib/prometheus/testing/run-prometheus.ts";

// A real Alertmanager (Debian's prometheus-alertmanager) for tests, on a free port, with its config and
// state in `dir`. Gossip is off (--cluster.listen-address=): one instance, and no port 9094 taken.
export type RunningAlertmanager = RunningPrometheus;

export async function runAlertmanager(dir: string, configYaml: string): Promise<RunningAlertmanager> {
  const port = await freePort();
  writeFileSync(join(dir, "alertmanager.yml"), configYaml);
  const args = [`--config.file=${join(dir, "alertmanager.yml")}`, `--storage.path=${join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`, "--cluster.listen-address="];
  return runReadyServer("prometheus-alertmanager", args, port, dir, "Alertmanager (is Debian's prometheus-alertmanager package installed?)");
}

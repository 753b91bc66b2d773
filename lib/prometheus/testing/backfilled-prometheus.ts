import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

// A real Prometheus (Debian's package) serving history written beforehand with promtool's OpenMetrics
// backfill, so a test can ask about hours of past traffic without waiting for them to be scraped.
export type RunningPrometheus = { url: string; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = address && typeof address !== "string" ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

export async function startBackfilledPrometheus(openMetrics: string): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), "uptrust-prometheus-"));
  writeFileSync(join(dir, "history.om"), openMetrics.endsWith("# EOF\n") ? openMetrics : `${openMetrics}# EOF\n`);
  writeFileSync(join(dir, "prometheus.yml"), "global:\n  scrape_interval: 1m\n");
  const backfill = spawnSync("promtool", ["tsdb", "create-blocks-from", "openmetrics", join(dir, "history.om"), join(dir, "tsdb")], { encoding: "utf8" });
  if (backfill.status !== 0) throw new Error(`promtool could not backfill (is Debian's prometheus package installed?): ${backfill.stderr || backfill.error?.message}`);
  const port = await freePort();
  const child: ChildProcess = spawn("prometheus", [`--config.file=${join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${join(dir, "tsdb")}`, `--web.listen-address=127.0.0.1:${port}`], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`Prometheus did not become ready on port ${port}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

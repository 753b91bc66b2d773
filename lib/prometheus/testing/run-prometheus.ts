import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

// A real Prometheus (Debian's package) for tests, on a free port, with its config and data in `dir`.
export type RunningPrometheus = { url: string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = address && typeof address !== "string" ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/**
 * Starts a Prometheus-family server (`command` with `args`, listening on 127.0.0.1:`port`) and waits for its
 * /-/ready; stopping it removes `dir`. `what` names it and the Debian package in the error when it never answers.
 */
export async function runReadyServer(command: string, args: string[], port: number, dir: string, what: string): Promise<RunningPrometheus> {
  const child: ChildProcess = spawn(command, args, { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${what} did not become ready on port ${port}`);
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

/** Starts Prometheus on `dir`/prometheus.yml and `dir`/tsdb; stopping it removes `dir`. */
export async function runPrometheus(dir: string): Promise<RunningPrometheus> {
  const port = await freePort();
  const args = [`--config.file=${join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${join(dir, "tsdb")}`, `--web.listen-address=127.0.0.1:${port}`];
  return runReadyServer("prometheus", args, port, dir, "Prometheus (is Debian's prometheus package installed?)");
}

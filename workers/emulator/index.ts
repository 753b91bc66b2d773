import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createScenarioClock } from "./clock.ts";
import { writeKubeconfig } from "./kubeconfig.ts";
import { handle } from "./routes.ts";
import { demoBehavior, installDemo } from "./scenarios/demo.ts";
import { createCluster } from "./sim/cluster.ts";
import { sendStatus } from "./status.ts";

export type EmulatorOptions = {
  port?: number;
  speed?: number;
  leadMinutes?: number;
  seed?: number;
  kubeconfigPath?: string;
  /** Changes kept for watches; older resourceVersions get 410 Expired. */
  historyLimit?: number;
  /** Wall milliseconds between BOOKMARK events on watches that allow them. */
  bookmarkEveryMs?: number;
  /** Wall milliseconds between simulation ticks. */
  tickMs?: number;
};

export type Emulator = {
  url: string;
  port: number;
  kubeconfigPath?: string;
  scenarioNow(): Date;
  scenarioStart(): Date;
  caughtUp(): boolean;
  /** Drops watch history (etcd compaction) and ends open watches, as an API server restart would. */
  compactAndDropWatches(): void;
  stop(): Promise<void>;
};

export { demoGroundTruth, demoTimeline, DEMO } from "./scenarios/demo.ts";
export type { DemoGroundTruth } from "./scenarios/demo.ts";

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const speed = opts.speed ?? 360;
  const leadMinutes = opts.leadMinutes ?? 360;
  const clock = createScenarioClock({ wallStart: Date.now(), leadMs: leadMinutes * 60_000, speed });
  const cluster = createCluster({ start: clock.start, seed: opts.seed ?? 42, historyLimit: opts.historyLimit, behaviorFor: demoBehavior });
  installDemo(cluster, { start: clock.start, leadMinutes });
  cluster.advanceTo(clock.now());

  const openWatches = new Set<() => void>();
  let host = "127.0.0.1";
  const server = createServer((req, res) => {
    try {
      handle(
        { store: cluster.sim.store, logs: cluster.sim.logs, runs: cluster.kubelet.runs, now: () => clock.now(), host: () => host, openWatches, bookmarkEveryMs: opts.bookmarkEveryMs ?? 5_000 },
        req,
        res,
      );
    } catch (e) {
      if (!res.headersSent) sendStatus(res, 500, "InternalError", `emulator error: ${(e as Error).message}`);
      else res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  host = `127.0.0.1:${port}`;
  const url = `http://127.0.0.1:${port}`;

  const tick = setInterval(() => cluster.advanceTo(clock.now()), opts.tickMs ?? 100);
  if (opts.kubeconfigPath) await writeKubeconfig(opts.kubeconfigPath, url);

  return {
    url,
    port,
    kubeconfigPath: opts.kubeconfigPath,
    scenarioNow: () => new Date(clock.now()),
    scenarioStart: () => new Date(clock.start),
    caughtUp: () => clock.caughtUp(),
    compactAndDropWatches() {
      cluster.sim.store.compact();
      for (const close of [...openWatches]) close();
    },
    async stop() {
      clearInterval(tick);
      for (const close of [...openWatches]) close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

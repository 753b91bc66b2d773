import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { createScenarioClock } from "./clock.ts";
import { createFaults, type FaultControls } from "./faults.ts";
import { readSnapshot, restoredLeadMs } from "./snapshot.ts";
import type { ScaleSize } from "./scenarios/scale.ts";
import { selfSignedCert } from "./api-tls.ts";
import { writeKubeconfig } from "./kubeconfig.ts";
import { handle } from "./routes.ts";
import { bootedAt } from "./scenarios/ground-truth.ts";
import { SCENARIOS, type ScenarioName } from "./scenarios/index.ts";
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
  /** Which story the cluster tells (scenarios/index.ts); "demo" by default. */
  scenario?: ScenarioName;
  /** Serve the state saved by `snapshot(path)` (another process may have written it) instead of installing a scenario. */
  restoreFrom?: string;
  /** Fleet size for the "scale" scenario (default 10,000 pods: 500 deployments of 20 on 100 nodes). */
  size?: Partial<ScaleSize>;
  /** Require `Authorization: Bearer <token>` on every request but /healthz, /readyz and /livez. */
  token?: string;
  /** Serve https with this key pair, or with a fresh certificate for 127.0.0.1 ("self-signed"). */
  tls?: { cert: string; key: string } | "self-signed";
};

export type Emulator = FaultControls & {
  url: string;
  port: number;
  kubeconfigPath?: string;
  /** PEM of the certificate clients must trust when the emulator serves https. */
  caPem?: string;
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
  const restored = opts.restoreFrom ? await readSnapshot(opts.restoreFrom) : undefined;
  const clock = createScenarioClock({ wallStart: Date.now(), leadMs: restored ? restoredLeadMs(restored) : leadMinutes * 60_000, speed });
  const scenario = SCENARIOS[opts.scenario ?? "demo"];
  const timing = { start: clock.start, leadMinutes, size: opts.size };
  const cluster = createCluster({ start: bootedAt(clock.start), seed: opts.seed ?? 42, historyLimit: opts.historyLimit, behaviorFor: (pod) => scenario.behaviorFor(pod, timing) });
  if (restored) cluster.sim.store.importState(restored.store);
  else scenario.install(cluster, timing);
  cluster.advanceTo(clock.now());

  const openWatches = new Set<() => void>();
  let host = "127.0.0.1";
  const tls = opts.tls === "self-signed" ? await selfSignedCert() : opts.tls;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    if (faults.intercept(req, res, listener)) return;
    // A created object is stamped with the cluster's time: the controllers must have reached it, or they
    // would act on the object at a time before it existed.
    if (req.method === "POST") cluster.advanceTo(clock.now());
    try {
      handle(
        {
          store: cluster.sim.store,
          logs: cluster.sim.logs,
          runs: cluster.kubelet.runs,
          now: () => clock.now(),
          host: () => host,
          openWatches,
          bookmarkEveryMs: opts.bookmarkEveryMs ?? 5_000,
          token: opts.token,
          created: (resource, o) => cluster.apiCreated(resource, o),
        },
        req,
        res,
      );
    } catch (e) {
      if (!res.headersSent) sendStatus(res, 500, "InternalError", `emulator error: ${(e as Error).message}`);
      else res.end();
    }
  };
  const server = tls ? createTlsServer({ cert: tls.cert, key: tls.key }, listener) : createServer(listener);
  const faults = createFaults({ cluster, server, openWatches, scenarioNow: () => clock.now(), scenarioStart: restored?.scenarioStart ?? clock.start });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  host = `127.0.0.1:${port}`;
  const url = `${tls ? "https" : "http"}://127.0.0.1:${port}`;

  const tick = setInterval(() => cluster.advanceTo(clock.now()), opts.tickMs ?? 100);
  if (opts.kubeconfigPath) await writeKubeconfig(opts.kubeconfigPath, url, { token: opts.token, caPem: tls?.cert });

  return {
    url,
    port,
    kubeconfigPath: opts.kubeconfigPath,
    caPem: tls?.cert,
    ...faults.controls,
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

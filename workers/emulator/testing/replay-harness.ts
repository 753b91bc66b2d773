import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { getPool } from "@/lib/db/pool.ts";
import { rollupUsage } from "@/lib/db/ingest/rollup-usage.ts";
import { loadKubeTargets } from "@/lib/k8s/load-kubeconfig.ts";
import { runAnalysisCycle } from "@/workers/analyze/run-analysis-cycle.ts";
import { ingestConfig } from "@/workers/ingest/config.ts";
import { startIngest, type RunningIngest } from "@/workers/ingest/start-ingest.ts";
import { startEmulator, type Emulator } from "../index.ts";
import type { ScenarioName } from "../scenarios/index.ts";

// A scenario played fast on the emulator, ingested by the real ingest worker and analysed once by the
// real analyzer: the harness of the tests that hold Uptrust's findings to what happened in the cluster.

export const REPLAY_SPEED = 720;

export type StoredIncident = {
  id: string;
  workload: string;
  reason: string;
  started_at: Date;
  detected_at: Date;
  resolved_at: Date | null;
  occurrences: number;
  last_occurrence_at: Date | null;
};

export async function storedIncidents(): Promise<StoredIncident[]> {
  const incidents = (
    await getPool().query<StoredIncident>(
      `SELECT i.id, w.name AS workload, i.reason, i.started_at, i.detected_at, i.resolved_at, i.occurrences, i.last_occurrence_at
         FROM incidents i JOIN workloads w ON w.id = i.workload_id ORDER BY i.started_at`,
    )
  ).rows;
  // Whatever the story, no incident is detected before it started or after it was over (time to detect
  // never exceeds time to resolve), however far apart the analysis cycles ran in cluster time.
  for (const i of incidents) {
    expect(i.detected_at.getTime(), `${i.workload} ${i.reason}`).toBeGreaterThanOrEqual(i.started_at.getTime());
    if (i.resolved_at) expect(i.detected_at.getTime(), `${i.workload} ${i.reason}`).toBeLessThanOrEqual(i.resolved_at.getTime());
  }
  return incidents;
}

export type ReplayOptions = {
  leadMinutes: number;
  /** Roll usage up into 5-minute buckets once before analysing (the worker does it once a wall minute). */
  rollups?: boolean;
  /** Poll metrics this often (ms) instead of every 200 ms, for stories judged on sample counts. */
  metricsPollMs?: number;
  /** What an SRE does to the cluster once it serves and ingest watches it (e.g. kubectl create -f). */
  onStart?(emulator: Emulator): Promise<void>;
};

export type Replay = { emulator: Emulator; incidents: StoredIncident[]; ingestLog: string[] };

export function createReplayHarness() {
  let emulator: Emulator | undefined;
  let ingest: RunningIngest | undefined;
  const lines: string[] = [];

  // The last batches have landed once what is stored stops moving for a while (a loaded machine takes
  // longer than an idle one; a fixed pause would be too short there or wasteful here).
  async function settled(db: ReturnType<typeof getPool>) {
    const fingerprint = async () =>
      JSON.stringify(
        (
          await db.query(
            `SELECT (SELECT count(*) FROM k8s_events) AS e, (SELECT count(*) FROM workload_status) AS s, (SELECT count(*) FROM changes) AS c,
                    (SELECT max(updated_at) FROM pods) AS p, (SELECT count(*) FROM log_lines) AS l`,
          )
        ).rows[0],
      );
    let last = await fingerprint();
    let stableSince = Date.now();
    const deadline = Date.now() + 30_000;
    while (Date.now() - stableSince < 1500 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      const now = await fingerprint();
      if (now !== last) [last, stableSince] = [now, Date.now()];
    }
  }

  // The ingest worker rolls usage up into 5-minute buckets once a wall minute; a replay of a few seconds
  // ends before its first run, so stories about usage (`rollups`) run that step once here, as it would.
  // `metricsPollMs`: stories judged on how many usage samples they hold (KRR wants 100) poll metrics
  // faster: at 720x a 200 ms poll sees a new metrics minute only every few cluster-minutes, which on a
  // loaded machine leaves a two-replica workload just short of 100.
  async function replay(scenario: ScenarioName, opts: ReplayOptions): Promise<Replay> {
    const db = getPool();
    await db.query("TRUNCATE clusters, mttr_weeks CASCADE");
    const kubeconfigPath = join(mkdtempSync(join(tmpdir(), "uptrust-scenario-")), "kubeconfig");
    emulator = await startEmulator({ port: 0, speed: REPLAY_SPEED, leadMinutes: opts.leadMinutes, seed: 42, kubeconfigPath, scenario });
    lines.length = 0;
    // The worker's own defaults, validated as in production, with the knobs these tests turn.
    const config = ingestConfig({ UPTRUST_METRICS_POLL_MS: String(opts.metricsPollMs ?? 200), UPTRUST_LOG_MAX_FOLLOWERS: "100" });
    ingest = startIngest({ db, targets: loadKubeTargets({ kubeconfigPath }), config, log: (m) => lines.push(m) });
    await opts.onStart?.(emulator);
    const deadline = Date.now() + 60_000;
    while (!emulator.caughtUp()) {
      if (Date.now() > deadline) throw new Error(`scenario ${scenario} never caught up; ingest said:\n${lines.slice(-20).join("\n")}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await settled(db);
    if (opts.rollups) for (const { id } of (await db.query<{ id: string }>("SELECT id FROM clusters")).rows) await rollupUsage(db, id);
    const outcomes = await runAnalysisCycle();
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length) throw new Error(`the analysis cycle failed: ${JSON.stringify(failed)}`);
    return { emulator, incidents: await storedIncidents(), ingestLog: lines };
  }

  async function stop() {
    await ingest?.stop();
    await emulator?.stop();
    ingest = undefined;
    emulator = undefined;
  }

  return { replay, stop };
}

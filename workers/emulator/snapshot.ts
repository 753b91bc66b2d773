import { readFile, writeFile } from "node:fs/promises";
import type { Store, StoreState } from "./store.ts";

/** What a restarted emulator needs to serve the same cluster: objects, resourceVersions, watch history and the scenario time. */
export type Snapshot = { version: 1; scenarioStart: number; scenarioNow: number; store: StoreState };

export async function writeSnapshot(path: string, from: { store: Store; scenarioStart: number; scenarioNow: number }) {
  const snapshot: Snapshot = { version: 1, scenarioStart: from.scenarioStart, scenarioNow: from.scenarioNow, store: from.store.exportState() };
  await writeFile(path, JSON.stringify(snapshot));
}

export async function readSnapshot(path: string): Promise<Snapshot> {
  let parsed: Snapshot;
  try {
    parsed = JSON.parse(await readFile(path, "utf8")) as Snapshot;
  } catch (e) {
    throw new Error(`Uptrust emulator: cannot restore from ${path}: ${(e as Error).message}`);
  }
  if (parsed.version !== 1 || !parsed.store?.objects) throw new Error(`Uptrust emulator: ${path} is not an emulator snapshot`);
  return parsed;
}

/**
 * A restored cluster resumes at the snapshot's scenario time: the wall time it was down for is
 * replayed at the scenario's speed, so timestamps never go backwards.
 */
export const restoredLeadMs = (snapshot: Snapshot, wallNow = Date.now()) => Math.max(0, wallNow - snapshot.scenarioNow);

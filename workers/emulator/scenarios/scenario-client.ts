import { afterAll, vi } from "vitest";
import { startEmulator, type Emulator } from "../index.ts";
import type { KObj } from "../store.ts";
import type { ScenarioName } from "./index.ts";

// What an SRE's tools see of a scenario: the emulator over HTTP, read at chosen moments of its story.

const MIN = 60_000;
// 600x: one scenario minute every 100 ms of wall time.
export const TEST_SPEED = 600;

export type ScenarioRun = {
  emu: Emulator;
  start: number;
  get<T = KObj>(path: string): Promise<T>;
  list(path: string): Promise<KObj[]>;
  /** Log lines with kubelet's RFC3339 timestamps, parsed. */
  logs(namespace: string, pod: string): Promise<{ time: number; text: string }[]>;
  /** Resolves once the scenario clock has passed this many minutes after its start. */
  reach(minutes: number): Promise<void>;
  offsetOf(iso: string): number;
};

export async function runScenario(scenario: ScenarioName, leadMinutes: number, seed = 42): Promise<ScenarioRun> {
  const emu = await startEmulator({ port: 0, speed: TEST_SPEED, leadMinutes, seed, scenario, tickMs: 20 });
  const start = emu.scenarioStart().getTime();
  const get = async <T>(path: string) => {
    const res = await fetch(`${emu.url}${path}`);
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    emu,
    start,
    get,
    list: async (path) => (await get<{ items: KObj[] }>(path)).items,
    async logs(namespace, pod) {
      const res = await fetch(`${emu.url}/api/v1/namespaces/${namespace}/pods/${pod}/log?timestamps=true`);
      if (!res.ok) return [];
      const text = await res.text();
      const out: { time: number; text: string }[] = [];
      for (const line of text.split("\n")) {
        const m = /^(\S+Z) (.*)$/.exec(line);
        if (m) out.push({ time: Date.parse(m[1]), text: m[2] });
      }
      return out;
    },
    async reach(minutes) {
      while (emu.scenarioNow().getTime() < start + minutes * MIN) await new Promise((r) => setTimeout(r, 20));
      // One more tick so the cluster has caught up with the clock.
      await new Promise((r) => setTimeout(r, 60));
    },
    offsetOf: (iso) => (Date.parse(iso) - start) / MIN,
  };
}

export const podsOf = (pods: KObj[], app: string) => pods.filter((p) => p.metadata.labels?.app === app);
export const waitingReason = (p: KObj): string | undefined => p.status?.containerStatuses?.[0]?.state?.waiting?.reason;

/** Starts scenarios for one test file and stops them all after it; each story takes seconds to unfold. */
export function scenarioStarter() {
  const runs: ScenarioRun[] = [];
  afterAll(() => Promise.all(runs.map((r) => r.emu.stop())));
  vi.setConfig({ testTimeout: 20_000 });
  return async (...args: Parameters<typeof runScenario>) => {
    const run = await runScenario(...args);
    runs.push(run);
    return run;
  };
}

/** metrics.k8s.io quantities as the emulator writes them: CPU in nanocores, memory in KiB. */
export const milli = (cpu: string) => Number(cpu.replace(/n$/, "")) / 1e6;
export const mebi = (mem: string) => Number(mem.replace(/Ki$/, "")) / 1024;

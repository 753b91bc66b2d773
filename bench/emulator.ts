// How the Uptrust emulator holds up at fleet size: list latency, watch throughput and memory at
// 1,000 and 10,000 pods. Each size runs in a fresh process so its RSS is its own.
// Run: npm run bench:emulator   (or: npx tsx bench/emulator.ts [pods ...])
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@/workers/emulator/index.ts";
import { fleetOfPods } from "@/workers/emulator/scenarios/scale.ts";

type Figures = {
  pods: number;
  startupS: number;
  listBytes: number;
  listP50Ms: number;
  listP95Ms: number;
  stringifyMs: number;
  watchEvents: number;
  burstMs: number;
  watchPerS: number;
  rssMb: number;
};

const TARGETS = { listMs: 1000, watchPerS: 2000 };

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function measure(pods: number): Promise<Figures> {
  const size = fleetOfPods(pods);
  const began = performance.now();
  // One scenario minute of history: every pod is created, scheduled, started and ready before serving.
  const emu = await startEmulator({ scenario: "scale", size, leadMinutes: 1, speed: 60, seed: 1 });
  const startupS = (performance.now() - began) / 1000;
  try {
    // Startup took a while at 10k pods: let the simulation catch up on that time before measuring.
    await fetch(`${emu.url}/api/v1/pods`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 2000));
    const lists: number[] = [];
    let body = "";
    for (let i = 0; i < (pods > 5000 ? 10 : 30); i++) {
      const t = performance.now();
      body = await (await fetch(`${emu.url}/api/v1/pods`)).text();
      lists.push(performance.now() - t);
    }
    const items = JSON.parse(body).items;
    const stringifies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      JSON.stringify({ kind: "PodList", apiVersion: "v1", metadata: {}, items });
      stringifies.push(performance.now() - t);
    }

    const rv = JSON.parse(body).metadata.resourceVersion;
    const watchEvents = Math.max(5000, pods * 2);
    const res = await fetch(`${emu.url}/api/v1/pods?watch=1&resourceVersion=${rv}`);
    const reader = res.body!.getReader();
    const t0 = performance.now();
    emu.burstPodUpdates(watchEvents);
    const burstMs = performance.now() - t0;
    let seen = 0;
    const decoder = new TextDecoder();
    while (seen < watchEvents) {
      const { value, done } = await reader.read();
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) seen++;
    }
    const watchS = (performance.now() - t0) / 1000;
    await reader.cancel();
    global.gc?.();
    return {
      pods: items.length,
      startupS,
      listBytes: body.length,
      listP50Ms: percentile(lists, 50),
      listP95Ms: percentile(lists, 95),
      stringifyMs: percentile(stringifies, 50),
      watchEvents: seen,
      burstMs,
      watchPerS: seen / watchS,
      rssMb: process.memoryUsage().rss / 2 ** 20,
    };
  } finally {
    await emu.stop();
  }
}

function report(all: Figures[]) {
  const ok = (pass: boolean) => (pass ? "ok  " : "MISS");
  console.log("\nUptrust emulator at scale (one process per size; client in the same process)\n");
  for (const f of all) {
    console.log(`${f.pods} pods  (startup ${f.startupS.toFixed(1)} s, list body ${(f.listBytes / 2 ** 20).toFixed(1)} MB, RSS ${f.rssMb.toFixed(0)} MB)`);
    console.log(`  ${ok(f.listP95Ms < TARGETS.listMs)} full pod list   p50 ${f.listP50Ms.toFixed(0)} ms  p95 ${f.listP95Ms.toFixed(0)} ms  (target < ${TARGETS.listMs} ms; JSON.stringify of the same items ${f.stringifyMs.toFixed(0)} ms, ratio ${(f.listP50Ms / f.stringifyMs).toFixed(1)}x)`);
    console.log(`  ${ok(f.watchPerS >= TARGETS.watchPerS)} watch events    ${f.watchPerS.toFixed(0)} /s over ${f.watchEvents} pod updates (target >= ${TARGETS.watchPerS}/s; writing the burst took ${f.burstMs.toFixed(0)} ms of it)`);
  }
}

const childAt = process.argv.indexOf("--child");
if (childAt >= 0) {
  console.log(JSON.stringify(await measure(Number(process.argv[childAt + 1]))));
} else {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const all: Figures[] = [];
  for (const pods of sizes.length ? sizes : [1000, 10000]) {
    const out = execFileSync(process.execPath, [...process.execArgv, "--expose-gc", fileURLToPath(import.meta.url), "--child", String(pods)], { encoding: "utf8", maxBuffer: 1 << 20 });
    all.push(JSON.parse(out.trim().split("\n").at(-1)!));
    console.log(`measured ${pods} pods`);
  }
  report(all);
}

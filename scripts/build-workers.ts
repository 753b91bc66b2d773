import { build } from "esbuild";

// `npm run build:workers`: the ingest worker as one plain-JavaScript file (dist/workers/ingest.mjs),
// its npm dependencies left to Node. Run through a TypeScript loader the worker carries every loaded
// module's transform in memory: about 100 MB of a 10,000-pod worker's 256 MiB budget (see bench/).

const ENTRIES = { ingest: "workers/ingest/main.ts" };
/** What the build produces: the files docker-compose.yml, npm start and the benchmarks run. */
export const BUILT_WORKERS = Object.keys(ENTRIES).map((name) => `dist/workers/${name}.mjs`);

// How Node runs the ingest worker everywhere (npm scripts, npm start, docker-compose, benchmarks).
// V8 grows its heap lazily up to a quarter of the machine's memory; at 10,000 pods the worker's live
// data fits in well under 192 MB, and a cap makes V8 collect instead of growing: RSS 217 MB instead of
// 315 MB in bench:ingest. Write buffers (UPTRUST_INGEST_BUFFER_ROWS) are sized to fit inside it.
export const INGEST_NODE_FLAGS = ["--enable-source-maps", "--max-old-space-size=192"];

export async function buildWorkers(): Promise<string[]> {
  await build({
    entryPoints: ENTRIES,
    outdir: "dist/workers",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
  return BUILT_WORKERS;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = await buildWorkers();
  console.log(`built ${built.join(", ")}`);
}

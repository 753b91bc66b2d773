// The web server's Node flags, wherever it runs (npm start, bench:web, the Dockerfile and docker-compose.yml, which
// write the same string; scripts/docker-compose.test.ts holds them equal). A cockpit render at 10,000 pods allocates
// a few megabytes (thousands of headline rows, the page's HTML): a 64 MB young generation instead of V8's 16 MB keeps
// most of it from being promoted and collected again (bench:web's home p50 went from 111–150 ms to 104–106 ms).
export const WEB_NODE_OPTIONS = "--max-semi-space-size=64";

/** NODE_OPTIONS for the web server: the caller's own options, then the web's. */
export function webNodeOptions(env: NodeJS.ProcessEnv): string {
  return [env.NODE_OPTIONS, WEB_NODE_OPTIONS].filter(Boolean).join(" ");
}

// The web server's Node flags, wherever it runs (npm start, bench:web, the Dockerfile and docker-compose.yml, which
// write the same string). A cockpit render allocates a few megabytes (thousands of headline rows, the page's HTML):
// with V8's default 16 MB young generation, each request promoted garbage and the slowest tenth waited on full
// collections; 64 MB keeps a request's garbage young (bench:web p95 at 10,000 pods).
export const WEB_NODE_OPTIONS = "--max-semi-space-size=64";

/** NODE_OPTIONS for the web server: the caller's own options, then the web's. */
export function webNodeOptions(env: NodeJS.ProcessEnv): string {
  return [env.NODE_OPTIONS, WEB_NODE_OPTIONS].filter(Boolean).join(" ");
}

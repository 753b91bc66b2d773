import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

// Every page and route handler under app/, found by walking the folder rather than kept by hand, so a
// route added tomorrow is checked by the same tests as today's: the static check that it calls the gate
// (route-inventory.test.ts) and the end-to-end proof that it turns away a visitor without a session
// (e2e/gate.spec.ts).

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type AppRoute = {
  /** The file, relative to the repository (e.g. app/incidents/[id]/page.tsx). */
  file: string;
  kind: "page" | "route";
  /** The path as the file system spells it, e.g. /incidents/[id]. */
  pattern: string;
  /** A path a browser could open: dynamic segments filled with values of the right shape. */
  url: string;
  /** For route handlers, the HTTP methods the file exports. */
  methods: HttpMethod[];
  source: string;
};

/** The paths anyone may open without a session, each with the reason it is safe. Everything else is gated. */
export const PUBLIC_ROUTES: { prefix: string; exact?: boolean; reason: string }[] = [
  { prefix: "/login", exact: true, reason: "the sign-in page: nobody has a session before it" },
  { prefix: "/api/auth/", reason: "the sign-in flow itself (provider callback, CSRF token, sign-out)" },
  { prefix: "/api/health", exact: true, reason: "the load balancers' probe; without a session it answers only {ok, status}" },
  { prefix: "/metrics", exact: true, reason: "Prometheus's scrape, proven by UPTRUST_METRICS_TOKEN as a bearer token; without it 401" },
  { prefix: "/api/alerts/alertmanager", exact: true, reason: "Alertmanager's webhook, proven by UPTRUST_ALERTMANAGER_TOKEN as a bearer token; without it 401" },
  { prefix: "/share/", reason: "a share link's token is its own proof; unknown, expired and revoked tokens get 404" },
  { prefix: "/api/share/", reason: "the live data behind a share page, proven by the same token; unknown tokens get 404" },
];

export function publicReason(route: Pick<AppRoute, "pattern">): string | null {
  const rule = PUBLIC_ROUTES.find((r) => (r.exact ? route.pattern === r.prefix : route.pattern.startsWith(r.prefix)));
  return rule?.reason ?? null;
}

// Values that pass each route's own parsing, so a gate that ran after the parsing would still be reached.
const SAMPLE_UUID = "3f1c9a52-7d4e-4b8a-9c21-5e6f7a8b9c0d";
// The shape of a share token: 256 bits in base64url.
const SAMPLE_TOKEN = "q7Yx3vN0dM2kPz8sLw4tRb6hJf1cGe9aUo5iKy2nXs0";

function sampleSegment(name: string): string {
  if (name === "id" || name.endsWith("Id")) return SAMPLE_UUID;
  if (name === "token") return SAMPLE_TOKEN;
  if (name === "nextauth") return "session";
  return `sample-${name}`;
}

/** The URL segment a folder adds: groups "(x)" and slots "@x" add none; "[x]" and "[...x]" take a sample value. */
function urlSegment(folder: string): string | null {
  if (/^\(.*\)$/.test(folder) || folder.startsWith("@") || /^\[\[\.\.\..+\]\]$/.test(folder)) return null;
  const dynamic = /^\[(?:\.\.\.)?(.+)\]$/.exec(folder);
  return dynamic ? sampleSegment(dynamic[1]) : folder;
}

/** The HTTP methods a route file exports, in any of the forms Next accepts. */
export function exportedMethods(source: string): HttpMethod[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s+(\w+)\s*=/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}\s*=/g)) {
    for (const part of m[1].split(",")) names.add(part.split(":").pop()!.trim());
  }
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) names.add(part.split(/\s+as\s+/).pop()!.trim());
  }
  return HTTP_METHODS.filter((method) => names.has(method));
}

/** Every page.tsx and route.ts under `appDir`, with a URL to try it at. Private folders ("_x") are not routes. */
export function listAppRoutes(appDir: string, root = join(appDir, "..")): AppRoute[] {
  const found: AppRoute[] = [];
  const walk = (dir: string, patternParts: string[], urlParts: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_")) continue;
        const segment = urlSegment(entry.name);
        walk(full, segment === null ? patternParts : [...patternParts, entry.name], segment === null ? urlParts : [...urlParts, segment]);
        continue;
      }
      const kind = /^page\.(tsx|ts|jsx|js)$/.test(entry.name) ? "page" : /^route\.(ts|js)$/.test(entry.name) ? "route" : null;
      if (!kind) continue;
      const source = readFileSync(full, "utf8");
      found.push({
        file: relative(root, full),
        kind,
        pattern: `/${patternParts.join("/")}`,
        url: `/${urlParts.join("/")}`,
        methods: kind === "route" ? exportedMethods(source) : [],
        source,
      });
    }
  };
  walk(appDir, [], []);
  return found;
}

// Each exported handler's own text, from its `export` to the next one, to see that it calls the gate itself.
function handlerBody(source: string, method: HttpMethod): string | null {
  const start = source.search(new RegExp(`export\\s+(?:async\\s+)?function\\s+${method}\\b`));
  if (start < 0) return null;
  const next = source.slice(start + 1).search(/\nexport\s/);
  return next < 0 ? source.slice(start) : source.slice(start, start + 1 + next);
}

/**
 * Why a route breaks the rule that every gated page calls gatePage and every gated handler calls gateRoute
 * itself (the proxy's check alone is one matcher away from missing it); empty when it keeps it.
 */
export function gateProblems(route: AppRoute): string[] {
  if (publicReason(route)) return [];
  if (route.kind === "page") return /\bgatePage\(/.test(route.source) ? [] : [`${route.file} must call gatePage() before it reads anything`];
  if (route.methods.length === 0) return [`${route.file} exports no HTTP method this check can read (export async function GET(req) …)`];
  return route.methods.flatMap((method) => {
    const body = handlerBody(route.source, method);
    if (body === null) return [`${route.file} exports ${method} in a form whose gate cannot be checked; write export async function ${method}(req)`];
    return /\bgateRoute\(/.test(body) ? [] : [`${route.file}: ${method} must call gateRoute(req) before it reads anything`];
  });
}

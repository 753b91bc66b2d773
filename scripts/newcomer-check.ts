// What a newcomer does after `npm start`, done over HTTP so CI can hold the README to it: wait until the
// cockpit answers, sign in through the development OpenID Provider (demo / demo) exactly as a browser
// would (Auth.js sign-in, the provider's login form, the callback), then read the cockpit until the demo
// cluster's SLOs are on it. Exits non-zero with what went wrong.
//   npx tsx scripts/newcomer-check.ts [http://localhost:3000] [timeout seconds, default 600]

const base = (process.argv[2] ?? "http://localhost:3000").replace(/\/+$/, "");
const deadline = Date.now() + Number(process.argv[3] ?? 600) * 1000;
const jar = new Map<string, string>();
const log = (msg: string) => console.log(`[newcomer] ${msg}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Every server here is on localhost, so one jar keyed by cookie name stands in for the browser's.
async function request(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
  const res = await fetch(url, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(";");
    const eq = pair.indexOf("=");
    const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
    const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
    if (expired) jar.delete(name);
    else jar.set(name, value);
  }
  return res;
}

async function waitForHealth() {
  let last = "no answer yet";
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}: ${await res.text()}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(2_000);
  }
  throw new Error(`${base}/api/health never answered 200 (last: ${last})`);
}

async function signIn() {
  const csrf = (await (await request(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  let res = await request(`${base}/api/auth/signin/oidc`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: `${base}/` }),
  });
  let url = `${base}/api/auth/signin/oidc`;
  let submitted = false;
  for (let hop = 0; hop < 20; hop++) {
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).toString();
      res = await request(url);
      continue;
    }
    const html = await res.text();
    const form = /<form[^>]*action="(\/interaction\/[^"]+\/login)"/.exec(html);
    if (res.ok && form && !submitted) {
      submitted = true;
      url = new URL(form[1], url).toString();
      res = await request(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ login: "demo", password: "demo" }),
      });
      continue;
    }
    if (res.ok && url.startsWith(base) && !new URL(url).pathname.startsWith("/login")) return url;
    throw new Error(`sign-in stopped at ${url} with HTTP ${res.status}: ${html.replace(/\s+/g, " ").slice(0, 300)}`);
  }
  throw new Error("sign-in went round more than 20 redirects");
}

type CockpitRead = { clusters: { name: string; status: string }[]; slos: unknown[]; incidents: unknown[]; recommendations: unknown[] };

async function readCockpit(): Promise<CockpitRead> {
  let last = "nothing read yet";
  while (Date.now() < deadline) {
    const res = await request(`${base}/api/cockpit`);
    if (res.ok) {
      const cockpit = (await res.json()) as CockpitRead;
      if (cockpit.clusters.length > 0 && cockpit.slos.length > 0) return cockpit;
      last = `${cockpit.clusters.length} clusters, ${cockpit.slos.length} SLOs`;
    } else {
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
    }
    await sleep(3_000);
  }
  throw new Error(`the cockpit never showed the demo cluster's SLOs (last read: ${last})`);
}

async function main() {
  log(`waiting for ${base}/api/health`);
  await waitForHealth();
  const landed = await signIn();
  const session = (await (await request(`${base}/api/auth/session`)).json()) as { user?: { name?: string } } | null;
  if (!session?.user) throw new Error("signed in, but /api/auth/session has no user");
  log(`signed in as ${session.user.name ?? "(no name)"}; landed on ${landed}`);
  const page = await request(`${base}/`);
  if (page.status !== 200) throw new Error(`the cockpit page answered HTTP ${page.status} after sign-in`);
  const cockpit = await readCockpit();
  const clusters = cockpit.clusters.map((c) => `${c.name} (${c.status})`).join(", ");
  log(`cockpit: ${clusters}; ${cockpit.slos.length} SLOs, ${cockpit.incidents.length} incidents, ${cockpit.recommendations.length} right-sizing rows`);
}

main().catch((err) => {
  console.error(`[newcomer] FAILED: ${(err as Error).message}`);
  process.exit(1);
});

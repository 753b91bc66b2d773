import { fileURLToPath } from "node:url";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { listAppRoutes, PUBLIC_ROUTES, publicReason, type AppRoute, type HttpMethod } from "../lib/auth/route-inventory.ts";
import { loginAs } from "./pages/login-page.ts";

// One gate for every route: app/ is walked when the tests load, so a page or handler added later is tried
// like every other. Without a session each gated page sends the browser to sign in and each handler
// answers 401; the public ones (lib/auth/route-inventory.ts PUBLIC_ROUTES, each with its reason) answer
// what their reason promises. Then the headers every response carries: a fresh script nonce, HSTS behind https.

type Probe = { route: AppRoute; method: HttpMethod; name: string };

const routes = listAppRoutes(fileURLToPath(new URL("../app", import.meta.url)));
const probes: Probe[] = routes.flatMap((route) =>
  (route.kind === "page" ? (["GET"] as const) : route.methods).map((method) => ({ route, method, name: `${method} ${route.url} (${route.file})` })),
);
const gated = probes.filter((p) => !publicReason(p.route));
const demo = { user: "demo", password: "demo" };

/** What a visitor without a (live) session must get: sign-in for pages, a 401 with a sentence for handlers. */
async function expectTurnedAway(res: APIResponse, probe: Probe): Promise<{ signedOut: string | null }> {
  if (probe.route.kind === "page") {
    expect([302, 303, 307], probe.name).toContain(res.status());
    const login = new URL(res.headers()["location"] ?? "", "http://uptrust.invalid");
    expect(login.pathname, probe.name).toBe("/login");
    expect(login.searchParams.get("callbackUrl"), probe.name).toBe(probe.route.url);
    return { signedOut: login.searchParams.get("signedOut") };
  }
  expect(res.status(), probe.name).toBe(401);
  const body = await res.json();
  expect(typeof body.error === "string" && body.error.length > 0, `${probe.name} says why: ${JSON.stringify(body)}`).toBe(true);
  return { signedOut: body.signedOut ?? null };
}

// What each public path promises a visitor without a session, keyed like PUBLIC_ROUTES.
const PUBLIC_ANSWERS: Record<string, (res: APIResponse, probe: Probe) => Promise<void>> = {
  "/login": async (res) => {
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("Sign in with");
  },
  // Auth.js answers its own endpoints; without a session they name nobody.
  "/api/auth/": async (res, probe) => {
    expect(res.status(), probe.name).toBeLessThan(500);
    expect(await res.json(), probe.name).toBeNull();
  },
  "/api/health": async (res) => {
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ ok: true, status: "up" });
  },
  "/metrics": async (res) => {
    expect(res.status()).toBe(401);
    expect((await res.json()).error).toMatch(/UPTRUST_METRICS_TOKEN/);
  },
  "/api/alerts/alertmanager": async (res) => {
    expect(res.status()).toBe(401);
    expect((await res.json()).error).toMatch(/UPTRUST_ALERTMANAGER_TOKEN/);
  },
  "/share/": async (res, probe) => expect(res.status(), `${probe.name}: an unknown token`).toBe(404),
  "/api/share/": async (res, probe) => expect(res.status(), `${probe.name}: an unknown token`).toBe(404),
};

test.describe("without a session", () => {
  test("every route under app/ is either gated or a listed public path, and the walk found the app's own routes", () => {
    expect(routes.some((r) => r.file === "app/page.tsx")).toBe(true);
    expect(gated.length).toBeGreaterThan(0);
    // A handler whose methods cannot be read would otherwise be skipped without a word.
    for (const route of routes.filter((r) => r.kind === "route")) expect(route.methods.length, route.file).toBeGreaterThan(0);
    for (const rule of PUBLIC_ROUTES) expect(PUBLIC_ANSWERS[rule.prefix], `what ${rule.prefix} answers is checked`).toBeDefined();
  });

  for (const probe of probes) {
    const reason = publicReason(probe.route);
    test(`${probe.name} ${reason ? `is public: ${reason}` : "is turned away"}`, async ({ request }) => {
      const res = await request.fetch(probe.route.url, { method: probe.method, maxRedirects: 0 });
      if (!reason) {
        await expectTurnedAway(res, probe);
        return;
      }
      const rule = PUBLIC_ROUTES.find((r) => r.reason === reason)!;
      await PUBLIC_ANSWERS[rule.prefix](res, probe);
    });
  }
});

test("a signed-out session's cookie is refused by every gated page and handler itself, not only by the proxy", async ({ page, playwright, baseURL }) => {
  await loginAs(page, demo);
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
  // The replayed cookie still passes the proxy's signature check; only the gate knows the session ended,
  // and it says so (signedOut), which the proxy never does.
  const replay = await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] } });
  for (const probe of gated) {
    const res = await replay.fetch(probe.route.url, { method: probe.method, maxRedirects: 0 });
    expect((await expectTurnedAway(res, probe)).signedOut, probe.name).toBe("signed-out");
  }
  await replay.dispose();
});

test("a change sent from another site is refused (403) even with a valid session", async ({ page }) => {
  await loginAs(page, demo);
  const changes = gated.filter((p) => p.route.kind === "route" && !["GET", "HEAD", "OPTIONS"].includes(p.method));
  expect(changes.length).toBeGreaterThan(0);
  for (const probe of changes) {
    const res = await page.request.fetch(probe.route.url, {
      method: probe.method,
      headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site", "content-type": "application/json" },
      data: {},
    });
    expect(res.status(), probe.name).toBe(403);
    expect((await res.json()).error, probe.name).toMatch(/cross-site request may not change anything in Uptrust/);
  }
  // From Uptrust's own page the handler gets the request, body and all (the proxy forwards it with the nonce).
  const own = await page.request.post("/api/slos", {
    headers: { origin: new URL(page.url()).origin, "sec-fetch-site": "same-origin" },
    data: { workload: "shop/checkout", name: "checkout-latency", indicator: "latency", target: 2 },
  });
  expect(own.status()).toBe(400);
  expect((await own.json()).error).toMatch(/^target: must be below 1/);
});

const nonceOf = (res: APIResponse) => /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];

/** The response's nonce, after checking that every <script> in its HTML carries it. */
async function expectScriptsCarryNonce(res: APIResponse): Promise<string> {
  const nonce = nonceOf(res);
  expect(nonce, "the CSP names a nonce").toBeTruthy();
  const scripts = [...(await res.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(` nonce="${nonce}"`);
  return nonce!;
}

test("every page's scripts carry the nonce of its own response, new each time", async ({ request, page }) => {
  const first = await expectScriptsCarryNonce(await request.get("/login"));
  const second = await expectScriptsCarryNonce(await request.get("/login"));
  expect(second).not.toBe(first);
  await loginAs(page, demo);
  const cockpit = await expectScriptsCarryNonce(await page.request.get("/"));
  expect([first, second]).not.toContain(cockpit);
});

/** Records every Content-Security-Policy complaint the browser makes on Uptrust's own pages. */
async function watchPolicyViolations(page: Page, origin: string): Promise<string[]> {
  const seen: string[] = [];
  // Chromium logs each violation; the event also catches any it might report without a log line.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const where = `${e.sourceFile}:${e.lineNumber}:${e.columnNumber} on ${location.pathname}`;
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} at ${where}`);
    });
  });
  page.on("console", (msg) => {
    if (page.url().startsWith(origin) && /Content Security Policy/i.test(msg.text())) seen.push(msg.text());
  });
  return seen;
}

test("the cockpit, an incident, the not-found page and the login page work under the policy without a single violation", async ({ page, baseURL }) => {
  // The demo cluster may take two minutes to open its first incident; then about ten pages load.
  test.setTimeout(360_000);
  const violations = await watchPolicyViolations(page, baseURL!);
  await page.goto("/login");
  await expect(page.getByRole("button", { name: /^Sign in with / })).toBeVisible();
  await loginAs(page, demo);
  // The live view polls from the browser: its scripts ran.
  await page.waitForRequest((req) => new URL(req.url()).pathname === "/api/cockpit");
  await expect(page.getByTestId("user-name")).toHaveText("Demo SRE");
  let incident: { id: string; active: boolean } | undefined;
  await expect(async () => {
    const cockpit = await (await page.request.get("/api/cockpit")).json();
    incident = cockpit.incidents.find((i: { active: boolean }) => i.active) ?? cockpit.incidents[0];
    expect(incident, "the demo cluster has opened an incident").toBeTruthy();
  }).toPass({ timeout: 150_000, intervals: [2000, 5000] });
  const polled = page.waitForRequest((req) => new URL(req.url()).pathname === `/api/incidents/${incident!.id}`, { timeout: 70_000 });
  await page.goto(`/incidents/${incident!.id}`);
  await polled;
  // Every other kind of page the cockpit and the incident link to (SLO, right-sizing, capacity, postmortem...).
  const linked = new Map<string, string>();
  for (const from of ["/", `/incidents/${incident!.id}`]) {
    await page.goto(from);
    for (const href of await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
      const path = new URL(href, baseURL).pathname;
      linked.set(path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "[id]").replace(/^\/capacity\/.*/, "/capacity/[pool]"), path);
    }
  }
  expect(linked.size, `pages linked: ${[...linked.keys()].join(", ")}`).toBeGreaterThan(4);
  for (const path of linked.values()) {
    if (!path.startsWith("/api/")) expect((await page.goto(path))?.status(), path).toBe(200);
  }
  // An address that names nothing is answered by the not-found page, under the same policy.
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  expect(violations).toEqual([]);
});

test("a script slipped into a page does not run, and the browser reports it", async ({ page, baseURL }) => {
  const violations = await watchPolicyViolations(page, baseURL!);
  await page.goto("/login");
  await expect(page.getByRole("button", { name: /^Sign in with / })).toBeVisible();
  // What an injected attribute would try: inline code without this response's nonce.
  const ran = await page.evaluate(() => {
    const bait = document.createElement("button");
    bait.setAttribute("onclick", "document.body.dataset.injected = 'ran'");
    document.body.append(bait);
    bait.click();
    return document.body.dataset.injected ?? null;
  });
  expect(ran).toBeNull();
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});

test("HSTS is sent behind https, never over plain http", async ({ request }) => {
  const hsts = "max-age=31536000; includeSubDomains";
  for (const path of ["/login", "/api/health", "/api/cockpit"]) {
    const overHttps = await request.get(path, { headers: { "x-forwarded-proto": "https" }, maxRedirects: 0 });
    expect(overHttps.headers()["strict-transport-security"], path).toBe(hsts);
    const plain = await request.get(path, { maxRedirects: 0 });
    expect(plain.headers()["strict-transport-security"], path).toBeUndefined();
  }
});

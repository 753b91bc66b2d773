import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { listAppRoutes, type AppRoute } from "../lib/auth/route-inventory.ts";
import { loginAs } from "./pages/login-page.ts";
import { THEMES, rememberTheme, type Theme } from "./pages/site-shell.ts";

// axe on every page of app/, in both themes: no serious or critical violation, and the page's frame (one
// main, one banner, one h1, a way past the header). The pages are found by walking app/ like the gate's
// test does, so a page added later is checked too. A dynamic page needs a real address: most are found by
// following links from the cockpit; pages no link reaches get one from SAMPLE_MAKERS, and a page with
// neither fails with a sentence asking for one.

const pages = listAppRoutes(fileURLToPath(new URL("../app", import.meta.url))).filter((r) => r.kind === "page");
const isDynamic = (route: AppRoute) => route.pattern.includes("[");

/** Pages read without a session: the sign-in page, and a share link as its outside reader opens it. */
const ANONYMOUS = new Set(["/login", "/share/[token]"]);

/** Addresses of pages with fixed paths that need a query to show their content. */
const STATIC_URLS: Record<string, string> = { "/denied": "/denied?need=admin&from=%2Fadmin%2Fusers" };

type Found = Map<string, string>;
/** Dynamic pages no link in the cockpit reaches: how to make an address for each, from what the crawl found. */
const SAMPLE_MAKERS: Record<string, (page: Page, found: Found) => Promise<string>> = {
  "/share/[token]": async (page, found) => {
    const incident = found.get("/incidents/[id]");
    expect(incident, "a share link needs an incident to share").toBeTruthy();
    const res = await page.request.post(`/api/${incident!.slice(1)}/share-links`, { data: { view: "external", days: 1 } });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { path: string }).path;
  },
};

// Rules that guard the page's frame: reported whatever impact axe gives them.
const STRUCTURE_RULES = new Set([
  "bypass", "landmark-one-main", "landmark-no-duplicate-main", "landmark-main-is-top-level", "landmark-no-duplicate-banner",
  "landmark-banner-is-top-level", "landmark-unique", "page-has-heading-one", "region",
]);

function patternRegex(pattern: string): RegExp {
  const parts = pattern.split("/").map((seg) =>
    /^\[\.\.\..+\]$/.test(seg) ? ".+" : /^\[.+\]$/.test(seg) ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
  );
  return new RegExp(`^${parts.join("/")}$`);
}

/** Follows links from the cockpit (two pages deep) until every dynamic page has an address of its own. */
async function crawlForSamples(page: Page, wanted: AppRoute[], found: Found) {
  const queue = ["/"];
  const seen = new Set<string>();
  while (queue.length > 0 && wanted.some((r) => !found.has(r.pattern))) {
    const path = queue.shift()!;
    if (seen.has(path) || seen.size >= 20) continue;
    seen.add(path);
    await page.goto(path);
    const hrefs = await page.locator("a[href^='/']").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const href of new Set(hrefs)) {
      const route = wanted.find((r) => !found.has(r.pattern) && patternRegex(r.pattern).test(href));
      if (!route) continue;
      found.set(route.pattern, href);
      queue.push(href);
    }
  }
}

function describeViolations(results: Awaited<ReturnType<AxeBuilder["analyze"]>>): string[] {
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical" || STRUCTURE_RULES.has(v.id))
    .map((v) => {
      const nodes = v.nodes.slice(0, 6).map((n) => `    ${n.target.join(" ")}: ${(n.failureSummary ?? "").split("\n").slice(1, 2).join("").trim()}`);
      const more = v.nodes.length > 6 ? [`    … and ${v.nodes.length - 6} more`] : [];
      return [`${v.id} (${v.impact}, ${v.nodes.length} elements): ${v.help}`, ...nodes, ...more].join("\n");
    });
}

let storage: Awaited<ReturnType<BrowserContext["storageState"]>>;
const urls = new Map<string, string>();

async function openIn(browser: Browser, theme: Theme, signedIn: boolean, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, storageState: signedIn ? storage : undefined });
  await rememberTheme(context, baseURL, theme);
  return context;
}

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await loginAs(page, { user: "demo", password: "demo" }, "/");
  storage = await context.storageState();
  const wanted = pages.filter((r) => isDynamic(r) && !SAMPLE_MAKERS[r.pattern]);
  const found: Found = new Map();
  // The demo cluster replays its history while the test starts, so incidents and suggestions appear over time.
  await expect(async () => {
    await crawlForSamples(page, wanted, found);
    const missing = wanted.filter((r) => !found.has(r.pattern)).map((r) => r.pattern);
    expect(missing, `no link found to ${missing.join(", ")}`).toEqual([]);
  }).toPass({ timeout: 150_000, intervals: [5_000] }).catch(() => undefined);
  for (const [pattern, url] of found) urls.set(pattern, url);
  for (const [pattern, make] of Object.entries(SAMPLE_MAKERS)) {
    if (pages.some((r) => r.pattern === pattern)) urls.set(pattern, await make(page, found));
  }
  for (const route of pages.filter((r) => !isDynamic(r))) urls.set(route.pattern, STATIC_URLS[route.pattern] ?? route.url);
  await context.close();
});

for (const route of pages) {
  test(`${route.pattern} has no serious or critical axe violation in either theme`, async ({ browser, baseURL }) => {
    const url = urls.get(route.pattern);
    expect(
      url,
      `${route.pattern} (${route.file}) has no sample address: link it from a page the cockpit links to, or add a way ` +
        "to make one to SAMPLE_MAKERS in e2e/accessibility.spec.ts",
    ).toBeTruthy();
    const problems: string[] = [];
    for (const theme of THEMES) {
      const context = await openIn(browser, theme, !ANONYMOUS.has(route.pattern), baseURL!);
      const page = await context.newPage();
      await page.goto(url!);
      await page.waitForLoadState("load");
      // Closed disclosures (table equivalents of charts, forms) are checked open as well.
      await page.locator("details:not([open]) > summary").evaluateAll((els) => els.forEach((s) => s.parentElement?.setAttribute("open", "")));
      await page.waitForTimeout(500);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      const h1 = await page.locator("h1").count();
      const found = [...describeViolations(results), ...(h1 === 1 ? [] : [`the page has ${h1} h1 headings; it needs exactly one`])];
      if (found.length) problems.push(`${theme} theme, ${url}:\n${found.join("\n")}`);
      await context.close();
    }
    expect(problems, problems.join("\n\n")).toEqual([]);
  });
}

test("a page that does not exist is accessible too", async ({ browser, baseURL }) => {
  const context = await openIn(browser, "light", true, baseURL!);
  const page = await context.newPage();
  await page.goto("/no-such-page");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "best-practice"]).analyze();
  const found = describeViolations(results);
  expect(found, found.join("\n")).toEqual([]);
  await context.close();
});

import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL } from "../playwright.config.ts";
import { loginAs } from "./pages/login-page.ts";
import { openCheckoutIncident, SharePanel } from "./pages/share-panel.ts";

// A responder hands checkout's crash loop to someone outside Uptrust: a link that opens without a session,
// shows the incident without what an outsider must not see, expires, can be revoked, refuses a changed
// character and a flood of attempts, and is the same dead end whichever way it stopped working.

const RESPONDER = { user: "responder", password: "responder" };
const GONE_TEXT = /This link does not open anything\. It may have expired or been revoked, or it was copied incompletely/;
let incidentId = "";
// Links that leave the page: the skip link to its own content stays.
const LEAVES_PAGE = 'a[href]:not([href^="#"])';

// A browser with no Uptrust session, from an address of its own (the open limit counts per address).
async function outsider(browser: Browser, address: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  return context.newPage();
}

type Detail = { timeline: { kind: string; title: string; detail: { object?: string | null; pod?: string | null } }[] };

// What the signed-in incident page serves that the external view must leave out.
async function sensitiveValues(request: APIRequestContext, id: string): Promise<string[]> {
  const res = await request.get(`/api/incidents/${id}`);
  expect(res.status()).toBe(200);
  const detail = (await res.json()) as Detail;
  const json = JSON.stringify(detail);
  const pods = detail.timeline.flatMap((e) => [e.detail.pod ?? "", (e.detail.object ?? "").replace(/^(Pod|ReplicaSet)\//, "")]).filter((n) => /-[a-z0-9]{5,10}/.test(n));
  const nodes = [...json.matchAll(/assigned \S+ to ([\w.-]+)/g)].map((m) => m[1]);
  const addresses = json.match(/\b(?:\d{1,3}\.){3}\d{1,3}\b/g) ?? [];
  const logs = detail.timeline.filter((e) => e.kind === "log").map((e) => e.title.split("\n")[0]);
  expect(pods.length, "pods named on the incident page").toBeGreaterThan(0);
  expect(nodes.length, "nodes named on the incident page").toBeGreaterThan(0);
  expect(addresses.length, "addresses on the incident page").toBeGreaterThan(0);
  expect(logs.length, "log lines on the incident page").toBeGreaterThan(0);
  return [...new Set([...pods, ...nodes, ...addresses, "registry.example.com"])];
}

async function expectGone(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(404);
  await expect(page.getByTestId("share-gone")).toHaveText(/Link not available/);
  await expect(page.getByTestId("share-gone")).toContainText(GONE_TEXT);
  expect(await page.locator(LEAVES_PAGE).count(), "the not-found page links nowhere").toBe(0);
  return page.getByTestId("share-gone").innerText();
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  const page = await browser.newPage();
  await loginAs(page, RESPONDER);
  incidentId = await openCheckoutIncident(page);
  // A responder's note quotes what people paste in a hurry: a pod, a node and an address (once: this runs
  // again after a failed test).
  const note = page.getByTestId("timeline-entry").filter({ hasText: "10.244.1.17" });
  if ((await note.count()) === 0) {
    const podName = await page.getByTestId("event-detail").filter({ hasText: /^Pod\// }).first().innerText();
    await page.getByRole("form", { name: "note" }).getByRole("textbox").fill(`${podName.split(" ")[0].slice(4)} on node-b refused 10.244.1.17`);
    await page.getByRole("form", { name: "note" }).getByRole("button", { name: "Post" }).click();
  }
  await expect(note.first()).toBeVisible();
  await page.close();
});

test("a responder shares the incident; a browser without a session reads it, redacted, with its expiry and sharer", async ({ page, browser }) => {
  await loginAs(page, RESPONDER, `/incidents/${incidentId}`);
  const share = new SharePanel(page);
  // Before creating: what the external view leaves out.
  const preview = share.panel().getByTestId("share-preview");
  await expect(preview.locator('[data-kind="pod"]')).toContainText(/\d+ pod names? generalised to (its|their) workload · e\.g\. checkout-\S+ → checkout pod/);
  await expect(preview.locator('[data-kind="node"]')).toContainText(/node names? replaced by (a number|numbers)/);
  await expect(preview.locator('[data-kind="log"]')).toContainText(/log excerpts removed/);
  await expect(preview.locator('[data-kind="registry"]')).toContainText("registry.example.com/shop/checkout:");
  await expect(preview.locator('[data-kind="ip"]')).toContainText("10.244.1.17 → [ip]");
  const url = await share.create("external", 7);
  await share.panel().scrollIntoViewIfNeeded();
  const secrets = await sensitiveValues(page.request, incidentId);

  const reader = await outsider(browser, "198.51.100.10");
  const res = await reader.goto(url);
  expect(res?.status()).toBe(200);
  const headers = res!.headers();
  expect(headers["x-robots-tag"]).toBe("noindex, nofollow");
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  await expect(reader.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("checkout is crash-looping (CrashLoopBackOff)");
  await expect(reader.getByTestId("share-meta")).toHaveText(/^Shared by Rae Responder · link expires \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  await expect(reader.getByTestId("share-view")).toContainText("External view");
  await expect(reader.locator("[data-cause]").first()).toContainText("checkout:1.5.0");
  await expect(reader.getByTestId("timeline-entry").filter({ hasText: "log excerpt removed" }).first()).toBeVisible();
  await expect(reader.getByTestId("timeline-entry").filter({ hasText: /checkout pod on node \d refused \[ip\]/ }).first()).toBeVisible();
  expect(await reader.locator(LEAVES_PAGE).count(), "a shared page links nowhere").toBe(0);
  // Nothing on the shared incident can be acted on; the header's theme switch is only the reader's own view.
  await expect(reader.getByRole("main").getByRole("button")).toHaveCount(0);
  const html = await reader.content();
  const served = await res!.text();
  for (const value of secrets) {
    expect(html.includes(value), `page shows ${value}`).toBe(false);
    expect(served.includes(value), `HTML sent carries ${value}`).toBe(false);
  }
  // The page follows the incident through the same redacted JSON.
  const live = await reader.waitForResponse((r) => r.url().includes("/api/share/"), { timeout: 30_000 });
  expect(live.status()).toBe(200);
  expect(live.headers()["cache-control"]).toContain("no-store");
  const liveJson = await live.text();
  for (const value of secrets) expect(liveJson.includes(value), `live data carries ${value}`).toBe(false);

  // Back on the incident: the open is counted.
  await page.reload();
  await expect(share.rows().first()).toContainText(/Rae Responder\s*external/);
  await expect(share.rows().first().locator("td").nth(4)).toHaveText("1");
  await reader.context().close();
});

test("a changed character, revocation and expiry all end on the same not-found page", async ({ page, browser }) => {
  await loginAs(page, RESPONDER, `/incidents/${incidentId}`);
  const share = new SharePanel(page);
  const url = await share.create("internal", 1);
  const path = new URL(url).pathname;
  const token = path.split("/").at(-1)!;
  const tampered = `/share/${token.slice(0, 20)}${token[20] === "A" ? "B" : "A"}${token.slice(21)}`;
  const reader = await outsider(browser, "198.51.100.20");
  await expect((await reader.goto(path))!.status()).toBe(200);
  await expect(reader.getByTestId("share-view")).toContainText("Internal view");

  const texts = [await expectGone(reader, tampered), await expectGone(reader, "/share/not-a-token"), await expectGone(reader, `/share/${"A".repeat(43)}`)];
  const apiGone = await reader.request.get(`/api/share/${tampered.split("/").at(-1)}`);
  expect(apiGone.status()).toBe(404);
  const goneBody = await apiGone.json();
  expect(apiGone.headers()["x-robots-tag"]).toBe("noindex, nofollow");

  // Revoked in the panel: the next open is the same dead end.
  const row = share.rows().filter({ hasText: "internal" }).first();
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toHaveAttribute("data-state", "revoked");
  texts.push(await expectGone(reader, path));
  expect(await (await reader.request.get(`/api/share/${token}`)).json()).toEqual(goneBody);

  // Expired: a link whose time is up, aged in the database, is the same dead end too. (At most 30 days.)
  const tooLong = await page.request.post(`/api/incidents/${incidentId}/share-links`, { data: { view: "external", days: 31 } });
  expect([tooLong.status(), (await tooLong.json()).error]).toEqual([400, "days must be at most 30: a share link never lives longer"]);
  const created = await page.request.post(`/api/incidents/${incidentId}/share-links`, { data: { view: "external", days: 3 } });
  expect(created.status()).toBe(201);
  const fresh = (await created.json()) as { id: string; path: string };
  await expect((await reader.goto(fresh.path))!.status()).toBe(200);
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    await db.query("UPDATE share_links SET expires_at = now() - interval '1 minute' WHERE id = $1", [fresh.id]);
  } finally {
    await db.end();
  }
  texts.push(await expectGone(reader, fresh.path));
  expect(await (await reader.request.get(`/api/share/${fresh.path.split("/").at(-1)}`)).json()).toEqual(goneBody);
  expect(new Set(texts).size, "one text for every way a link stops working").toBe(1);
  await page.reload();
  await expect(share.panel().locator(`[data-link-id="${fresh.id}"]`)).toHaveAttribute("data-state", "expired");
  await reader.context().close();
});

test("opening links is limited per address: the 31st open in a minute gets 429 with Retry-After", async ({ playwright }) => {
  const flood = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.66" } });
  const other = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.67" } });
  for (let i = 0; i < 30; i++) expect((await flood.get(`/api/share/${"B".repeat(43)}`)).status()).toBe(404);
  const refused = await flood.get(`/share/${"B".repeat(43)}`);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.text()).toMatch(/Too many share links opened from your address: at most 30 a minute\. Try again in \d+ s\./);
  expect((await flood.get(`/api/share/${"B".repeat(43)}`)).status()).toBe(429);
  // Another address is not held up by the first.
  expect((await other.get(`/api/share/${"B".repeat(43)}`)).status()).toBe(404);
  await flood.dispose();
  await other.dispose();
});

test("a viewer sees the incident's links but no control to create or revoke one", async ({ page }) => {
  await loginAs(page, { user: "viewer", password: "viewer" }, `/incidents/${incidentId}`);
  const share = new SharePanel(page);
  await expect(share.rows().first()).toBeVisible();
  await expect(share.createForm()).toHaveCount(0);
  await expect(share.panel().getByRole("button")).toHaveCount(0);
  const refused = await page.request.post(`/api/incidents/${incidentId}/share-links`, { data: { view: "external", days: 7 } });
  expect(refused.status()).toBe(403);
  const preview = await page.request.get(`/api/incidents/${incidentId}/share-links/preview?view=external`);
  expect(preview.status()).toBe(403);
});

test("an admin sees every incident's links and revokes any of them; a responder may not open that list", async ({ page, browser }) => {
  const responder = await browser.newPage();
  await loginAs(responder, RESPONDER, `/incidents/${incidentId}`);
  const created = (await (await responder.request.post(`/api/incidents/${incidentId}/share-links`, { data: { view: "external", days: 2 } })).json()) as { id: string; path: string };
  await responder.goto("/admin/share-links");
  await expect(responder).toHaveURL(/\/denied\?need=admin/);
  await responder.close();

  await loginAs(page, { user: "demo", password: "demo" }, "/admin/share-links");
  const row = page.locator(`[data-link-id="${created.id}"]`);
  await expect(row).toContainText("checkout is crash-looping (CrashLoopBackOff)");
  await expect(row).toContainText("Rae Responder");
  await expect(row.getByRole("link", { name: /checkout is crash-looping/ })).toHaveAttribute("href", `/incidents/${incidentId}`);
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toHaveAttribute("data-state", "revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  const reader = await outsider(browser, "198.51.100.30");
  await expectGone(reader, created.path);
  await reader.context().close();
});

import { expect, test } from "@playwright/test";
import { loginAs } from "./pages/login-page.ts";
import { e2eQuery, liveSessions } from "./support/e2e-db.ts";

// Sessions end when they should: on sign-out (the old cookie is refused), after 30 minutes without a
// person's activity (polling does not count), and 12 hours after sign-in. Stored clocks are moved back
// instead of waiting.

test("after sign-out the old session cookie reads and writes nothing", async ({ page, browser }) => {
  await loginAs(page, { user: "demo", password: "demo" });
  const cookies = await page.context().cookies();
  const back = page.waitForResponse((r) => new URL(r.url()).pathname === "/login" && r.request().resourceType() === "document");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=signed-out/);
  await expect(page.getByTestId("signed-out")).toHaveText(/You signed out/);
  // The browser is told to drop its cache of the signed-in pages (the cockpit's last JSON among them).
  expect((await (await back).allHeaders())["clear-site-data"]).toBe('"cache"');

  // Someone who copied the cookie before sign-out replays it.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const read = await replay.request.get("/api/cockpit");
  expect(read.status()).toBe(401);
  expect(await read.json()).toEqual({ error: "sign in required", signedOut: "signed-out" });
  const write = await replay.request.post("/api/slos", {
    headers: { "content-type": "application/json" },
    data: { workload: "shop/frontend", name: "replayed", indicator: "latency", target: 99, thresholdMs: 300 },
  });
  expect(write.status()).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto("/");
  await expect(replayPage).toHaveURL(/\/login\?/);
  await replay.close();
});

test("an open tab's polling does not keep a session alive; a person's click does", async ({ page }) => {
  await loginAs(page, { user: "viewer", password: "viewer" });
  const [session] = await liveSessions("viewer@uptrust.dev");
  const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000);
  await e2eQuery(`UPDATE user_sessions SET last_active_at = $2 WHERE id = $1`, [session.id, twentyMinutesAgo]);

  // The cockpit polls every 5 s; after three polls the session is as idle as before.
  await page.waitForTimeout(16_000);
  const [untouched] = await e2eQuery<{ last_active_at: Date }>(`SELECT last_active_at FROM user_sessions WHERE id = $1`, [session.id]);
  expect(untouched.last_active_at.getTime()).toBe(twentyMinutesAgo.getTime());

  // A click is a person: the next poll records the activity.
  await page.mouse.click(5, 400);
  await expect
    .poll(async () => (await e2eQuery<{ last_active_at: Date }>(`SELECT last_active_at FROM user_sessions WHERE id = $1`, [session.id]))[0].last_active_at.getTime(), { timeout: 15_000 })
    .toBeGreaterThan(Date.now() - 60_000);
});

test("30 minutes without activity sign the person out, and the open page says why", async ({ page }) => {
  await loginAs(page, { user: "viewer", password: "viewer" });
  const [session] = await liveSessions("viewer@uptrust.dev");
  await e2eQuery(`UPDATE user_sessions SET last_active_at = now() - interval '31 minutes' WHERE id = $1`, [session.id]);
  // No reload: the next background poll finds the session over and takes the page to sign-in.
  await expect(page).toHaveURL(/\/login\?.*signedOut=idle/, { timeout: 15_000 });
  await expect(page.getByTestId("signed-out")).toHaveText(/signed out after 30 minutes without activity/);
  const [ended] = await e2eQuery<{ end_reason: string }>(`SELECT end_reason FROM user_sessions WHERE id = $1`, [session.id]);
  expect(ended.end_reason).toBe("idle");
});

test("a session ends 12 hours after sign-in even while its person is active", async ({ page }) => {
  await loginAs(page, { user: "responder", password: "responder" });
  const [session] = await liveSessions("responder@uptrust.dev");
  await e2eQuery(`UPDATE user_sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [session.id]);
  await page.goto("/mttx");
  await expect(page).toHaveURL(/\/login\?.*signedOut=expired/);
  await expect(page.getByTestId("signed-out")).toHaveText(/Sessions last at most 12 hours/);
});

test("each role may do what it should and no more", async ({ browser }) => {
  const slo = { workload: "shop/frontend", name: "role-check", indicator: "latency", target: 0.99, thresholdMs: 300 };
  const tryDefine = async (user: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAs(page, { user, password: user });
    const res = await page.request.post("/api/slos", { headers: { "content-type": "application/json" }, data: { ...slo, name: `${slo.name}-${user}` } });
    const role = await page.getByTestId("user-role").textContent();
    await context.close();
    return { status: res.status(), role };
  };
  const viewer = await tryDefine("viewer");
  expect(viewer).toEqual({ status: 403, role: "viewer" });
  const responder = await tryDefine("responder");
  expect(responder.role).toBe("responder");
  expect([200, 201]).toContain(responder.status);
});

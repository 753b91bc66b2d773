import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { AdminUsersPage, AuditLogPage } from "./pages/admin-page.ts";
import { loginAs, type Credentials } from "./pages/login-page.ts";
import { e2eQuery } from "./support/e2e-db.ts";

// Admin pages against the development provider, whose groups map to roles (uptrust-admins → admin, …):
// who may see them, what they show, and that revocation and role changes hold from the next request.

const ADMIN: Credentials = { user: "demo", password: "demo" };
const RESPONDER: Credentials = { user: "responder", password: "responder" };
const VIEWER: Credentials = { user: "viewer", password: "viewer" };

const MAPPED = "read-only: set by your provider's groups (UPTRUST_ROLE_MAP)";

const userId = async (email: string) => (await e2eQuery<{ id: string }>("SELECT id::text AS id FROM users WHERE email = $1", [email]))[0].id;
const setRole = (email: string, role: string) => e2eQuery("UPDATE users SET role = $2::\"Role\" WHERE email = $1", [email, role]);

// Each person's browser lives for one test: left open, every tab would go on polling through the tests after it.
const opened: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

async function browserOf(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  opened.push(context);
  return context.newPage();
}

async function signedIn(browser: Browser, who: Credentials, path = "/"): Promise<Page> {
  const page = await browserOf(browser);
  await loginAs(page, who, path);
  return page;
}

// The analyzer finds the demo cluster's first incidents within a minute or two of start-up.
async function anIncident(): Promise<string> {
  let id: string | undefined;
  await expect(async () => {
    id = (await e2eQuery<{ id: string }>("SELECT id::text AS id FROM incidents ORDER BY started_at LIMIT 1"))[0]?.id;
    expect(id).toBeTruthy();
  }).toPass({ timeout: 150_000, intervals: [2000, 5000] });
  return id!;
}

test("an admin finds Users under Admin, with each person's role, where it came from and their groups", async ({ browser }) => {
  // Everyone signs in once, so each has a row with a live session.
  await signedIn(browser, VIEWER);
  await signedIn(browser, RESPONDER);
  const page = await signedIn(browser, ADMIN);
  const nav = page.getByRole("navigation", { name: "Admin" });
  await nav.getByText(/^Admin/).click();
  await expect(nav.getByRole("link")).toHaveText(["Users", "Audit log", "Share links", "Notifications"]);
  await nav.getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);

  const users = new AdminUsersPage(page);
  const expected = [
    ["demo@uptrust.dev", "Demo SRE", "admin", "uptrust-admins"],
    ["responder@uptrust.dev", "Rae Responder", "responder", "uptrust-responders"],
    ["viewer@uptrust.dev", "Vic Viewer", "viewer", "uptrust-viewers"],
  ];
  for (const [email, name, role, group] of expected) {
    const row = users.row(email);
    await expect(row).toContainText(name);
    await expect(row.getByTestId("user-role-cell")).toContainText(role);
    // The development provider's groups decide roles here, so no one's role can be changed on this page.
    await expect(row.getByTestId("role-read-only")).toHaveText(MAPPED);
    await expect(row.getByRole("combobox")).toHaveCount(0);
    await expect(row.getByTestId("role-source")).toHaveText("mapping");
    await expect(row.getByTestId("user-groups")).toHaveText(group);
    await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(Number(await users.liveSessions(email).textContent())).toBeGreaterThanOrEqual(1);
  }
  await expect(page.getByTestId("role-policy")).toContainText("Roles follow your identity provider's groups (UPTRUST_ROLE_MAP)");

  // The API refuses the same change the page does not offer, with the reason; malformed requests say what to send.
  const responderId = await userId("responder@uptrust.dev");
  const mapped = await page.request.patch(`/api/admin/users/${responderId}`, { data: { role: "admin" } });
  expect(mapped.status()).toBe(409);
  expect((await mapped.json()).error).toBe("responder@uptrust.dev's role cannot be changed here: it is set by your provider's groups (UPTRUST_ROLE_MAP).");
  const badRole = await page.request.patch(`/api/admin/users/${responderId}`, { data: { role: "owner" } });
  expect([badRole.status(), (await badRole.json()).error]).toEqual([400, "role must be viewer, responder or admin"]);
  const badId = await page.request.post("/api/admin/users/responder@uptrust.dev/sessions/revoke");
  expect(badId.status()).toBe(400);
  expect((await badId.json()).error).toMatch(/must be a UUID/);
});

test("a viewer sees no admin links, is told which role Admin → Users needs, and the admin APIs refuse them", async ({ browser }) => {
  const page = await signedIn(browser, VIEWER);
  await expect(page.getByTestId("user-role")).toHaveText("viewer");
  await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);

  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/denied\?need=admin&from=%2Fadmin%2Fusers$/);
  await expect(page.getByTestId("denied-reason")).toHaveText("/admin/users needs the admin role; you are signed in as viewer@uptrust.dev with the role viewer.");
  await expect(page.getByTestId("denied-advice")).toContainText("Your identity provider's groups decide roles in Uptrust; ask your administrator");
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/denied\?need=admin&from=%2Fadmin%2Faudit$/);
  await page.getByRole("link", { name: "← Back to the cockpit" }).click();
  await expect(page).toHaveURL(/\/$/);

  const viewerId = await userId("viewer@uptrust.dev");
  const promote = await page.request.patch(`/api/admin/users/${viewerId}`, { data: { role: "admin" } });
  expect(promote.status()).toBe(403);
  expect((await promote.json()).error).toBe("your role is viewer; this needs admin or above (an admin can change roles under Admin → Users)");
  const revoke = await page.request.post(`/api/admin/users/${await userId("demo@uptrust.dev")}/sessions/revoke`);
  expect(revoke.status()).toBe(403);
  expect(await e2eQuery("SELECT role::text AS role FROM users WHERE id = $1", [viewerId])).toEqual([{ role: "viewer" }]);
});

test("the denied page names only real roles and links back only inside Uptrust", async ({ browser }) => {
  const page = await signedIn(browser, VIEWER);
  await page.goto("/denied?need=root&from=https%3A%2F%2Fevil.example%2Fphish");
  await expect(page.getByTestId("denied-reason")).toHaveText("This page needs a higher role; you are signed in as viewer@uptrust.dev with the role viewer.");
  await expect(page.locator('a[href*="evil.example"]')).toHaveCount(0);
  await expect(page.getByText("root")).toHaveCount(0);
});

test("viewers get no controls they cannot use: no SLO editor on the cockpit, no Respond panel on an incident", async ({ browser }) => {
  const incident = await anIncident();
  const viewer = await signedIn(browser, VIEWER);
  const responder = await signedIn(browser, RESPONDER);
  // The SLO panel is drawn for both; only the responder's has the editor.
  for (const page of [viewer, responder]) await expect(page.getByRole("heading", { name: "SLO burn" })).toBeVisible();
  await expect(responder.getByText("Define or import an SLO")).toBeVisible();
  await expect(viewer.getByText("Define or import an SLO")).toHaveCount(0);
  for (const page of [viewer, responder]) await page.goto(`/incidents/${incident}`);
  await expect(responder.getByRole("heading", { name: "Respond" })).toBeVisible();
  await expect(viewer.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expect(viewer.getByRole("heading", { name: "Respond" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
});

test("a role change holds from the person's next request, up and down", async ({ browser }) => {
  const incident = await anIncident();
  const viewer = await signedIn(browser, VIEWER);
  const responder = await signedIn(browser, RESPONDER);
  try {
    // Up: the viewer's very next page load shows the responder's role and controls, without signing in again.
    await expect(viewer.getByTestId("user-role")).toHaveText("viewer");
    await expect(viewer.getByText("Define or import an SLO")).toHaveCount(0);
    await setRole("viewer@uptrust.dev", "responder");
    await viewer.reload();
    await expect(viewer.getByTestId("user-role")).toHaveText("responder");
    await expect(viewer.getByText("Define or import an SLO")).toBeVisible();
    await viewer.goto(`/incidents/${incident}`);
    await expect(viewer.getByRole("heading", { name: "Respond" })).toBeVisible();

    // Down: the responder may add a note, then, demoted, the very next change is refused.
    const note = { type: "note", text: "checking the rollout (admin e2e)" };
    const before = await responder.request.post(`/api/incidents/${incident}/actions`, { data: note });
    expect(before.status()).toBe(200);
    await setRole("responder@uptrust.dev", "viewer");
    const after = await responder.request.post(`/api/incidents/${incident}/actions`, { data: note });
    expect(after.status()).toBe(403);
    expect((await after.json()).error).toMatch(/^your role is viewer; this needs responder or above/);
    await responder.goto(`/incidents/${incident}`);
    await expect(responder.getByTestId("user-role")).toHaveText("viewer");
    await expect(responder.getByRole("heading", { name: "Respond" })).toHaveCount(0);
  } finally {
    await setRole("viewer@uptrust.dev", "viewer");
    await setRole("responder@uptrust.dev", "responder");
  }
});

test("an admin ends a responder's sessions: the responder's next page load asks them to sign in, and the audit log shows it", async ({ browser }) => {
  const since = new Date(Date.now() - 1000).toISOString().slice(0, 19);
  const responder = await signedIn(browser, RESPONDER);
  const admin = await signedIn(browser, ADMIN, "/admin/users");
  const users = new AdminUsersPage(admin);
  await expect(users.liveSessions("responder@uptrust.dev")).not.toHaveText("0");

  await users.endSessions("responder@uptrust.dev");
  await expect(users.liveSessions("responder@uptrust.dev")).toHaveText("0");
  await expect(admin.getByRole("button", { name: "End sessions of responder@uptrust.dev" })).toBeDisabled();

  // The responder's next page load, with the cookie their browser holds, in a window of its own: their open tab's
  // poll may be navigating to the login page right now, and closing or reloading that tab mid-navigation has left
  // Chromium unable to open or load another (a lost tab once, a load that never finished another time).
  const next = await browserOf(browser);
  await next.context().addCookies(await responder.context().cookies());
  await next.goto("/");
  await expect(next).toHaveURL(/\/login\?/);
  const url = new URL(next.url());
  expect(url.searchParams.get("signedOut")).toBe("revoked");
  expect(url.searchParams.get("callbackUrl")).toBe("/");
  await expect(next.getByTestId("signed-out")).toHaveText(/^An administrator ended your session\./);

  // The audit log: the revocation, by whom and of whom, found by filtering on the action.
  const audit = new AuditLogPage(admin);
  await audit.open(`?from=${since}`);
  await audit.filter({ action: "session." });
  await expect(admin).toHaveURL(/action=session\./);
  const revoked = audit.rows().filter({ hasText: "session.revoked" }).filter({ hasText: "user:responder@uptrust.dev" });
  await expect(revoked.first().getByTestId("audit-who")).toHaveText("demo@uptrust.dev");
  for (const action of await audit.rows().getByTestId("audit-action").allTextContents()) expect(action).toMatch(/^session\./);
  // Sign-ins happened in this test too, and the filter leaves them out; cleared, they are back.
  await audit.open(`?from=${since}`);
  await expect(audit.rows().getByTestId("audit-action").filter({ hasText: /^sign-in$/ }).first()).toBeVisible();
  await audit.filter({ action: "", user: "responder@" });
  const targets = await audit.rows().getByTestId("audit-target").allTextContents();
  const who = await audit.rows().getByTestId("audit-who").allTextContents();
  expect(targets.every((t, i) => t === "user:responder@uptrust.dev" || who[i] === "responder@uptrust.dev")).toBe(true);

  // A filter that cannot be read is named, not ignored.
  await audit.open("?from=yesterday");
  await expect(admin.getByTestId("audit-filter-problems")).toHaveText("from must be a UTC time such as 2026-12-06T09:30 or a day such as 2026-12-06");
  await expect(audit.rows()).toHaveCount(0);
});

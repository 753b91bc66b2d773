import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { GUESTBOOK, sharedFile } from "../workers/emulator/testing/shared-file.ts";
import { E2E_DATA_DIR } from "../playwright.config.ts";
import { CockpitPage } from "./pages/cockpit-page.ts";
import { LoginPage, loginAs } from "./pages/login-page.ts";

// A newcomer's first minutes: `npm start` with nothing configured, the development sign-in, and the
// demo cluster's bad rollout of checkout showing up as burned budget and an incident with its cause.

test("the cockpit asks for sign-in and says that the development provider is in use", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2F/);
  await expect(page.getByText(/Development sign-in/)).toBeVisible();
  // One user per role, each named with its role, so every role can be tried.
  for (const [user, role] of [["demo", "admin"], ["responder", "responder"], ["viewer", "viewer"]]) {
    await expect(page.getByText(`${user} (${role})`, { exact: true })).toBeVisible();
  }
});

test("the API refuses requests without a session, while the health check stays open", async ({ request }) => {
  const cockpit = await request.get("/api/cockpit");
  expect(cockpit.status()).toBe(401);
  expect(await cockpit.json()).toEqual({ error: "sign in required" });
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  // Up or down, nothing more: database errors and cluster names are for signed-in users.
  expect(await health.json()).toEqual({ ok: true, status: "up" });
});

test("Uptrust's pages and APIs cannot be framed, sniffed or leak where they were opened", async ({ request }) => {
  for (const path of ["/login", "/api/health"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
  }
});

test("a page on another origin of the same site cannot change Uptrust as the signed-in SRE", async ({ page }) => {
  await loginAs(page, { user: "demo", password: "demo" });
  // What a form on http://localhost:8080 makes the browser send: the user's cookie, the other origin's name.
  const forged = await page.request.post("/api/slos", {
    headers: { origin: "http://localhost:8080", "sec-fetch-site": "same-site", "content-type": "application/json" },
    data: { workload: "shop/frontend", name: "forged", indicator: "latency", target: 99, thresholdMs: 300 },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error).toMatch(/same-site request may not change anything in Uptrust/);
});

test("a wrong password at the identity provider is refused", async ({ page }) => {
  await page.goto("/");
  await new LoginPage(page).signIn({ user: "demo", password: "not-the-password" });
  await expect(page.getByText("Wrong username or password")).toBeVisible();
});

test("after signing in, the SRE sees what the bad rollout changed and what it cost", async ({ page }) => {
  await loginAs(page, { user: "demo", password: "demo" });
  const cockpit = new CockpitPage(page);
  await expect(page.getByRole("heading", { name: "Cockpit", level: 1 })).toBeVisible();
  await expect(page.getByTestId("user-name")).toHaveText("Demo SRE");
  // Ingest health: the demo cluster is connected, with the worker ingesting it and how far behind it is.
  const chip = page.getByTestId("cluster-chip").filter({ hasText: "uptrust-demo" });
  await expect(chip.getByTestId("cluster-state")).toHaveText("connected");
  await expect(chip).toHaveAttribute("title", /^ingesting by .+, \d+ s behind$/);
  // Guardrails: the demo cluster is scored, and the findings say what to change, dangers first.
  await cockpit.eventually(async () => {
    await expect(page.getByTestId("guardrail-score").first()).toContainText(/uptrust-demo score \d+ · \d+ danger/);
  });
  await expect(page.getByTestId("guardrail-finding").first()).toContainText(/danger.*: /);

  // SLO burn: checkout's availability budget is being spent because of the crash-looping rollout.
  await cockpit.eventually(async () => {
    await expect(cockpit.sloCard("shop/checkout")).toBeVisible();
    expect(await cockpit.budgetRemaining("shop/checkout")).toBeLessThan(100);
  });
  await expect(cockpit.sloCard("shop/checkout")).toContainText("of the error budget left");

  // The SLO's page traces its card: every window of the burn-rate table with its events, and the budget
  // charged to the change that spent it.
  await cockpit.sloCard("shop/checkout").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/slos\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("burn-windows").locator("tbody tr")).toHaveCount(4);
  await cockpit.eventually(async () => {
    await page.reload();
    await expect(page.getByTestId("budget-charge-table")).toContainText(/rollout \d+ of checkout \(image checkout/);
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cockpit" }).click();

  // An SRE adds a stricter latency SLO of their own, and the analyzer picks it up.
  await page.getByText("Define or import an SLO").click();
  const form = page.getByRole("form", { name: "Define an SLO" });
  await form.getByLabel("workload").fill("shop/frontend");
  await form.getByLabel("name").fill("frontend-fast");
  await form.getByLabel("within (ms)").selectOption("300");
  await form.getByRole("button", { name: "Save SLO" }).click();
  await expect(form.getByRole("status")).toHaveText("shop/frontend frontend-fast: created");
  await cockpit.eventually(async () => {
    await expect(cockpit.sloCard("shop/frontend", "frontend-fast")).toContainText("of requests answered within 300 ms");
  });

  // The incident: checkout crash-looped, and its timeline shows the image change before the crash loop.
  const incident = cockpit.incidentCard(/checkout/);
  await cockpit.eventually(async () => {
    await expect(incident.first()).toBeVisible();
    await expect(incident.first()).toContainText("CrashLoopBackOff");
  });
  await incident.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  const entries = page.getByTestId("timeline-entry");
  await cockpit.eventually(async () => {
    const kinds = await entries.evaluateAll((els) => els.map((e) => ({ kind: e.getAttribute("data-kind"), text: e.textContent ?? "" })));
    const change = kinds.findIndex((e) => e.kind === "change" && /1\.4\.2/.test(e.text) && /1\.5\.0/.test(e.text));
    const backoff = kinds.findIndex((e) => e.kind === "event" && /BackOff|Back-off/i.test(e.text));
    expect(change, "the image change 1.4.2 → 1.5.0 is on the timeline").toBeGreaterThanOrEqual(0);
    expect(backoff, "a BackOff event is on the timeline").toBeGreaterThanOrEqual(0);
    expect(change, "the change comes before the crash loop").toBeLessThan(backoff);
  }, 60_000);
  // Each event names the object it was about.
  await expect(page.getByTestId("event-detail").first()).toContainText(/\b(Pod|ReplicaSet|Deployment)\/checkout/);
  // The first probable cause is the rollout, with the new image named and the change as its evidence.
  await cockpit.eventually(async () => {
    const first = page.locator("[data-cause]").first();
    await expect(first).toHaveAttribute("data-cause", "ImageChange");
    await expect(first).toContainText("1.5.0");
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cockpit" }).click();

  // reports is OOM-killed about hourly: one card with its occurrences, not a card per kill.
  await cockpit.eventually(async () => {
    const reports = cockpit.incidentCard(/reports/);
    await expect(reports).toHaveCount(1);
    await expect(reports.getByTestId("occurrences")).toHaveText(/×\d+ · first \d\d:\d\d · last \d\d:\d\d/);
  });

  // MTTR: at least one incident resolved (the rollback), so the weekly trend has a figure.
  await cockpit.eventually(async () => {
    await expect(cockpit.mttrPanel().getByTestId("mttr-chart")).toBeVisible();
    await expect(cockpit.mttrPanel()).toContainText(/last week: \d+ incidents? · p50 \S+/);
  });

  // Right-sizing: the over-provisioned frontend gets a suggestion with the percentile it rests on.
  await cockpit.eventually(async () => {
    const frontend = cockpit.recommendationRows().filter({ hasText: "frontend" });
    await expect(frontend.first()).toBeVisible();
    await expect(frontend.first()).toContainText(/p95/);
  });
});

test("the cockpit refreshes itself without a reload", async ({ page }) => {
  await loginAs(page, { user: "demo", password: "demo" });
  const first = await page.waitForResponse((r) => r.url().endsWith("/api/cockpit") && r.status() === 200, { timeout: 20_000 });
  expect(first.ok()).toBe(true);
  const second = await page.waitForResponse((r) => r.url().endsWith("/api/cockpit") && r.status() === 200, { timeout: 20_000 });
  expect((await second.json()).clusters[0].status).toBe("connected");
});

// Last, so the stories above see the demo alone: a real app nobody here wrote, created as an SRE would.
test("an app created with kubectl create -f on the demo cluster shows up on the cockpit with its SLOs", async ({ page }) => {
  const kubeconfig = join(E2E_DATA_DIR, "kubeconfig");
  const created = execFileSync("kubectl", ["--kubeconfig", kubeconfig, "create", "--validate=false", "-f", sharedFile(GUESTBOOK)], { encoding: "utf8" });
  expect(created).toContain("deployment.apps/frontend created");
  await loginAs(page, { user: "demo", password: "demo" });
  const cockpit = new CockpitPage(page);
  for (const workload of ["default/frontend", "default/redis-master", "default/redis-replica"]) {
    await cockpit.eventually(async () => {
      await expect(cockpit.sloCard(workload)).toBeVisible();
    });
  }
});

import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATA_DIR } from "../playwright.config.ts";
import { CockpitPage } from "./pages/cockpit-page.ts";
import { IncidentPage, PostmortemPage } from "./pages/incident-page.ts";
import { loginAs } from "./pages/login-page.ts";
import { openCheckoutIncident } from "./pages/share-panel.ts";

// An SRE works the demo's incidents: checkout's bad rollout read through its timeline (what changed, what
// the pods said, once per message) and its postmortem read as a document and copied as Markdown; then a
// Deployment that cannot start (created here, last) acknowledged and resolved at times written in UTC.

const RESPONDER = { user: "responder", password: "responder" };
let checkoutPath = "";

test.beforeAll(async ({ browser }) => {
  // The replay and the analyzer's first cycles take minutes on a busy machine.
  test.setTimeout(420_000);
  // ledger needs a Secret nobody created: its incident opens while the checkout story is read below.
  try {
    execFileSync("kubectl", ["--kubeconfig", join(E2E_DATA_DIR, "kubeconfig"), "create", "--validate=false", "-f", "e2e/fixtures/ledger-missing-secret.yaml"], { encoding: "utf8", stdio: "pipe" });
  } catch (err) {
    if (!String((err as { stderr?: string }).stderr).includes("AlreadyExists")) throw err;
  }
  const page = await browser.newPage();
  await loginAs(page, RESPONDER);
  checkoutPath = `/incidents/${await openCheckoutIncident(page)}`;
  // The timeline fills in as the analyzer catches up with the replay: wait for the rollout's change.
  await new CockpitPage(page).eventually(async () => {
    await page.reload();
    await expect(new IncidentPage(page).kind("changes")).toBeVisible();
  }, 360_000);
  await page.close();
});

test("the timeline narrows to the rollout's changes, kept in the address, and widens again", async ({ page }) => {
  await loginAs(page, RESPONDER, checkoutPath);
  const incident = new IncidentPage(page);
  const all = await incident.kindCount("all kinds");
  expect(await incident.kindCount("changes")).toBe(2);
  await incident.kind("changes").click();
  await expect(page).toHaveURL(/\?show=changes$/);
  await expect(incident.entries()).toHaveCount(2);
  await expect(incident.entries().first()).toContainText("1.4.2 → 1.5.0");
  await expect(incident.entries().last()).toContainText("1.5.0 → 1.4.2");
  await expect(incident.kind("changes")).toHaveAttribute("aria-pressed", "true");
  await expect(incident.timeline()).toContainText(`2 of ${all} entries`);
  // A reload (or the link sent to a colleague) opens the same view.
  await page.reload();
  await expect(incident.entries()).toHaveCount(2);
  await incident.kind("all kinds").click();
  await expect(page).toHaveURL(new RegExp(`${checkoutPath}$`));
  await expect(incident.entries().filter({ hasText: /BackOff/ }).first()).toBeVisible();
});

test("the crash lines both pods wrote are one row each, with a count, that opens to every line", async ({ page }) => {
  await loginAs(page, RESPONDER, `${checkoutPath}?show=logs`);
  const incident = new IncidentPage(page);
  // The crash lines reach the timeline once the log followers have read the crashed containers.
  await new CockpitPage(page).eventually(async () => {
    await page.reload();
    await expect(incident.foldedLogs().first()).toBeVisible();
  });
  const lines = await incident.kindCount("logs");
  const run = incident.foldedLogs().first();
  await expect(run).toContainText(/× \d+/);
  await expect(run).toContainText(/first \d\d:\d\d:\d\d · last \d\d:\d\d:\d\d · checkout · (\d+ pods|checkout-\S+)/);
  const times = Number((await run.locator("summary").innerText()).match(/× (\d+)/)?.[1]);
  expect(times).toBeGreaterThanOrEqual(2);
  // Every line is still there, folded: the rows add up to the count the filter shows.
  expect(await incident.entries().count()).toBeLessThan(lines);
  const lineRows = run.getByTestId("repeated-log-line");
  await expect(lineRows.first()).toBeHidden();
  await run.locator("summary").click();
  await expect(lineRows).toHaveCount(times);
  await expect(lineRows.first()).toBeVisible();
  await expect(lineRows.first()).toContainText("PAYMENT_URL is not set");
});

test("the postmortem reads as a document, and its source view copies the Markdown", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await loginAs(page, RESPONDER, checkoutPath);
  await new IncidentPage(page).openPostmortem();
  const postmortem = new PostmortemPage(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Postmortem: checkout is crash-looping (CrashLoopBackOff)");
  await expect(postmortem.document().getByRole("heading", { level: 2, name: "Action items" })).toBeVisible();
  await expect(postmortem.document().getByRole("columnheader", { name: "milestone" })).toBeVisible();
  await expect(postmortem.document()).not.toContainText("## ");

  await postmortem.view("Markdown source").click();
  await expect(postmortem.source()).toContainText("## Timeline (UTC)");
  await postmortem.copy().click();
  await expect(page.getByTestId("copy-status")).toHaveText("Markdown copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split("\n")[0]).toBe("# Postmortem: checkout is crash-looping (CrashLoopBackOff)");
  expect(copied).toBe(await postmortem.source().textContent());
});

test("a responder acknowledges ledger's failed start when it was detected, then resolves it at a time typed in UTC", async ({ page }) => {
  await loginAs(page, RESPONDER);
  const cockpit = new CockpitPage(page);
  const card = cockpit.incidentCard(/ledger cannot start/);
  await cockpit.eventually(async () => {
    await expect(card.first()).toBeVisible();
  });
  await card.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  const incident = new IncidentPage(page);
  // An open incident nobody has acknowledged: it can be acknowledged, and never closed before it is resolved.
  await expect(incident.move("Acknowledge")).toBeVisible();
  expect(await incident.moves()).toEqual(["Acknowledge", "Investigate", "Mark mitigated", "Resolve", "Cancel (not an outage)"]);

  // A time without its date is not read as anything: the form says how to write it and sends nothing.
  await incident.when().fill("09:42");
  await incident.move("Acknowledge").click();
  await expect(incident.respond().getByRole("alert")).toHaveText(/write it in UTC as year-month-day hour:minute, e\.g\. 2026-12-06 09:42/);
  await expect(incident.fact("acknowledged")).toHaveText("not yet");

  // Acknowledged at the second it was detected; resolved at the cluster clock's current minute (or that
  // same second, if the minute began before it), both written in UTC as the page writes times.
  const detected = Date.parse(await incident.factTime("detected"));
  const clock = (await incident.clusterNow()).getTime();
  const typed = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");
  const resolved = Math.max(clock, detected);
  await incident.when().fill(typed(detected));
  await incident.move("Acknowledge").click();
  await expect(incident.fact("acknowledged").locator("time")).toHaveAttribute("datetime", new Date(detected).toISOString());
  await expect(incident.move("Acknowledge")).toHaveCount(0);
  await expect(incident.when()).toHaveValue("");

  await incident.when().fill(typed(resolved));
  await incident.move("Resolve").click();
  await expect(incident.fact("resolved").locator("time")).toHaveAttribute("datetime", new Date(resolved).toISOString());
  await expect(incident.fact("resolved")).toHaveText(`${typed(resolved).slice(0, 16)} UTC`);
  expect(await incident.moves()).toEqual(["Investigate", "Close"]);
  // Both are on the timeline, with who recorded them.
  await incident.kind("response").click();
  await expect(incident.entries().filter({ hasText: "Acknowledged" })).toContainText("recorded by Rae Responder");
  await expect(incident.entries().filter({ hasText: "Marked resolved" })).toContainText("recorded by Rae Responder");
});

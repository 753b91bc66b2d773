import { expect, test } from "@playwright/test";
import { CockpitPage } from "./pages/cockpit-page.ts";
import { SloListPage, RightsizingListPage, type SloListRow } from "./pages/list-pages.ts";
import { loginAs, type Credentials } from "./pages/login-page.ts";

// Every SLO and every suggestion of the demo cluster on pages of their own, as the cockpit's "all →" links open them.

const VIEWER: Credentials = { user: "viewer", password: "viewer" };
const RANK: Record<string, number> = { page: 0, ticket: 1 };
// Trouble first: paging, then ticketing, then the least error budget left (one not yet evaluated counts as whole).
const troubleKey = (r: SloListRow) => [RANK[r.state] ?? 2, r.budget ?? 100];
const inTroubleOrder = (rows: SloListRow[]) =>
  rows.every((r, i) => i === 0 || ((a, b) => a[0] - b[0] || a[1] - b[1])(troubleKey(rows[i - 1]), troubleKey(r)) <= 0);

test("/slos lists the demo's SLOs trouble first, filters them by state in the URL and opens each SLO", async ({ page }) => {
  await loginAs(page, VIEWER, "/slos");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SLOs");
  const slos = new SloListPage(page);
  // checkout's crash-looping rollout has spent part of its budget once the analyzer has caught up with the replay.
  await slos.eventually(async () => {
    const checkout = (await slos.read()).find((r) => r.workload === "shop/checkout" && r.slo === "availability");
    expect(checkout?.budget ?? 100).toBeLessThan(100);
  });
  const rows = await slos.read();
  expect(rows.length).toBeGreaterThan(1);
  expect(inTroubleOrder(rows), rows.map((r) => `${r.workload} ${r.state} ${r.budget}`).join("\n")).toBe(true);
  expect(await slos.stateCount("all")).toBe(rows.length);

  // The most troubled SLO's state as a filter: only SLOs in that state, as many as its link counts.
  const state = rows[0].state;
  const counted = await slos.stateCount(state);
  await slos.stateFilter(state).click();
  await expect(page).toHaveURL(new RegExp(`/slos\\?alert=${state}$`));
  await expect(slos.stateFilter(state)).toHaveAttribute("aria-current", "true");
  await expect(slos.rows()).toHaveCount(counted);
  for (const row of await slos.read()) expect(row.state).toBe(state);
  // A new scope keeps the chosen state.
  await page.getByRole("search", { name: "Scope" }).getByRole("combobox", { name: "Time range" }).selectOption({ label: "last 6h" });
  await expect(page).toHaveURL(new RegExp(`/slos\\?range=6h&alert=${state}$`));
  await expect(slos.stateFilter(state)).toHaveAttribute("aria-current", "true");
  for (const row of await slos.read()) expect(row.state).toBe(state);
  await slos.stateFilter("all").click();
  await expect(page).toHaveURL(/\/slos\?range=6h$/);

  // A state Uptrust does not know is named, and every SLO is listed instead.
  await page.goto("/slos?alert=burning");
  await expect(page.getByTestId("scope-problems")).toContainText("alert=burning is not a state: page, ticket, healthy, waiting");
  await expect(slos.rows()).not.toHaveCount(0);

  // Each SLO opens its own page; its workload opens the service page.
  await page.goto("/slos");
  const checkout = slos.row("shop/checkout");
  await checkout.getByRole("link", { name: "availability", exact: true }).click();
  await expect(page).toHaveURL(/\/slos\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("shop/checkout · availability");
  await page.goBack();
  await slos.row("shop/checkout").getByRole("link", { name: "shop/checkout", exact: true }).click();
  await expect(page).toHaveURL(/\/services\/uptrust-demo\/shop\/Deployment\/checkout$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("checkout");
});

test("/rightsizing totals every suggestion as the cockpit's panel does and opens each one's evidence", async ({ page }) => {
  await loginAs(page, VIEWER);
  const cockpit = new CockpitPage(page);
  const list = new RightsizingListPage(page);
  const panelTotals = page.locator("section", { has: page.getByRole("heading", { name: "Right-sizing", level: 2, exact: true }) }).getByText(/^if applied now: /);
  // Both read the analyzer's latest suggestions (the over-provisioned frontend's among them); read them again
  // until one analysis is behind both.
  await cockpit.eventually(async () => {
    await page.goto("/");
    await expect(cockpit.recommendationRows().filter({ hasText: "frontend" }).first()).toContainText(/p95/, { timeout: 5_000 });
    const home = (await panelTotals.textContent({ timeout: 5_000 })) ?? "";
    expect(home).toMatch(/^if applied now: KRR .+; VPA .+$/);
    await page.goto("/rightsizing");
    await expect(list.totals()).toHaveText(home, { timeout: 1_000 });
  });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Right-sizing");
  await expect(page.getByTestId("list-range")).toHaveText(new RegExp(`^containers 1–${await list.rows().count()} of \\d+$`));

  // Held suggestions only: the filter lives in the URL and keeps the totals of the whole scope.
  const totals = await list.totals().textContent();
  const held = Number((await list.heldFilter().locator("b").textContent()) ?? "");
  await list.heldFilter().click();
  await expect(page).toHaveURL(/\/rightsizing\?held=1$/);
  await expect(list.rows()).toHaveCount(held);
  await expect(list.totals()).toHaveText(totals!);

  // Each container opens its usage and the evidence behind its suggestions.
  await page.goto("/rightsizing");
  const first = list.rows().first();
  const named = (await first.locator("td").first().textContent()) ?? "";
  await first.getByRole("link", { name: "usage and evidence →" }).click();
  await expect(page).toHaveURL(/\/rightsizing\/[0-9a-f-]{36}$/);
  const heading = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  expect(heading).toMatch(/^Right-sizing \S+\/\S+\/\S+$/);
  expect(named).toContain(heading.replace(/^Right-sizing /, ""));
});

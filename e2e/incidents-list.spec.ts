import { expect, test } from "@playwright/test";
import { CockpitPage } from "./pages/cockpit-page.ts";
import { IncidentListPage } from "./pages/list-pages.ts";
import { loginAs } from "./pages/login-page.ts";
import { SiteShell } from "./pages/site-shell.ts";

// An SRE on call opens every incident of the fleet from the main navigation, narrows it to the open ones and
// opens one; the cockpit's panel heading counts what the list counts.

const VIEWER = { user: "viewer", password: "viewer" };

test("/incidents opens from the nav, filters to open incidents in the URL and opens one", async ({ page }) => {
  await loginAs(page, VIEWER);
  const cockpit = new CockpitPage(page);
  const list = new IncidentListPage(page);
  // The demo's checkout rollout crash-loops once the replay has reached it.
  await cockpit.eventually(async () => {
    await expect(cockpit.incidentCard(/checkout/).first()).toBeVisible({ timeout: 5_000 });
  });
  const heading = (await page.getByText(/^\d+ open · \d+ resolved in the last 7 days$/).textContent()) ?? "";
  const [, open, resolved] = /^(\d+) open · (\d+) resolved/.exec(heading)!.map(Number);

  await new SiteShell(page).mainNav().getByRole("link", { name: "Incidents" }).click();
  await expect(page).toHaveURL(/\/incidents$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Incidents");
  // The analyzer may have opened or closed one since: the counts are read again until both agree.
  await cockpit.eventually(async () => {
    await page.goto("/");
    const now = (await page.getByText(/^\d+ open · \d+ resolved in the last 7 days$/).textContent({ timeout: 5_000 })) ?? "";
    await page.goto("/incidents");
    expect(`${await list.stateCount("open")} open · ${await list.stateCount("resolved")} resolved in the last 7 days`).toBe(now);
  });
  expect(open + resolved).toBeGreaterThan(0);
  await expect(list.rows()).toHaveCount(Math.min(50, await list.stateCount("all")));

  // Open ones only: the filter lives in the URL, and each row is an open incident.
  const counted = await list.stateCount("open");
  await list.stateFilter("open").click();
  await expect(page).toHaveURL(/\/incidents\?state=open$/);
  await expect(list.stateFilter("open")).toHaveAttribute("aria-current", "true");
  await expect(list.rows()).toHaveCount(Math.min(50, counted));
  for (const active of await list.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-active")))) expect(active).toBe("true");
  // A new scope keeps the chosen state.
  await page.getByRole("search", { name: "Scope" }).getByRole("combobox", { name: "Time range" }).selectOption({ label: "last 6h" });
  await expect(page).toHaveURL(/\/incidents\?range=6h&state=open$/);
  await expect(list.stateFilter("open")).toHaveAttribute("aria-current", "true");

  // Each row opens its incident.
  await page.goto("/incidents?state=open");
  const first = list.rows().first();
  const title = (await first.getByRole("link").first().textContent()) ?? "";
  await first.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);

  // g i comes back to the list from anywhere.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("g");
  await page.keyboard.press("i");
  await expect(page).toHaveURL(/\/incidents$/);
});

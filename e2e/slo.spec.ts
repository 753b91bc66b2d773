import { expect, test } from "@playwright/test";
import { CockpitPage } from "./pages/cockpit-page.ts";
import { loginAs } from "./pages/login-page.ts";
import { SloPage } from "./pages/slo-page.ts";

// checkout's SLO page after the demo's bad rollout: how the budget burned down over the window, each
// burn-rate rule against its rate, the alerts they raised, and the minutes behind it all.

test("the SLO page shows the budget's burn-down ending where the card does, the rules' burn and the alerts they raised", async ({ page }) => {
  await loginAs(page, { user: "viewer", password: "viewer" });
  const cockpit = new CockpitPage(page);
  await cockpit.eventually(async () => {
    expect(await cockpit.budgetRemaining("shop/checkout")).toBeLessThan(100);
  });
  await cockpit.sloCard("shop/checkout").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/slos\/[0-9a-f-]{36}$/);
  const slo = new SloPage(page);

  // The burn-down starts at 100 % and its last point is the budget the card says is left.
  await expect(slo.burnDown()).toBeVisible();
  await slo.openBurnDownTable();
  await expect(slo.burnDown().locator("table tbody tr").first()).toContainText("100 %");
  expect(await slo.burnDownLastLeft()).toBe(await slo.cardBudgetLeft());

  // One chart per rule of the burn-rate table, at the rates the SLO engine derives for 30 days.
  await expect(slo.ruleCharts()).toHaveCount(4);
  for (const [i, name] of ["page · 14.4× over 1 h and 5 min", "page · 6× over 6 h and 30 min", "ticket · 3× over 1 d and 2 h", "ticket · 1× over 3 d and 6 h"].entries()) {
    await expect(slo.ruleCharts().nth(i)).toHaveAccessibleName(`Burn rate, ${name}`);
  }
  // The crash-looping rollout paged: the alert history says when it fired and when it cleared.
  await cockpit.eventually(async () => {
    await page.reload();
    await expect(slo.alertHistory().getByTestId("alert-history")).toContainText("page");
  });

  // The current state of every rule, and the budget charged to the rollout that spent it.
  await expect(page.getByTestId("burn-windows").locator("tbody tr")).toHaveCount(4);
  await expect(page.getByTestId("budget-charge-table")).toContainText(/rollout \d+ of checkout \(image checkout/);

  // The minutes are folded away; opened, they come 30 a page, the page kept in the URL.
  await expect(page.getByTestId("slo-minutes")).toBeHidden();
  await slo.minutes().locator("summary").click();
  await expect(page.getByTestId("slo-minutes").locator("tbody tr")).toHaveCount(30);
  const newest = await page.getByTestId("slo-minutes").locator("tbody tr").first().textContent();
  await slo.minutePages().getByRole("link", { name: "next →" }).click();
  await expect(page).toHaveURL(/[?&]minutes=2#minutes$/);
  await expect(page.getByTestId("slo-minutes")).toBeVisible();
  await expect(slo.minutePages().locator('[aria-current="page"]')).toHaveText("2");
  await expect(page.getByTestId("slo-minutes").locator("tbody tr").first()).not.toHaveText(newest ?? "");
});

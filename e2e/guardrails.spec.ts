import { expect, test } from "@playwright/test";
import { CockpitPage } from "./pages/cockpit-page.ts";
import { GuardrailsPage } from "./pages/guardrails-page.ts";
import { loginAs } from "./pages/login-page.ts";

// Every guardrail finding of the demo cluster, from the cockpit's count to one finding's evidence.

test("the guardrails page lists every finding the cockpit counts, filters them in the URL and opens each one", async ({ page }) => {
  await loginAs(page, { user: "viewer", password: "viewer" });
  const cockpit = new CockpitPage(page);
  const all = page.getByTestId("guardrails-all");
  await cockpit.eventually(async () => {
    await expect(all).toBeVisible();
  });
  const counted = Number(/All (\d+) findings/.exec((await all.textContent()) ?? "")?.[1]);
  await all.click();
  await expect(page).toHaveURL(/\/guardrails$/);
  const guardrails = new GuardrailsPage(page);
  expect(await guardrails.totalCount()).toBe(counted);
  await expect(guardrails.scores()).toContainText("uptrust-demo");

  // Up to 25 a page (the demo's fit on one), dangers first.
  await expect(guardrails.rows()).toHaveCount(Math.min(25, counted));
  await expect(guardrails.rows().first()).toContainText("danger");

  // Only the warnings of the shop namespace: every row is one, and the filters stay in the URL.
  await guardrails.filter({ namespace: "shop", severity: "warning" });
  await expect(page).toHaveURL(/\/guardrails\?ns=shop&severity=warning$/);
  const warnings = await guardrails.totalCount();
  expect(warnings).toBeGreaterThan(0);
  expect(warnings).toBeLessThan(counted);
  for (const row of await guardrails.rows().all()) await expect(row).toContainText("warning");

  // Each finding opens its evidence.
  const target = (await guardrails.rows().first().getByRole("link").textContent()) ?? "";
  await guardrails.rows().first().getByRole("link").click();
  await expect(page).toHaveURL(/\/guardrails\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(target);
});

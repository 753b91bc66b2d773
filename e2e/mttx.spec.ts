import { expect, test } from "@playwright/test";
import { CockpitPage } from "./pages/cockpit-page.ts";
import { loginAs } from "./pages/login-page.ts";
import { MttxPage } from "./pages/mttx-page.ts";

// MTTD, MTTA and MTTR over twelve weeks, and the incidents behind a week's figures, after the demo's
// crash-looping rollout and OOM kill became incidents.

test("the MTTx page charts twelve weeks and lists the incidents behind the chosen week's figures", async ({ page }) => {
  await loginAs(page, { user: "viewer", password: "viewer" });
  const cockpit = new CockpitPage(page);
  const mttx = new MttxPage(page);
  await cockpit.eventually(async () => {
    await mttx.open();
    await expect(mttx.incidentRows().first()).toBeVisible();
    await expect(mttx.figure("mttr")).toContainText(/p50/);
  });
  for (const metric of ["MTTD", "MTTA", "MTTR"] as const) await expect(mttx.chart(metric)).toBeVisible();
  // Twelve weeks to choose from; the page opens on the newest with an incident.
  await expect(mttx.weeks()).toHaveCount(12);
  await expect(mttx.chosenWeek()).toContainText(/incident/);

  // The week's MTTD counts every listed incident, each linking to its page with its own times.
  const times = await mttx.listedTimes("mttd");
  await expect(mttx.figure("mttd")).toContainText(`over ${times.filter((t) => t !== "–").length}`);
  await expect(mttx.incidentRows().first().getByRole("link")).toHaveAttribute("href", /^\/incidents\/[0-9a-f-]{36}$/);

  // The cockpit's panel says the same of that week's MTTR.
  const mttr = (await mttx.figure("mttr").locator("b").textContent()) ?? "";
  await page.goto("/");
  await expect(page.locator("section", { has: page.getByRole("heading", { name: /MTTx/ }) })).toContainText(`p50 ${mttr}`);

  // Choosing another week (the keyboard moves through them) lists its incidents instead, the week in the URL.
  // Home picks the oldest week, eleven before the newest: the demo's incidents are all recent, but on a Monday
  // they may straddle two weeks, so the week just before the newest is not sure to be empty.
  await mttx.open();
  await mttx.chosenWeek().focus();
  await page.keyboard.press("Home");
  await expect(page).toHaveURL(/\/mttx\?week=\d{4}-\d{2}-\d{2}/);
  await expect(mttx.chosenWeek()).toContainText("0 incidents");
  await expect(page.getByText("No incident started this week.")).toBeVisible();
  await page.goBack();
  await expect(mttx.incidentRows().first()).toBeVisible();
});

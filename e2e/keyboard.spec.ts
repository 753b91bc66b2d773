import { expect, test } from "@playwright/test";
import { loginAs } from "./pages/login-page.ts";
import { SiteShell } from "./pages/site-shell.ts";

// The cockpit by keyboard alone: a skip link first, charts that are not a trail of Tab stops, shortcuts to
// the main sections listed under `?`, and a theme that stays chosen.

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await loginAs(page, { user: "demo", password: "demo" }, "/");
});

test("the first Tab stop skips the header, and the next thirty never land inside a chart", async ({ page }) => {
  const shell = new SiteShell(page);
  // Charts are drawn once the demo's history has replayed; wait until the MTTx chart (plain SVG) has data to draw.
  await expect(page.getByTestId("mttr-chart").locator("svg").first()).toBeVisible({ timeout: 120_000 });
  await page.reload();
  await page.waitForLoadState("load");

  await page.keyboard.press("Tab");
  expect((await shell.focused()).text).toBe("Skip to content");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeInViewport();
  await page.keyboard.press("Enter");
  expect((await shell.focused()).id).toBe("main");

  await page.reload();
  await page.waitForLoadState("load");
  const stops = await shell.tabStops(30);
  const inCharts = stops.filter((s) => s.inSvg);
  expect(inCharts, `Tab stops inside an <svg>: ${JSON.stringify(inCharts)}`).toEqual([]);
});

test("? lists the shortcuts in a dialog that keeps focus until Escape, and g m / g h move between sections", async ({ page }) => {
  const shell = new SiteShell(page);
  const dialog = shell.shortcutsDialog();
  // Keys pressed before the page has hydrated reach no listener yet, so ? is pressed until it is heard.
  await expect(async () => {
    await page.keyboard.press("?");
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(dialog).toContainText("Go to MTTx");
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  await page.keyboard.press("g");
  await page.keyboard.press("m");
  await expect(page).toHaveURL(/\/mttx$/);
  await expect(shell.mainNav().getByRole("link", { name: "MTTx" })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("g");
  await page.keyboard.press("h");
  await expect(page).toHaveURL(/\/$/);
});

test("the theme switch applies at once and the server renders the chosen theme on the next visit", async ({ page }) => {
  const shell = new SiteShell(page);
  await shell.themeButton("Dark").click();
  await shell.expectTheme("dark");
  await expect(shell.themeButton("Dark")).toHaveAttribute("aria-pressed", "true");
  // The HTML as the server sends it already carries the theme: no flash of the other one.
  const html = await (await page.request.get("/")).text();
  expect(html).toMatch(/<html[^>]*data-theme="dark"/);
  await shell.themeButton("Light").click();
  await page.reload();
  await shell.expectTheme("light");
  await shell.themeButton("System").click();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
});

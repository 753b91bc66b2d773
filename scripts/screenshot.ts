// `npm run screenshot`: signs in to a running cockpit (default http://localhost:3000, or BASE_URL) as
// the demo user and saves what an SRE sees to docs/cockpit.png for the README.
import { chromium } from "@playwright/test";
import { loginAs } from "@/e2e/pages/login-page.ts";

const baseURL = process.env.BASE_URL ?? "http://localhost:3000";
const out = process.env.SCREENSHOT_PATH ?? "docs/cockpit.png";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ baseURL, viewport: { width: 1440, height: 1000 } });
  await loginAs(page, { user: process.env.SCREENSHOT_USER ?? "demo", password: process.env.SCREENSHOT_PASSWORD ?? "demo" });
  await page.getByTestId("slo-card").first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500); // let the charts finish their entry animation
  await page.screenshot({ path: out, fullPage: true });
  console.log(`saved ${out} from ${baseURL}`);
} finally {
  await browser.close();
}

import { expect, type Locator, type Page } from "@playwright/test";
import { CockpitPage } from "./cockpit-page.ts";

// The Share panel of an incident page as a responder or a viewer meets it.
export class SharePanel {
  constructor(readonly page: Page) {}

  panel(): Locator {
    return this.page.locator("section", { has: this.page.getByRole("heading", { name: "Share", exact: true }) });
  }

  createForm(): Locator {
    return this.panel().getByRole("form", { name: "create share link" });
  }

  rows(): Locator {
    return this.panel().getByTestId("share-link-row");
  }

  // Creates a link and returns its URL, which the panel shows this once.
  async create(view: "external" | "internal", days: number): Promise<string> {
    await this.createForm().getByRole("radio", { name: new RegExp(`^${view}`) }).check();
    await this.createForm().getByLabel("days until the link expires").fill(String(days));
    await this.createForm().getByRole("button", { name: "Create link" }).click();
    const url = this.panel().getByRole("textbox", { name: "share link", exact: true });
    await expect(url).toHaveValue(/\/share\/[A-Za-z0-9_-]{43}$/);
    return url.inputValue();
  }
}

// From the cockpit to checkout's crash-loop incident, once the demo's replay has produced it; its id.
export async function openCheckoutIncident(page: Page): Promise<string> {
  const cockpit = new CockpitPage(page);
  const card = cockpit.incidentCard(/checkout.*CrashLoopBackOff|CrashLoopBackOff.*checkout/s);
  await cockpit.eventually(async () => {
    await expect(card.first()).toBeVisible();
  });
  await card.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

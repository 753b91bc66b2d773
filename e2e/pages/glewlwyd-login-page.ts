import { expect, type Page } from "@playwright/test";
import type { Credentials } from "./login-page.ts";

// glewlwyd's own sign-in pages, as a person meets them: login and password, then (the first time a
// person signs in to Uptrust) a consent screen listing the scopes Uptrust asks for.

export class GlewlwydLoginPage {
  constructor(
    private readonly page: Page,
    private readonly issuer: string,
  ) {}

  private atProvider() {
    return new URL(this.page.url()).origin === new URL(this.issuer).origin;
  }

  async signIn({ user, password }: Credentials) {
    await this.page.locator("#username").fill(user);
    await this.page.locator("#password").fill(password);
    await this.page.getByRole("button", { name: "OK" }).click();
    // Either back at Uptrust at once (consent given before) or at the consent screen.
    const grant = this.page.getByRole("button", { name: "Grant access" });
    await expect.poll(async () => !this.atProvider() || (await grant.isVisible()), { timeout: 20_000 }).toBe(true);
    if (!this.atProvider()) return;
    for (const box of await this.page.locator('input[id^="grant-"]').all()) await box.check();
    await grant.click();
    await this.page.getByRole("button", { name: "Continue" }).click();
    await this.page.waitForURL(() => !this.atProvider());
  }
}

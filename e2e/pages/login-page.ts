import { expect, type Page } from "@playwright/test";

// Uptrust's sign-in as a user meets it: the Uptrust login page, then the identity provider's form.
// Works against the development IdP (demo / demo) and any IdP with `login`/`password` fields.

export type Credentials = { user: string; password: string };

export class LoginPage {
  constructor(private readonly page: Page) {}

  signInButton() {
    return this.page.getByRole("button", { name: /^Sign in with / });
  }

  async open(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
    await expect(this.signInButton()).toBeVisible();
  }

  // Starts from wherever the browser is: on Uptrust's login page, or already at the identity provider.
  async signIn({ user, password }: Credentials) {
    if (await this.signInButton().isVisible()) await this.signInButton().click();
    await this.page.locator('input[name="login"]').waitFor();
    await this.page.locator('input[name="login"]').fill(user);
    await this.page.locator('input[name="password"]').fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }
}

// Opens `path` (default /), signs in when Uptrust asks, and waits until the browser is back on `path`.
export async function loginAs(page: Page, credentials: Credentials, path = "/") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login\?/);
  await new LoginPage(page).signIn(credentials);
  await page.waitForURL((url) => !url.pathname.startsWith("/login") && url.pathname === new URL(path, url).pathname);
}

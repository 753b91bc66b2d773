import { expect, type Locator, type Page } from "@playwright/test";

// Admin → Notifications as an admin works it: the channels, the form that adds one, the dead letters.

export type NewChannel = { name: string; type: "slack" | "pagerduty" | "webhook"; url?: string; secret: string };

export class NotificationsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/admin/notifications");
    await expect(this.page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  }

  form(): Locator {
    return this.page.getByRole("form", { name: "Add a notification channel" });
  }

  async add(channel: NewChannel) {
    const form = this.form();
    await form.getByLabel("Name", { exact: true }).fill(channel.name);
    await form.getByLabel("Type", { exact: true }).selectOption(channel.type);
    if (channel.url) await form.getByLabel(channel.type === "webhook" ? "URL" : "Events URL (empty: PagerDuty's)", { exact: true }).fill(channel.url);
    await form.locator('input[name="secret"]').fill(channel.secret);
    await form.getByRole("button", { name: "Add channel" }).click();
  }

  // Changes an admin's channel through its Change link: the fields given are replaced, the rest (the secret too) kept.
  async change(name: string, changes: { url?: string; namespaces?: string }) {
    await this.channel(name).getByRole("link", { name: `Change ${name}` }).click();
    const form = this.page.getByRole("form", { name: `Change ${name}` });
    if (changes.url !== undefined) await form.getByLabel("URL", { exact: true }).fill(changes.url);
    if (changes.namespaces !== undefined) await form.getByLabel("Only namespaces", { exact: true }).fill(changes.namespaces);
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form).toBeHidden();
  }

  channel(name: string): Locator {
    return this.page.locator(`[data-testid="channel-row"][data-name="${name}"]`);
  }

  deadLetters(): Locator {
    return this.page.getByTestId("dead-letter-row");
  }
}

import { expect, type Locator, type Page } from "@playwright/test";

// Admin → Users and Admin → Audit log as an admin reads them: one row per person, one row per audit line.

export class AdminUsersPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/admin/users");
    await expect(this.page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  }

  row(email: string): Locator {
    return this.page.locator(`[data-testid="user-row"][data-email="${email}"]`);
  }

  liveSessions(email: string): Locator {
    return this.row(email).getByTestId("live-sessions");
  }

  async endSessions(email: string) {
    await this.page.getByRole("button", { name: `End sessions of ${email}` }).click();
  }
}

export class AuditLogPage {
  constructor(readonly page: Page) {}

  async open(query = "") {
    await this.page.goto(`/admin/audit${query}`);
    await expect(this.page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId("audit-row");
  }

  async filter(fields: { action?: string; user?: string }) {
    const form = this.page.getByRole("form", { name: "Filter the audit log" });
    if (fields.action !== undefined) await form.locator('input[name="action"]').fill(fields.action);
    if (fields.user !== undefined) await form.locator('input[name="user"]').fill(fields.user);
    await form.getByRole("button", { name: "Filter" }).click();
  }
}

import { expect, test } from "@playwright/test";
import { verifySignature, SIGNATURE_HEADER } from "../lib/notify/sign-webhook.ts";
import { startRecordingReceiver } from "../lib/notify/testing/recording-receiver.ts";
import { loginAs } from "./pages/login-page.ts";
import { NotificationsPage } from "./pages/notifications-page.ts";
import { e2eQuery } from "./support/e2e-db.ts";

// An admin wires Uptrust to the team's webhook: the secret goes in once and never comes back, and a message the
// receiver refuses (a webhook that was removed answers 410 Gone) shows up as a dead letter with the reason. Once the
// admin points the channel at the receiver's new address, the dead letter is sent again and arrives.

const ADMIN = { user: "demo", password: "demo" };
const SECRET = "e2e-signing-secret-0123456789-wxyz";

type Stored = { id: string; status: string; severity: string; acknowledged: boolean };

// Something an on-call hears about, made through the API the incident page uses on an open incident: escalated
// to sev1, or else acknowledged. (A resolved incident reopened by hand is resolved again by the detector within
// a cycle, before the notifier looks: a state nobody saw is not news.)
function transitionFor(i: Stored): { action: object; headline: string } | null {
  if (!["triage", "investigating", "mitigated"].includes(i.status)) return null;
  if (i.severity !== "sev1") return { action: { type: "severity", severity: "sev1", reason: "the checkout team is paged for this" }, headline: "Incident escalated to sev1" };
  if (!i.acknowledged) return { action: { type: "acknowledge" }, headline: "Incident acknowledged" };
  return null;
}

test("an admin adds a webhook channel whose secret is never shown back; a refused message is a dead letter, sent again once the URL is fixed", async ({ page }) => {
  test.setTimeout(360_000);
  const receiver = await startRecordingReceiver({ "/gone": [410] });
  try {
    await loginAs(page, ADMIN);
    const admin = page.getByRole("navigation", { name: "Admin" });
    await admin.getByText(/^Admin/).click();
    await admin.getByRole("link", { name: "Notifications" }).click();
    const notifications = new NotificationsPage(page);
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();

    await notifications.add({ name: "ops-webhook", type: "webhook", url: `${receiver.url}/gone`, secret: SECRET });
    const row = notifications.channel("ops-webhook");
    await expect(row.getByTestId("channel-secret")).toHaveText("set, ends …wxyz");
    await expect(row).toContainText("everything");
    await expect(notifications.form().locator('input[name="secret"]')).toHaveValue("");
    expect(await page.content()).not.toContain(SECRET);
    const audit = await e2eQuery<{ detail: object }>("SELECT detail FROM audit_log WHERE action = 'notification.channel.create'");
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(SECRET);

    // The demo's incidents are found within a minute or two of start-up; an open one changes now (the demo keeps
    // replaying, so others may open or resolve meanwhile: each of those is a message too).
    let target: (Stored & { title: string }) | undefined;
    let expected = "";
    await expect(async () => {
      const incidents = await e2eQuery<Stored & { title: string }>(
        // Only incidents the notifier already told as open, so the change is an escalation, not their opening.
        `SELECT i.id::text AS id, i.title, i.status::text AS status, i.severity, i.acknowledged_at IS NOT NULL AS acknowledged
           FROM incidents i JOIN notification_states ns ON ns.subject = 'incident:' || i.id
          WHERE ns.state ->> 'status' = i.status::text ORDER BY i.started_at DESC`,
      );
      target = incidents.find((i) => transitionFor(i) !== null);
      expect(target).toBeTruthy();
      const res = await page.request.post(`/api/incidents/${target!.id}/actions`, { data: transitionFor(target!)!.action });
      expect(res.status()).toBe(200);
      expected = `${transitionFor(target!)!.headline}: ${target!.title}`;
    }).toPass({ timeout: 150_000, intervals: [2000, 5000] });

    // The analyze worker's notifier (every 10 s) sends it; the receiver's 410 makes it a dead letter at once.
    const letter = notifications.deadLetters().filter({ hasText: expected });
    await expect(async () => {
      await page.reload();
      await expect(letter.first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 90_000, intervals: [2000, 3000] });
    await expect(letter.first()).toContainText("ops-webhook");
    await expect(letter.first()).toContainText("HTTP 410");

    // Each message was tried once: a 410 is not worth retrying. Every one was signed with the secret.
    const attempts = await e2eQuery<{ attempts: number }>("SELECT attempts FROM notification_deliveries WHERE status = 'dead'");
    expect(attempts.length).toBeGreaterThanOrEqual(1);
    expect(attempts.every((a) => a.attempts === 1)).toBe(true);
    for (const sent of receiver.at("/gone")) {
      expect(verifySignature(SECRET, sent.body, String(sent.headers[SIGNATURE_HEADER]), Date.now())).toEqual({ ok: true });
      expect(sent.body).not.toContain(SECRET);
    }

    // The receiver moved. The admin changes the channel's URL, leaving the secret field empty so the secret is kept,
    // and sends the dead letter again: it reaches the new address, signed with the same secret.
    await notifications.change("ops-webhook", { url: `${receiver.url}/moved` });
    await expect(row).toContainText(`${receiver.url}/moved`);
    await expect(row.getByTestId("channel-secret")).toHaveText("set, ends …wxyz");
    await letter.first().getByRole("button", { name: /^Send again/ }).click();
    await expect.poll(() => receiver.at("/moved").filter((r) => r.body.includes(expected)).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    const resent = receiver.at("/moved").find((r) => r.body.includes(expected))!;
    expect(verifySignature(SECRET, resent.body, String(resent.headers[SIGNATURE_HEADER]), Date.now())).toEqual({ ok: true });
    const change = await e2eQuery<{ detail: { secretChanged: boolean } }>("SELECT detail FROM audit_log WHERE action = 'notification.channel.update'");
    expect(change.map((c) => c.detail.secretChanged)).toEqual([false]);

    // Send test answers whether the channel works: the row says so once the worker has sent it.
    await row.getByRole("button", { name: "Send a test message to ops-webhook" }).click();
    await expect(row.getByTestId("channel-test")).toContainText(/test message (waiting|delivered)/);
    await expect(row.getByTestId("channel-test")).toContainText("test message delivered", { timeout: 60_000 });
    expect(receiver.at("/moved").map((r) => (r.json as { event: string }).event)).toContain("test");

    // Removed, the channel hears nothing more, and a link to change it says it is gone.
    const changeLink = await row.getByRole("link", { name: "Change ops-webhook" }).getAttribute("href");
    await row.getByRole("button", { name: "Delete ops-webhook" }).click();
    await expect(row).toBeHidden();
    await page.goto(changeLink!);
    await expect(page.getByText("The channel that link names cannot be changed here: it has been deleted")).toBeVisible();
  } finally {
    await receiver.close();
  }
});

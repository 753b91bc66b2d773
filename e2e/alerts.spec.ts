import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { runAlertmanager } from "../lib/testing/run-alertmanager.ts";
import { DEMO } from "../workers/emulator/scenarios/demo.ts";
import { E2E_ALERTMANAGER_TOKEN, E2E_PORT } from "../playwright.config.ts";
import { CockpitPage } from "./pages/cockpit-page.ts";
import { IncidentPage } from "./pages/incident-page.ts";
import { IncidentListPage } from "./pages/list-pages.ts";
import { loginAs } from "./pages/login-page.ts";

// A team's Alertmanager pages Uptrust: the real Alertmanager delivers its webhook, with the token from its
// webhook_config, to the running server; an alert on the demo's coredns (healthy in the demo's story, so no
// incident of its own) opens an incident a person sees on /incidents, the alert on its timeline, and its
// resolution follows it there. One naming a deployment the demo does not have is listed for admins on /clusters.
test("an Alertmanager alert on a quiet demo workload opens an incident with the alert on its timeline; admins see one Uptrust could not place", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "uptrust-e2e-alertmanager-"));
  const alertmanager = await runAlertmanager(dir, `
route: { receiver: uptrust, group_by: ['...'], group_wait: 1s, group_interval: 1s, repeat_interval: 1h }
receivers:
  - name: uptrust
    webhook_configs:
      - url: http://localhost:${E2E_PORT}/api/alerts/alertmanager
        send_resolved: true
        http_config: { authorization: { credentials: ${E2E_ALERTMANAGER_TOKEN} } }
`);
  try {
    const { namespace, name } = DEMO.coredns;
    const alert = {
      labels: { alertname: "CoreDNSLatencyHigh", namespace, deployment: name, severity: "warning" },
      annotations: { summary: "coredns p99 lookup latency is 1.2s" },
      startsAt: new Date(Date.now() - 2 * 60_000).toISOString(),
      generatorURL: "http://prometheus.example:9090/graph?g0.expr=coredns_latency",
    };
    const stray = { ...alert, labels: { alertname: "GhostDown", namespace, deployment: "ghost" }, annotations: {} };
    const send = async (alerts: object[]) => {
      const res = await fetch(`${alertmanager.url}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(alerts) });
      expect(res.status).toBe(200);
    };
    await send([alert, stray]);

    await loginAs(page, { user: "demo", password: "demo" }, "/incidents");
    const list = new IncidentListPage(page);
    const row = list.rows().filter({ hasText: `${namespace}/${name}` });
    // Alertmanager delivers within a second or two; the analyzer's next cycle opens the incident.
    await new CockpitPage(page).eventually(async () => {
      await page.goto("/incidents");
      await expect(row).toHaveCount(1, { timeout: 2_000 });
    });
    await expect(row.getByRole("link").first()).toHaveText(`${name} has a firing Alertmanager alert (Alert)`);
    await expect(row).toHaveAttribute("data-active", "true");

    await row.getByRole("link").first().click();
    const incident = new IncidentPage(page);
    await expect(incident.entries().filter({ hasText: "Alertmanager: CoreDNSLatencyHigh firing: coredns p99 lookup latency is 1.2s" })).toHaveCount(1);

    // The alert resolves: Alertmanager sends the resolution and the timeline tells it.
    await send([{ ...alert, endsAt: new Date().toISOString() }]);
    await expect(async () => {
      await page.reload();
      await expect(incident.entries().filter({ hasText: "Alertmanager: CoreDNSLatencyHigh resolved" })).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 60_000, intervals: [1000, 2000] });

    await page.goto("/clusters");
    await expect(page.getByTestId("unmatched-alert").filter({ hasText: "GhostDown" })).toContainText(
      `names deployment "ghost" in namespace "${namespace}", which Uptrust has not seen in cluster`,
    );
  } finally {
    await alertmanager.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

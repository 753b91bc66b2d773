import { expect, test } from "@playwright/test";
import { loginAs } from "./pages/login-page.ts";
import { ServicePage } from "./pages/service-page.ts";

// checkout's service page on the demo cluster, which replays a bad rollout: 1.5.0, applied with kubectl,
// crash-loops until it is rolled back. "What changed right before it broke?" should take one look.

const CLUSTER = "uptrust-demo";
const checkout = ServicePage.path(CLUSTER, "shop", "Deployment", "checkout");
const viewer = { user: "viewer", password: "viewer" };
const MINUTE = 60_000;

test("checkout's rollout sits just before its restarts and incident; its diff, its writer and the logs around the incident are a click away", async ({ page }) => {
  await loginAs(page, viewer, checkout);
  const svc = new ServicePage(page);
  // The demo replays six hours in about half a minute: wait until the incident and the rollback are stored.
  await svc.eventually(async () => {
    await expect(svc.marks("Incidents")).not.toHaveCount(0, { timeout: 2000 });
    await expect(svc.marks("Changes", /→ 1\.4\.2/)).toHaveCount(1, { timeout: 2000 });
  });
  const rollout = svc.marks("Changes", /→ 1\.5\.0/);
  const incident = svc.marks("Incidents").first();
  const restart = svc.marks("Restarts").first();
  const [tRollout, tIncident, tRestart] = [await svc.markTime(rollout), await svc.markTime(incident), await svc.markTime(restart)];
  expect(tRollout).toBeLessThanOrEqual(tIncident);
  expect(tIncident - tRollout).toBeLessThan(10 * MINUTE);
  expect(tRestart).toBeGreaterThanOrEqual(tRollout);
  expect(tRestart - tRollout).toBeLessThan(10 * MINUTE);
  await expect(svc.story()).toContainText(/written by kubectl-client-side-apply, preceded checkout is crash-looping/);

  await rollout.click();
  await expect(svc.selected()).toContainText("checkout:1.4.2");
  await expect(svc.selected()).toContainText("checkout:1.5.0");
  await expect(page.getByTestId("change-author")).toContainText("written by kubectl-client-side-apply");

  await incident.click();
  const at = new Date(tIncident).toISOString();
  await expect(svc.logsHeading()).toHaveText(`Logs around ${at.slice(0, 10)} ${at.slice(11, 19)} UTC`);
  const utc = (t: number) => `${new Date(t).toISOString().slice(0, 10)} ${new Date(t).toISOString().slice(11, 19)}`;
  await expect(svc.logs()).toContainText(`From ${utc(tIncident - 5 * MINUTE)} to ${utc(tIncident + 5 * MINUTE)} UTC`);
  // checkout's pods log as they serve: every line shown falls in those ten minutes (which may span midnight UTC:
  // each line's own timestamp, not the incident's date with the line's time of day).
  const times = await svc.logLineTimes();
  expect(times.length).toBeGreaterThan(0);
  for (const t of times) expect(Math.abs(t - tIncident)).toBeLessThanOrEqual(5 * MINUTE);
});

test("zooming keeps the visible range in the address, and the back button undoes it", async ({ page }) => {
  await loginAs(page, viewer, checkout);
  const svc = new ServicePage(page);
  const range = page.getByTestId("axis-range");
  await expect(range).toHaveText(/^\S+ \S+ UTC – \S+ \S+ UTC$/);
  const before = await range.textContent();
  await svc.zoomIn();
  await expect(page).toHaveURL(/[?&]from=.*&to=/);
  const url = new URL(page.url());
  const shown = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  const zoomed = `${shown(url.searchParams.get("from") ?? "")} – ${shown(url.searchParams.get("to") ?? "")}`;
  expect(zoomed).not.toBe(before);
  await expect(range).toHaveText(zoomed);
  await page.reload();
  await expect(range).toHaveText(zoomed);
  await page.goBack();
  await expect(page).not.toHaveURL(/from=/);
});

test("a workload Uptrust never saw, and a kind it does not track, answer 404 and are named in a sentence", async ({ page }) => {
  await loginAs(page, viewer);
  const unseen = await page.goto(ServicePage.path(CLUSTER, "shop", "Deployment", "checkuot"));
  expect(unseen?.status()).toBe(404);
  await expect(page.getByTestId("service-not-found")).toHaveText(`Uptrust has not seen a Deployment named checkuot in namespace shop of cluster ${CLUSTER}.`);
  const untracked = await page.goto(ServicePage.path(CLUSTER, "shop", "Ingress", "checkout"));
  expect(untracked?.status()).toBe(404);
  await expect(page.getByTestId("service-not-found")).toContainText("Uptrust keeps the history of Deployment, StatefulSet, DaemonSet, Job, CronJob workloads");
});

import { expect, type Locator, type Page } from "@playwright/test";

// A workload's service page as an SRE uses it: the axis's lanes of marks, the selected mark's detail,
// and the logs around a chosen moment. The demo replays its history while the test runs, so finders wait.

export class ServicePage {
  constructor(readonly page: Page) {}

  static path(cluster: string, namespace: string, kind: string, name: string): string {
    return `/services/${[cluster, namespace, kind, name].map(encodeURIComponent).join("/")}`;
  }

  lane(name: "Changes" | "Incidents" | "Restarts" | "Events"): Locator {
    return this.page.getByRole("group", { name });
  }

  /** The marks of a lane whose accessible name (kind, time, title) matches. */
  marks(lane: "Changes" | "Incidents" | "Restarts" | "Events", title?: RegExp): Locator {
    return title ? this.lane(lane).getByRole("button", { name: title }) : this.lane(lane).getByRole("button");
  }

  /** A mark's time on the axis, read from its accessible name ("change at 2026-12-06 08:02:00 UTC: …"). */
  async markTime(mark: Locator): Promise<number> {
    const name = (await mark.getAttribute("aria-label")) ?? "";
    const m = / at (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC/.exec(name);
    if (!m) throw new Error(`no time in "${name}"`);
    return Date.parse(`${m[1]}T${m[2]}Z`);
  }

  selected(): Locator {
    return this.page.getByTestId("mark-detail");
  }

  logs(): Locator {
    return this.page.getByTestId("service-logs");
  }

  /** The clock times (HH:MM:SS, UTC) of every log line shown. */
  /** Each shown log line's time, from its <time>'s full timestamp: the line shows only the time of day. */
  async logLineTimes(): Promise<number[]> {
    const stamps = await this.logs().locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
    return stamps.map((t) => Date.parse(t));
  }

  logsHeading(): Locator {
    return this.page.getByRole("heading", { name: /^Logs around / });
  }

  story(): Locator {
    return this.page.getByTestId("service-story");
  }

  async zoomIn() {
    await this.page.getByRole("button", { name: "Zoom in" }).click();
  }

  // Reloads until `check` passes (the page shows the range as served; the demo keeps replaying).
  async eventually(check: () => Promise<void>, timeout = 150_000) {
    await expect(async () => {
      await this.page.reload();
      await check();
    }).toPass({ timeout, intervals: [2000, 5000] });
  }
}

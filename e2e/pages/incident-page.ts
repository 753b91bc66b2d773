import { expect, type Locator, type Page } from "@playwright/test";

// An incident page as a responder works it: the timeline with its kind filter and folded log lines, the
// Respond panel's moves and its UTC time field, the facts beside them; and the postmortem draft.
export class IncidentPage {
  constructor(readonly page: Page) {}

  private panel(heading: string): Locator {
    return this.page.locator("section", { has: this.page.getByRole("heading", { name: heading, exact: true }) });
  }

  timeline(): Locator {
    return this.panel("Timeline");
  }

  /** The filter chip of a kind, e.g. "changes" or "all kinds"; its name ends with the count. */
  kind(label: string): Locator {
    return this.timeline().getByRole("group", { name: "Show kinds of entries" }).getByRole("button", { name: new RegExp(`^${label} \\d+$`) });
  }

  async kindCount(label: string): Promise<number> {
    return Number((await this.kind(label).innerText()).replace(/\D+/g, ""));
  }

  entries(): Locator {
    return this.timeline().getByTestId("timeline-entry");
  }

  foldedLogs(): Locator {
    return this.timeline().getByTestId("repeated-log");
  }

  respond(): Locator {
    return this.panel("Respond");
  }

  when(): Locator {
    return this.respond().getByLabel("when (UTC)");
  }

  move(name: string): Locator {
    return this.respond().getByRole("group", { name: "status" }).getByRole("button", { name, exact: true });
  }

  /** The moves offered now, in order. */
  async moves(): Promise<string[]> {
    return this.respond().getByRole("group", { name: "status" }).getByRole("button").allInnerTexts();
  }

  /** A fact's value as the facts list shows it, e.g. fact("resolved") → "2026-12-06 09:42 UTC". */
  fact(name: string): Locator {
    return this.page.getByRole("region", { name: "Incident facts" }).locator(`dt:text-is("${name}") + dd`);
  }

  /** The exact instant behind a fact's minute, e.g. factTime("detected") → "2026-12-06T09:42:17.000Z". */
  async factTime(name: string): Promise<string> {
    return (await this.fact(name).locator("time").getAttribute("datetime")) ?? "";
  }

  /** The cluster's clock as the Respond panel states it, to the minute (the page is read in UTC). */
  async clusterNow(): Promise<Date> {
    const hint = await this.respond().getByText(/now on the cluster clock/).innerText();
    const minute = hint.match(/\((\d{4}-\d\d-\d\d \d\d:\d\d) UTC\)/)?.[1];
    if (!minute) throw new Error(`the Respond panel does not state the cluster's clock: ${hint}`);
    return new Date(`${minute.replace(" ", "T")}:00Z`);
  }

  async openPostmortem() {
    await this.page.getByRole("link", { name: "Postmortem draft →" }).click();
    await expect(this.page).toHaveURL(/\/incidents\/[0-9a-f-]{36}\/postmortem$/);
  }
}

export class PostmortemPage {
  constructor(readonly page: Page) {}

  document(): Locator {
    return this.page.getByTestId("postmortem-rendered");
  }

  source(): Locator {
    return this.page.getByTestId("postmortem-markdown");
  }

  view(name: "Document" | "Markdown source"): Locator {
    return this.page.getByRole("group", { name: "Show the draft as" }).getByRole("button", { name });
  }

  copy(): Locator {
    return this.page.getByRole("button", { name: "Copy Markdown" });
  }
}

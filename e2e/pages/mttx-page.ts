import type { Locator, Page } from "@playwright/test";
import type { MttxMetric } from "../../lib/domain/mttx.ts";

// The MTTx page: MTTD, MTTA and MTTR per week, a week chooser, and the incidents behind the chosen week.
export class MttxPage {
  constructor(readonly page: Page) {}

  async open(search = "") {
    await this.page.goto(`/mttx${search}`);
  }

  chart(metric: "MTTD" | "MTTA" | "MTTR"): Locator {
    return this.page.getByRole("figure", { name: `${metric} per week` });
  }

  weeks(): Locator {
    return this.page.getByRole("radiogroup", { name: /^Week/ }).getByRole("radio");
  }

  chosenWeek(): Locator {
    return this.page.getByRole("radiogroup", { name: /^Week/ }).getByRole("radio", { checked: true });
  }

  figure(metric: MttxMetric): Locator {
    return this.page.getByTestId("week-figures").locator(`[data-metric="${metric}"]`);
  }

  incidentRows(): Locator {
    return this.page.getByTestId("mttx-incidents").locator("tbody tr");
  }

  // Every listed incident's time for one metric ("–" where it does not count), in seconds where it does.
  async listedTimes(metric: MttxMetric): Promise<string[]> {
    const column = { mttd: 5, mtta: 6, mttr: 7 }[metric];
    return this.incidentRows().evaluateAll((trs, c) => trs.map((tr) => tr.querySelectorAll("td")[c]?.textContent ?? ""), column);
  }
}

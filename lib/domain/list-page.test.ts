import { describe, expect, it } from "vitest";
import { listPage, pageRangeText, pastEndText } from "./list-page.ts";

const slos = Array.from({ length: 1_202 }, (_, i) => `slo-${i + 1}`);

describe("a long list a page at a time", () => {
  it("shows rows 51–100 of 1,202 on the second page", () => {
    const p = listPage(slos, 2);
    expect(p.rows).toHaveLength(50);
    expect([p.rows[0], p.rows.at(-1)]).toEqual(["slo-51", "slo-100"]);
    expect(pageRangeText(p, "rows")).toBe("rows 51–100 of 1,202");
    expect(p.pages).toBe(25);
  });

  it("ends with the two rows left over on the last page", () => {
    const p = listPage(slos, 25);
    expect(p.rows).toEqual(["slo-1201", "slo-1202"]);
    expect(pageRangeText(p, "rows")).toBe("rows 1,201–1,202 of 1,202");
    expect(pastEndText(p, "rows")).toBeNull();
  });

  it("a link to a page past the end shows the last page and says that the page asked for does not exist", () => {
    const p = listPage(slos, 30);
    expect(p.page).toBe(25);
    expect(p.rows[0]).toBe("slo-1201");
    expect(pastEndText(p, "SLOs")).toBe("There is no page 30: this list has 25 pages of up to 50 SLOs; this is the last.");
  });

  it("an empty list has one empty page and says there are no rows", () => {
    const p = listPage([], 1);
    expect([p.page, p.pages, p.rows]).toEqual([1, 1, []]);
    expect(pageRangeText(p, "containers")).toBe("no containers");
    expect(pastEndText(listPage([], 2), "containers")).toBe("There is no page 2: this list has 1 page of up to 50 containers; this is the last.");
  });
});

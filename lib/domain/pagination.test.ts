import { describe, expect, it } from "vitest";
import { pageLinks, pageWindow } from "./pagination.ts";

describe("pages of a long list", () => {
  it("reads 61 minutes as three pages of 30, the third holding the last one", () => {
    expect(pageWindow(61, 3, 30)).toEqual({ page: 3, pages: 3, offset: 60, limit: 30 });
  });

  it("shows the last page for a link past the end, and one empty page for an empty list", () => {
    expect(pageWindow(61, 9, 30).page).toBe(3);
    expect(pageWindow(0, 1, 30)).toEqual({ page: 1, pages: 1, offset: 0, limit: 30 });
    expect(pageWindow(61, Number.NaN, 30).page).toBe(1);
  });

  it("offers the first, the last and the pages around the current one, marking the gaps", () => {
    expect(pageLinks(6, 40)).toEqual([1, null, 4, 5, 6, 7, 8, null, 40]);
    expect(pageLinks(1, 3)).toEqual([1, 2, 3]);
    expect(pageLinks(1, 1)).toEqual([1]);
  });
});

import { describe, expect, it } from "vitest";
import { compactDetail } from "./compact-detail.ts";

describe("an audit line's detail on one row", () => {
  it("reads as key=value pairs", () => {
    expect(compactDetail({ from: "viewer", to: "responder", by: "admin", admin: "demo@uptrust.dev" })).toBe("from=viewer to=responder by=admin admin=demo@uptrust.dev");
  });

  it("joins lists, says when one is empty, and keeps nested objects readable", () => {
    expect(compactDetail({ groups: ["uptrust-admins", "sre"], slos: [], at: null, window: { days: 30 } })).toBe(
      'groups=uptrust-admins,sre slos=none at=– window={"days":30}',
    );
  });

  it("is empty for no detail", () => {
    expect(compactDetail({})).toBe("");
    expect(compactDetail(null)).toBe("");
  });

  it("cuts long values and long lines, marking the cut", () => {
    const text = compactDetail({ note: "x".repeat(500) });
    expect(text).toBe(`note=${"x".repeat(59)}…`);
    const many = compactDetail(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, "value"])));
    expect(many).toHaveLength(180);
    expect(many.endsWith("…")).toBe(true);
  });
});

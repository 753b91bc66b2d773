import { describe, expect, it } from "vitest";
import { atMinute as at, crashLine, storedTimeline as timeline } from "./checkout-timeline.fixture.ts";
import { collapseRepeatedLogLines, logPattern, rowSize } from "./repeated-log-lines.ts";
import { MINUTE_MS } from "./slo.ts";

describe("repeated log lines", () => {
  it("tell one message once however its numbers, ids, addresses and timestamps vary", () => {
    expect(logPattern(crashLine(1, "a", 1).message)).toBe(logPattern(crashLine(2, "b", 7).message));
    expect(logPattern("retry 3 of 5 for order 8f14e45f-ceea-467f-a0e6-3c6d5a2b1e9a")).toBe("retry <n> of <n> for order <id>");
    expect(logPattern("panic: missing PAYMENT_URL")).not.toBe(logPattern("panic: missing CART_URL"));
  });

  it("fold a crash loop's 37 identical errors into one row that says how many, from when to when", () => {
    const rows = collapseRepeatedLogLines(timeline({ logs: Array.from({ length: 37 }, (_, i) => crashLine(1 + i, undefined, i)) }));
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row.kind).toBe("repeated");
    if (row.kind !== "repeated") return;
    expect(row.lines).toHaveLength(37);
    expect(row.first).toBe(new Date(at(1)).toISOString());
    expect(row.last).toBe(new Date(at(37)).toISOString());
    expect(row.container).toBe("checkout");
    expect(row.pods).toEqual(["checkout-7d9f8-abc12"]);
  });

  it("keep every line: the rows stand for as many entries as the timeline holds", () => {
    const entries = timeline({
      logs: [crashLine(1), crashLine(2), { ...crashLine(3), message: "panic: missing PAYMENT_URL" }, crashLine(4)],
      events: [{ uid: "e1", reason: "BackOff", message: "Back-off restarting failed container", type: "Warning", involvedKind: "Pod", involvedName: "checkout-x", count: 4, firstSeen: at(2), lastSeen: at(2) }],
    });
    const rows = collapseRepeatedLogLines(entries);
    expect(rows.reduce((n, r) => n + rowSize(r), 0)).toBe(entries.length);
    // The event and the other message between the repeats do not split them: the run stands at its first line.
    expect(rows.map((r) => (r.kind === "entry" ? r.entry.kind : `log ×${r.lines.length}`))).toEqual(["log ×3", "event", "log"]);
  });

  it("keep the same message from another container apart", () => {
    const sidecar = { ...crashLine(2), container: "envoy" };
    const rows = collapseRepeatedLogLines(timeline({ logs: [crashLine(1), sidecar, crashLine(3)] }));
    expect(rows.map((r) => r.kind)).toEqual(["repeated", "entry"]);
  });

  it("gather the same container's lines from several pods, naming each pod", () => {
    const rows = collapseRepeatedLogLines(timeline({ logs: [crashLine(1, "checkout-7d9f8-abc12"), crashLine(2, "checkout-7d9f8-xyz89")] }));
    expect(rows).toHaveLength(1);
    expect(rows[0].kind === "repeated" && rows[0].pods).toEqual(["checkout-7d9f8-abc12", "checkout-7d9f8-xyz89"]);
  });

  it("start a new row when the message returns after a quiet spell longer than the gap", () => {
    const rows = collapseRepeatedLogLines(timeline({ logs: [crashLine(1), crashLine(2), crashLine(20), crashLine(21)] }), { maxGapMs: 5 * MINUTE_MS });
    expect(rows.map((r) => rowSize(r))).toEqual([2, 2]);
  });

  it("keep errors before a rollback apart from errors after it, so a fix that did not hold shows", () => {
    const rollback = { id: "c2", observedAt: at(3), summary: "image checkout: shop/checkout:1.5.0 → 1.4.2", revision: "8", before: {}, after: {} };
    const rows = collapseRepeatedLogLines(timeline({ logs: [crashLine(1), crashLine(2), crashLine(4), crashLine(5)], changes: [rollback] }));
    expect(rows.map((r) => (r.kind === "entry" ? r.entry.kind : `log ×${r.lines.length}`))).toEqual(["log ×2", "change", "log ×2"]);
  });

  it("leave a line that is not repeated as it is", () => {
    const rows = collapseRepeatedLogLines(timeline({ logs: [{ ...crashLine(1), message: "panic: missing PAYMENT_URL" }] }));
    expect(rows).toEqual([{ kind: "entry", entry: expect.objectContaining({ kind: "log", title: "panic: missing PAYMENT_URL" }) }]);
  });
});

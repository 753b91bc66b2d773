import { describe, expect, it } from "vitest";
import { mttxSeconds, mttxStats, type MttxIncident } from "./mttx.ts";

const MIN = 60_000;
const wed = Date.UTC(2026, 10, 25, 9, 0);
const now = Date.UTC(2026, 10, 27, 12, 0);

// An incident whose impact began at `start`, detected `detect` minutes later, acknowledged and resolved
// `ack` and `resolve` minutes after that start (null: not yet).
function incident(start: number, detect: number, ack: number | null, resolve: number | null, service = "shop/checkout", severity = "sev2"): MttxIncident {
  return { startedAt: start, detectedAt: start + detect * MIN, acknowledgedAt: ack === null ? null : start + ack * MIN, resolvedAt: resolve === null ? null : start + resolve * MIN, service, severity };
}

const stat = (all: ReturnType<typeof mttxStats>, metric: string, grouping: string, key: string) =>
  all.find((s) => s.metric === metric && s.grouping === grouping && s.groupKey === key);

describe("MTTD, MTTA and MTTR", () => {
  it("measure detect from impact start, acknowledge from detection and resolve from impact start", () => {
    const i = incident(wed, 3, 10, 45);
    expect(mttxSeconds("mttd", i)).toBe(180);
    expect(mttxSeconds("mtta", i)).toBe(420);
    expect(mttxSeconds("mttr", i)).toBe(2700);
  });

  it("an incident nobody acknowledged counts towards MTTD and MTTR but not MTTA", () => {
    const all = mttxStats([incident(wed, 2, null, 20)], now);
    expect(stat(all, "mttd", "week", "2026-11-23T00:00:00.000Z")?.incidents).toBe(1);
    expect(stat(all, "mtta", "week", "2026-11-23T00:00:00.000Z")).toBeUndefined();
    expect(stat(all, "mttr", "week", "2026-11-23T00:00:00.000Z")?.p50Seconds).toBe(1200);
  });

  it("an acknowledgement paged in from elsewhere before detection waited zero seconds", () => {
    expect(mttxSeconds("mtta", { ...incident(wed, 5, null, null), acknowledgedAt: wed + MIN })).toBe(0);
  });

  it("one slow repair drags checkout's mean but not its median, and each service and severity is its own group", () => {
    const all = mttxStats([
      incident(wed, 1, 2, 10), incident(wed + 60 * MIN, 1, 2, 10), incident(wed + 120 * MIN, 1, 2, 10),
      incident(wed + 180 * MIN, 1, 2, 10), incident(wed + 240 * MIN, 1, 2, 600),
      incident(wed, 4, 30, 60, "shop/reports", "sev3"),
    ], now);
    expect(stat(all, "mttr", "service", "shop/checkout")).toMatchObject({ incidents: 5, p50Seconds: 600, p90Seconds: 36_000, meanSeconds: (4 * 600 + 36_000) / 5 });
    expect(stat(all, "mttr", "service", "shop/reports")).toMatchObject({ incidents: 1, p50Seconds: 3600 });
    expect(stat(all, "mtta", "severity", "sev3")).toMatchObject({ incidents: 1, meanSeconds: 26 * 60 });
    expect(stat(all, "mttd", "week", "2026-11-23T00:00:00.000Z")?.incidents).toBe(6);
  });

  it("looks back twelve ISO weeks from the cluster's now and no further", () => {
    const thirteenWeeksAgo = Date.UTC(2026, 7, 30, 12, 0);
    const twelfthWeek = Date.UTC(2026, 8, 7, 0, 0);
    const all = mttxStats([incident(thirteenWeeksAgo, 1, 2, 3), incident(twelfthWeek, 1, 2, 3)], now);
    expect(all.filter((s) => s.metric === "mttr" && s.grouping === "week").map((s) => s.groupKey)).toEqual(["2026-09-07T00:00:00.000Z"]);
  });
});

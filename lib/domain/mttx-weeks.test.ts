import { describe, expect, it } from "vitest";
import { chosenWeek, countedBy, incidentsOfWeek, mttxWeeks } from "./mttx-weeks.ts";
import { mttxSeconds, type MttxIncident } from "./mttx.ts";
import { mean, percentile } from "./percentile.ts";

const MIN = 60_000;
const wed = Date.UTC(2026, 10, 25, 9, 0);
const monday = Date.UTC(2026, 10, 23);
const now = wed + 3 * 24 * 60 * MIN;

// Started `start` minutes after Wednesday 09:00, detected, acknowledged and resolved so many minutes later.
const incident = (start: number, detect: number, ack: number | null, resolve: number | null): MttxIncident => ({
  startedAt: wed + start * MIN, detectedAt: wed + (start + detect) * MIN, acknowledgedAt: ack === null ? null : wed + (start + ack) * MIN,
  resolvedAt: resolve === null ? null : wed + (start + resolve) * MIN, service: "shop/checkout", severity: "sev2",
});
const incidents = [incident(0, 2, 5, 30), incident(600, 4, null, 20), incident(1200, 6, 16, null), incident(-7 * 24 * 60, 3, 4, 90)];

describe("MTTx per week", () => {
  it("charts twelve weeks, the quiet ones empty, ending with the current week", () => {
    const weeks = mttxWeeks(incidents, now);
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)!.weekStart).toBe(monday);
    expect(weeks.filter((w) => w.figures.mttd !== null).map((w) => w.weekStart)).toEqual([monday - 7 * 86_400_000, monday]);
  });

  it("makes each week's point the mean, p50 and p90 of the incidents listed under it", () => {
    const week = mttxWeeks(incidents, now).at(-1)!;
    const listed = incidentsOfWeek(incidents, (i) => i, monday, now);
    expect(listed).toHaveLength(3);
    for (const metric of ["mttd", "mtta", "mttr"] as const) {
      const seconds = listed.filter((i) => countedBy(metric, i)).map((i) => mttxSeconds(metric, i)!);
      expect(week.figures[metric]).toEqual({ incidents: seconds.length, meanSeconds: mean(seconds), p50Seconds: percentile(seconds, 50), p90Seconds: percentile(seconds, 90) });
    }
    // MTTR counts only the two resolved incidents: 30 and 20 minutes.
    expect(week.figures.mttr).toEqual({ incidents: 2, meanSeconds: 1500, p50Seconds: 1200, p90Seconds: 1800 });
  });

  it("opens on the week asked for, else on the newest week with an incident", () => {
    const weeks = mttxWeeks(incidents.slice(3), now);
    expect(chosenWeek(weeks, null)).toBe(monday - 7 * 86_400_000);
    expect(chosenWeek(weeks, monday)).toBe(monday);
    expect(chosenWeek(weeks, Date.UTC(2020, 0, 6))).toBe(monday - 7 * 86_400_000);
  });
});

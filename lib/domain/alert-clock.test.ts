import { describe, expect, it } from "vitest";
import { clusterClockLagMs, onClusterClock } from "./alert-clock.ts";
import { createScenarioClock } from "@/workers/emulator/clock.ts";

const MIN = 60_000;
const wall = Date.UTC(2026, 11, 7, 2, 0);

describe("alert times on the cluster's clock", () => {
  it("the demo cluster replaying six hours behind: an alert that fired 10 minutes ago fired 10 minutes before the cluster's now", () => {
    // The emulator's own clock at 1x with a six-hour lead: ingest last moved the cluster's clock one second ago.
    const demo = createScenarioClock({ wallStart: wall - MIN, leadMs: 360 * MIN, speed: 1 });
    const lag = clusterClockLagMs({ lastEventAt: demo.now(wall - 1000), readAt: wall - 1000 });
    expect(lag).toBe(360 * MIN);
    expect(onClusterClock(wall - 10 * MIN, lag)).toBe(demo.now(wall) - 10 * MIN);
    expect(onClusterClock(wall, lag)).toBe(demo.now(wall));
  });

  it("a demo cluster that has caught up, or a real cluster, moves alerts only by the seconds ingest sees its clock late", () => {
    const demo = createScenarioClock({ wallStart: wall - 10 * MIN, leadMs: 360 * MIN, speed: 360 });
    expect(demo.caughtUp(wall)).toBe(true);
    expect(clusterClockLagMs({ lastEventAt: demo.now(wall - 3000) - 2000, readAt: wall - 3000 })).toBe(2000);
  });

  it("a cluster quiet or unreachable for an hour keeps the lag it had when its clock last moved: its alerts keep their times", () => {
    expect(clusterClockLagMs({ lastEventAt: wall - 60 * MIN - 2000, readAt: wall - 60 * MIN })).toBe(2000);
  });

  it("before ingest has read the cluster, and when its API server's clock runs ahead, alerts keep their times", () => {
    expect(clusterClockLagMs({ lastEventAt: null, readAt: null })).toBe(0);
    expect(clusterClockLagMs({ lastEventAt: wall, readAt: null })).toBe(0);
    expect(clusterClockLagMs({ lastEventAt: wall + 5000, readAt: wall })).toBe(0);
  });
});

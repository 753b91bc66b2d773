import { describe, expect, it } from "vitest";
import { clusterClockLagMs, onClusterClock } from "./alert-clock.ts";
import { createScenarioClock } from "@/workers/emulator/clock.ts";

const MIN = 60_000;
const wall = Date.UTC(2026, 11, 7, 2, 0);

describe("alert times on the cluster's clock", () => {
  it("the demo cluster replaying six hours behind: an alert that fired 10 minutes ago fired 10 minutes before the cluster's now", () => {
    // The emulator's own clock at 1x with a six-hour lead: ingest last wrote its time one second ago.
    const demo = createScenarioClock({ wallStart: wall - MIN, leadMs: 360 * MIN, speed: 1 });
    const reading = { lastEventAt: demo.now(wall - 1000), lastSyncAt: wall - 1000 };
    const lag = clusterClockLagMs(reading);
    expect(lag).toBe(360 * MIN);
    expect(onClusterClock(wall - 10 * MIN, lag)).toBe(demo.now(wall) - 10 * MIN);
    expect(onClusterClock(wall, lag)).toBe(demo.now(wall));
  });

  it("a demo cluster that has caught up, or a real cluster, moves alerts only by ingest's few seconds", () => {
    const demo = createScenarioClock({ wallStart: wall - 10 * MIN, leadMs: 360 * MIN, speed: 360 });
    expect(demo.caughtUp(wall)).toBe(true);
    expect(clusterClockLagMs({ lastEventAt: demo.now(wall - 3000) - 2000, lastSyncAt: wall - 3000 })).toBe(2000);
  });

  it("before ingest has read the cluster, and when its stamps disagree the other way, alerts keep their times", () => {
    expect(clusterClockLagMs({ lastEventAt: null, lastSyncAt: null })).toBe(0);
    expect(clusterClockLagMs({ lastEventAt: wall, lastSyncAt: null })).toBe(0);
    // A cluster whose API server's clock runs ahead: never moved into the future.
    expect(clusterClockLagMs({ lastEventAt: wall + 5000, lastSyncAt: wall })).toBe(0);
  });

  it("a cluster whose ingest stopped an hour ago: its stamps are both an hour old, so alerts keep their times and wait for its clock", () => {
    expect(clusterClockLagMs({ lastEventAt: wall - 60 * MIN - 2000, lastSyncAt: wall - 60 * MIN })).toBe(2000);
  });
});

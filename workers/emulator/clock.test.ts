import { describe, expect, it } from "vitest";
import { createScenarioClock } from "./clock.ts";

describe("scenario clock", () => {
  const wallStart = Date.parse("2025-03-01T12:00:00Z");
  const clock = createScenarioClock({ wallStart, leadMs: 240 * 60_000, speed: 360 });

  it("starts four hours in the past and replays them 360 times faster", () => {
    expect(clock.now(wallStart)).toBe(wallStart - 240 * 60_000);
    expect(clock.now(wallStart + 10_000)).toBe(wallStart - 240 * 60_000 + 3_600_000);
  });

  it("is never ahead of the wall clock", () => {
    for (let wall = wallStart; wall < wallStart + 3_600_000; wall += 997) expect(clock.now(wall)).toBeLessThanOrEqual(wall);
  });

  it("has caught up once the lead is replayed, and then runs at 1x", () => {
    const catchUp = wallStart + (240 * 60_000) / (360 - 1);
    expect(clock.caughtUp(catchUp - 1_000)).toBe(false);
    expect(clock.caughtUp(catchUp + 1)).toBe(true);
    expect(clock.now(catchUp + 60_000)).toBe(catchUp + 60_000);
  });
});

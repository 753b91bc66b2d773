// Scenario time lets a demo replay hours of cluster history in a minute and then go live:
// it starts `lead` behind the wall clock, runs `speed` times faster until it meets the wall
// clock, then follows it at 1x. It is never ahead of the wall clock, so every timestamp a
// user sees is plausible.
export type ScenarioClock = {
  readonly start: number;
  readonly wallStart: number;
  readonly speed: number;
  now(wallMs?: number): number;
  caughtUp(wallMs?: number): boolean;
  /** Wall milliseconds until the scenario reaches the given scenario time (0 when already past). */
  wallDelayUntil(scenarioMs: number, wallMs?: number): number;
};

export function createScenarioClock(opts: { wallStart: number; leadMs: number; speed: number }): ScenarioClock {
  const { wallStart, leadMs } = opts;
  const speed = Math.max(1, opts.speed);
  const start = wallStart - leadMs;
  const now = (wallMs = Date.now()) => Math.min(start + (wallMs - wallStart) * speed, wallMs);
  return {
    start,
    wallStart,
    speed,
    now,
    caughtUp: (wallMs = Date.now()) => now(wallMs) >= wallMs,
    wallDelayUntil(scenarioMs, wallMs = Date.now()) {
      const current = now(wallMs);
      if (scenarioMs <= current) return 0;
      const fast = (scenarioMs - start) / speed + wallStart;
      return Math.max(0, Math.max(fast, scenarioMs) - wallMs);
    },
  };
}

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** RFC3339Nano as kubelet prints it before each log line with `timestamps=true`. */
export const isoNano = (ms: number) => new Date(ms).toISOString().replace(/Z$/, "000000Z");

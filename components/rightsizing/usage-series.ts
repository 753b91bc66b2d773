import type { UsageBucket } from "@/lib/domain/usage-history.ts";

const MIB = 1024 * 1024;

// Chart rows: CPU in millicores and memory in MiB, one per 5-minute bucket, exactly as stored.
export function usageSeries(points: readonly UsageBucket[]) {
  return points.map((p) => ({
    t: p.start,
    samples: p.samples,
    cpuP50: round1(p.cpuP50),
    cpuP95: round1(p.cpuP95),
    cpuMax: round1(p.cpuMax),
    memP50: round1(p.memoryP50 / MIB),
    memP95: round1(p.memoryP95 / MIB),
    memMax: round1(p.memoryMax / MIB),
  }));
}

// Ticks say the time of day, and the date too once the history spans more than a day.
export function timeTick(spanMs: number) {
  return (t: number) => {
    const iso = new Date(t).toISOString();
    return spanMs > 24 * 3_600_000 ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

import type { CauseInput, ProbableCause } from "./types.ts";

// A container that runs at its CPU limit is throttled by the kernel (CFS quota): requests queue and slow
// down while nothing crashes. 90% of the limit at the peak is where throttling shows in latency.
const AT_LIMIT = 0.9;

export function cpuLimitCause(input: CauseInput): ProbableCause | null {
  for (const u of input.usage) {
    const limit = input.limits.find((l) => l.name === u.container)?.cpuLimitMillis;
    if (!limit || u.cpuMaxMillis < AT_LIMIT * limit) continue;
    return {
      kind: "CpuLimit",
      title: `${u.container} ran at its ${limit}m CPU limit and was throttled.`,
      score: input.reason === "Latency" ? 0.75 : 0.5,
      evidence: [{ source: "metric", ts: null, text: `${u.container} used up to ${Math.round(u.cpuMaxMillis)}m CPU against a ${limit}m limit (${Math.round((u.cpuMaxMillis / limit) * 100)}%)` }],
    };
  }
  return null;
}

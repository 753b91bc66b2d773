import { formatBurn } from "./burn-rate.ts";

// SLO-gated right-sizing: while a workload's SLO burns its error budget faster than it earns it (burn
// rate > 1× over the last hour or six), a suggestion that gives resources back waits. Less headroom is
// the last thing a struggling service needs, and a downsize rolled out mid-burn muddies the cause.
// Upsizing is never held: more room cannot make the burn worse.

export type ResourceValues = { cpuRequestMillis: number | null; memoryRequestBytes: number | null; memoryLimitBytes: number | null };
export type Suggested = { cpuRequestMillis: number; memoryRequestBytes: number; memoryLimitBytes: number };
export type Direction = "lower" | "raise" | "same" | "set";
export type Directions = { cpuRequest: Direction; memoryRequest: Direction; memoryLimit: Direction };

export type SloBurn = { workload: string; slo: string; burnRate1h: number; burnRate6h: number };

function direction(current: number | null, next: number): Direction {
  if (current === null) return "set"; // a request where there was none reserves more, never less
  if (next < current) return "lower";
  return next > current ? "raise" : "same";
}

export function directionsOf(current: ResourceValues, suggested: Suggested): Directions {
  return {
    cpuRequest: direction(current.cpuRequestMillis, suggested.cpuRequestMillis),
    memoryRequest: direction(current.memoryRequestBytes, suggested.memoryRequestBytes),
    // A lower memory limit is a downsizing too: it is what the kernel OOM-kills at.
    memoryLimit: direction(current.memoryLimitBytes, suggested.memoryLimitBytes),
  };
}

export const lowersAny = (d: Directions): boolean => d.cpuRequest === "lower" || d.memoryRequest === "lower" || d.memoryLimit === "lower";

/** The hold's reason, or null when the suggestion may go ahead. */
export function downsizingHold(directions: Directions, burns: readonly SloBurn[]): string | null {
  if (!lowersAny(directions)) return null;
  let worst: { burn: SloBurn; rate: number } | undefined;
  for (const b of burns) {
    const rate = Math.max(finite(b.burnRate1h), finite(b.burnRate6h));
    if (rate > 1 && (!worst || rate > worst.rate)) worst = { burn: b, rate };
  }
  if (!worst) return null;
  return `held: ${worst.burn.workload}'s ${worst.burn.slo} SLO is burning ${formatBurn(worst.rate)} — downsizing now would risk it`;
}

// No data (NaN) is no evidence of a burn; an unbounded one (a 100 % target with any error) is one.
const finite = (n: number) => (Number.isNaN(n) ? 0 : n);

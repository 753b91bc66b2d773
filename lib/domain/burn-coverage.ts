import { HOUR_MS, MINUTE_MS } from "./slo.ts";

// How much of a window ending now the history covers: from the first measured minute (or the window's
// start, if later) to now. A new SLO covers its 1-hour window after an hour and its 30-day window after 30
// days; until then every rate below is over the part measured, and says so.
export type Coverage = { windowMs: number; coveredMs: number };

export function windowCoverage(windowMs: number, now: number, measuredSince: number | null): Coverage {
  return { windowMs, coveredMs: measuredSince === null ? 0 : Math.min(windowMs, Math.max(0, now - measuredSince)) };
}

// Window lengths as the burn table names them: "5 min", "1 h", "1 d", "5 h 12 min".
export function formatSpan(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}

// "covers 5 h 12 min of 1 d", or "covers all of 1 h" once the history reaches back past its start.
export function coverageText({ windowMs, coveredMs }: Coverage): string {
  if (coveredMs >= windowMs) return `covers all of ${formatSpan(windowMs)}`;
  return `covers ${formatSpan(coveredMs)} of ${formatSpan(windowMs)}`;
}

export type BurnLine = Coverage & { label: string; burn: number };
export type StoredBurns = { burnRate1h: number; burnRate6h: number; burnRate30d: number };

// The card's three lines: the last hour, the last six and the SLO's whole window ("30d", "month"), each
// with the part of it measured since `measuredSince` (the whole window when that was not recorded).
export function burnLines(b: StoredBurns, computedAt: number, measuredSince: number | null, slo: { label: string; lengthMs: number }): BurnLine[] {
  const line = (label: string, windowMs: number, burn: number): BurnLine =>
    ({ label, burn, ...(measuredSince === null ? { windowMs, coveredMs: windowMs } : windowCoverage(windowMs, computedAt, measuredSince)) });
  return [line("1h", HOUR_MS, b.burnRate1h), line("6h", 6 * HOUR_MS, b.burnRate6h), line(slo.label, slo.lengthMs, b.burnRate30d)];
}

// "History covers 5 h 12 min of 6 h and 5 h 12 min of 30 d": the partly measured lines of a card in one
// sentence, or null once every window is covered (or its coverage was not recorded).
export function coverageNote(lines: readonly BurnLine[]): string | null {
  const partial = lines.filter((l) => l.coveredMs < l.windowMs);
  if (partial.length === 0) return null;
  const parts = partial.map((l) => coverageText(l).replace(/^covers /, ""));
  return `History covers ${parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0]}; each rate is over the minutes measured.`;
}

export type RuleState = {
  firing: boolean;
  skipped?: string | null;
  burnRate: number;
  budgetSpent?: number | null;
  longWindowMs: number;
  shortWindowMs: number;
  longBurn: number;
  longCoveredMs?: number | null;
  shortCoveredMs?: number | null;
};

// A rule's state in the burn table, saying which coverage requirement holds it back (judgeRule).
export function ruleStateText(r: RuleState): string {
  if (r.firing) return "firing";
  if (r.skipped === "too-few-events") return "too few events to judge";
  if (r.skipped !== "too-little-history") return "quiet";
  if (r.shortCoveredMs != null && r.shortCoveredMs < r.shortWindowMs) {
    return `burning at the rate; history covers ${formatSpan(r.shortCoveredMs)} of the ${formatSpan(r.shortWindowMs)} short window`;
  }
  const covered = r.longCoveredMs ?? r.longWindowMs;
  // The share of the budget the measured minutes spent: the rule's share scaled by burn × covered ÷ (rate × window).
  const needed = r.budgetSpent ?? 0;
  const spent = (needed * r.longBurn * covered) / (r.burnRate * r.longWindowMs);
  return `burning at the rate; the ${formatSpan(covered)} measured spent ${pct(spent)} of the budget, the rule needs ${pct(needed)}`;
}

const pct = (f: number) => `${Math.round(f * 1000) / 10} %`;

// The SLO page's history: the error budget's burn-down, each burn-rate rule's windows over time and the
// alerts they raised, and the measured minutes a page at a time (instants as ISO strings).

export type BurnDownPointView = { ts: string; remaining: number | null; ideal: number };

/** One rule of the burn-rate table with its two windows' burns over the span charted. */
export type RuleBurnChart = {
  severity: "page" | "ticket";
  burnRate: number;
  budgetSpent: number;
  longWindowMs: number;
  shortWindowMs: number;
  points: { ts: string; long: number | null; short: number | null }[];
};

export type AlertSpanView = {
  severity: "page" | "ticket";
  from: string;
  /** null while it still fires. */
  to: string | null;
  /** The fastest rule that fired during it, and the highest long-window burn it saw. */
  burnRate: number;
  longWindowMs: number;
  shortWindowMs: number;
  peakBurn: number;
};

export type SloHistory =
  | {
      kind: "ok";
      /** The evaluation the card shows: the burn-down's last point and the alerts end there. */
      asOf: string;
      /** Where the window ends (the evaluation for a rolling window, later for a calendar one). */
      windowEnd: string;
      burnDownStepMs: number;
      burnDown: BurnDownPointView[];
      burnStepMs: number;
      rules: RuleBurnChart[];
      alerts: AlertSpanView[];
    }
  | { kind: "missing"; reason: string };

export type MinuteRow = { ts: string; good: number; total: number };

/** One page of the measured minutes, newest first; pages count from 1. */
export type MinutePage = { rows: MinuteRow[]; page: number; pages: number; total: number; perPage: number };

// The SLO card and the SLO page: status, burn and the changes that spent the budget (dates as ISO strings).

import type { BurnLine } from "@/lib/domain/burn-coverage.ts";

export type HourlyBurnPoint = { hour: string; burn: number | null };

export type BudgetChargeItem = { description: string; spent: number; changeId: string | null };

/** The figures of one evaluation over the SLO's own window, as the analyzer stores them and the views read them. */
export type SloFigures = {
  sli: number;
  budgetRemaining: number;
  burnRate1h: number;
  burnRate6h: number;
  /** Burn over the SLO's whole window (30 days for the defaults). */
  burnRate30d: number;
  alert: "page" | "ticket" | null;
  explanation: string;
};

/** What the analyzer's latest evaluation found over the SLO's own window. */
export type SloStatus = SloFigures & {
  computedAt: string;
  exhaustedAt: string | null;
  /** The first measured minute in the window (null: not recorded). */
  measuredSince: string | null;
  /** 1 h, 6 h and the SLO's window: each burn with how much of its window the history covers. */
  lines: BurnLine[];
};

/** An SLO either waits for the analyzer's first evaluation (it has no figures yet) or is evaluated, with what that found. */
export type SloEvaluation<S = SloStatus> = { kind: "waiting" } | ({ kind: "evaluated" } & S);

/** Whether the SLI's source answers. A failing one (it refuses, or cannot be reached) says why, since when it fails and
 * when it was last seen failing. It says nothing of the evaluation: a failing source leaves the SLO waiting, or its last
 * evaluation standing with figures that stop at the last minute measured. */
export type SliSource = { kind: "answering" } | { kind: "failing"; message: string; since: string; seenAt: string };

export type SloCardData = {
  id: string;
  name: string;
  indicator: string;
  target: number;
  windowDays: number;
  /** Latency SLOs: the threshold a request must meet. */
  thresholdMs: number | null;
  budgeting: string;
  /** null for a rolling window, else "month" or "week". */
  calendar: string | null;
  origin: string;
  description: string;
  /** The largest charges of the window's budget to the changes that spent it. */
  charges: BudgetChargeItem[];
  cluster: string;
  workload: { namespace: string; name: string; kind: string };
  evaluation: SloEvaluation;
  sliSource: SliSource;
  hourlyBurn: HourlyBurnPoint[];
};

/** What the clusters' summary, the counts and the order need of an SLO: a few fields of its card, and of its
 * charges only the largest one to a change. The home page reads this for every SLO and whole cards for those it shows. */
export type SloHeadline = Pick<SloCardData, "id" | "name" | "indicator" | "cluster" | "workload" | "charges"> & {
  evaluation: SloEvaluation<Pick<SloStatus, "alert" | "budgetRemaining">>;
};

export type BurnWindowRow = {
  severity: string;
  longWindowMs: number;
  shortWindowMs: number;
  burnRate: number;
  longBurn: number;
  shortBurn: number;
  longEvents: number;
  shortEvents: number;
  firing: boolean;
  skipped: string | null;
  budgetSpent: number | null;
  longCoveredMs: number | null;
  shortCoveredMs: number | null;
};

export type SloDetail = {
  asOf: string;
  slo: SloCardData;
  sourceYaml: string | null;
  windowStart: string | null;
  windows: BurnWindowRow[];
  charges: (BudgetChargeItem & { bad: number; intervals: { from: string; to: string; bad: number }[] })[];
};

// The SLO card and the SLO page: status, burn and the changes that spent the budget (dates as ISO strings).

import type { BurnLine } from "@/lib/domain/burn-coverage.ts";

export type HourlyBurnPoint = { hour: string; burn: number | null };

export type BudgetChargeItem = { description: string; spent: number; changeId: string | null };

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
  status: {
    computedAt: string;
    sli: number;
    budgetRemaining: number;
    burnRate1h: number;
    burnRate6h: number;
    burnRate30d: number;
    alert: "page" | "ticket" | null;
    explanation: string;
    exhaustedAt: string | null;
    /** The first measured minute in the window (null: not recorded). */
    measuredSince: string | null;
    /** 1 h, 6 h and the SLO's window: each burn with how much of its window the history covers. */
    lines: BurnLine[];
  } | null;
  /** Why the SLI is not being measured (its source refuses or cannot be reached), since when. */
  sourceError: { message: string; since: string; seenAt: string } | null;
  hourlyBurn: HourlyBurnPoint[];
};

/** What the clusters' summary, the counts and the order need of an SLO: a few fields of its card, and of its
 * charges only the largest one to a change. The home page reads this for every SLO and whole cards for those it shows. */
export type SloHeadline = Pick<SloCardData, "id" | "name" | "indicator" | "cluster" | "workload" | "charges"> & {
  status: Pick<NonNullable<SloCardData["status"]>, "alert" | "budgetRemaining"> | null;
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

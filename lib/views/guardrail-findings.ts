// The guardrails page: every finding, filtered and a page at a time, with the scores per namespace.

import type { GuardrailFindingRow, GuardrailScoreRow } from "./guardrails.ts";

export type GuardrailFindingsPage = {
  findings: GuardrailFindingRow[];
  /** Findings matching the filters, over every page. */
  total: number;
  page: number;
  pages: number;
  perPage: number;
  /** Scores of the namespaces the filters keep ("" is a cluster's own score). */
  scores: GuardrailScoreRow[];
  /** What the filters can choose from, each with its number of findings. */
  options: { clusters: string[]; namespaces: string[]; checks: { check: string; findings: number }[] };
};

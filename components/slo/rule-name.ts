import { formatSpan } from "@/lib/domain/burn-coverage.ts";
import { formatBurn } from "@/lib/domain/burn-rate.ts";

/** A burn-rate rule as the SLO page names it: "14.4× over 1 h and 5 min". */
export const ruleName = (r: { burnRate: number; longWindowMs: number; shortWindowMs: number }) =>
  `${formatBurn(r.burnRate)} over ${formatSpan(r.longWindowMs)} and ${formatSpan(r.shortWindowMs)}`;

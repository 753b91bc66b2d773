import type { SloCardData } from "@/lib/views/slo.ts";
import { formatTarget } from "../format.ts";

type Definition = Pick<SloCardData, "indicator" | "target" | "windowDays" | "thresholdMs" | "budgeting" | "calendar">;

const WHAT: Record<string, (thresholdMs: number | null) => string> = {
  availability: () => "of minutes with every desired replica available",
  success: () => "of requests answered without a server error (5xx)",
  latency: (ms) => `of requests answered within ${ms ?? "?"} ms`,
};

// "99.9 % of requests answered within 500 ms, over a rolling 30 days": the objective in words.
export function objectiveText(d: Definition): string {
  const what = (WHAT[d.indicator] ?? (() => `of ${d.indicator} events good`))(d.thresholdMs);
  const window = d.calendar ? `this calendar ${d.calendar}` : `a rolling ${d.windowDays} days`;
  const slices =
    d.budgeting === "ratio-timeslices" ? ", as the mean of each minute's ratio" : d.budgeting === "timeslices" && d.indicator !== "availability" ? ", judged minute by minute" : "";
  return `${formatTarget(d.target)} ${what}, over ${window}${slices}`;
}

export const sloLabel = (slo: Pick<SloCardData, "workload" | "name">) => `${slo.workload.namespace}/${slo.workload.name} ${slo.name}`;

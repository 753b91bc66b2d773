import { LATENCY_BOUNDS_MS } from "@/lib/domain/access-log.ts";
import type { PromQuery } from "@/lib/domain/promql-sli.ts";
import type { SloDefinition } from "./import-slo.ts";
import type { SloSpec } from "./slo-spec.ts";

// An imported definition as Uptrust evaluates it. A metric whose source type is "Uptrust" names one of
// Uptrust's own SLIs by its query (availability, success, latency — a threshold in ms); any other
// source (Prometheus, Sloth's PromQL) is kept as written, its SLI a PromQL query.
export type BoundImport = { service: string; spec: SloSpec } | { service: string; problem: string };

const OWN = new Set(["availability", "success", "latency"]);

export function bindImport(d: SloDefinition): BoundImport {
  const window = d.window.kind === "rolling" ? { windowDays: d.window.days, calendar: null } : d.window.unit === "month" || d.window.unit === "week" ? { windowDays: d.window.unit === "month" ? 31 : 7, calendar: d.window.unit } : null;
  if (!window) return { service: d.service, problem: `${d.name}: a calendar ${d.window.kind === "calendar" ? d.window.unit : ""} window is not supported; use a week, a month or a rolling window` };
  if (window.windowDays > 90) return { service: d.service, problem: `${d.name}: a window of ${window.windowDays} days is longer than the 90 Uptrust keeps` };
  const query = (d.indicator.kind === "threshold" ? d.indicator.query : (d.indicator.good ?? d.indicator.bad ?? "")).trim();
  const own = d.indicator.sourceType?.toLowerCase() === "uptrust";
  if (own && !OWN.has(query)) return { service: d.service, problem: `${d.name}: an Uptrust metric's query must be availability, success or latency, not "${query}"` };
  const indicator: SloSpec["indicator"] = own ? (query as "availability" | "success" | "latency") : "promql";
  let thresholdMs: number | null = null;
  if (indicator === "latency") {
    const value = d.indicator.kind === "threshold" ? d.indicator.value : NaN;
    if (!LATENCY_BOUNDS_MS.includes(value as (typeof LATENCY_BOUNDS_MS)[number])) {
      return { service: d.service, problem: `${d.name}: a latency objective's value is a threshold in ms, one of ${LATENCY_BOUNDS_MS.join(", ")}` };
    }
    thresholdMs = value;
  }
  const timesliced = d.budgeting !== "Occurrences" && indicator !== "availability";
  return {
    service: d.service,
    spec: {
      name: d.name,
      indicator,
      target: d.target,
      thresholdMs,
      ...window,
      budgeting: indicator === "availability" || timesliced ? "timeslices" : "occurrences",
      timesliceTarget: timesliced ? (d.timeslice?.target ?? null) : null,
      description: indicator === "promql" ? `PromQL SLI: ${describeQuery(d)}` : "",
      query: indicator === "promql" ? promQuery(d) : null,
    },
  };
}

function describeQuery(d: SloDefinition): string {
  const i = d.indicator;
  if (i.kind === "threshold") return `${i.query} ${i.op} ${i.value}`;
  return i.good ? `good ${i.good} / total ${i.total}` : `bad ${i.bad} / total ${i.total}`;
}

function promQuery(d: SloDefinition): PromQuery {
  const i = d.indicator;
  return i.kind === "threshold" ? { kind: "threshold", query: i.query, op: i.op, value: i.value } : { kind: "ratio", good: i.good, bad: i.bad, total: i.total };
}

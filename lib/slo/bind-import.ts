import { LATENCY_BOUNDS_MS } from "@/lib/domain/access-log.ts";
import type { PromQuery } from "@/lib/domain/promql-sli.ts";
import type { SloDefinition } from "./import-slo.ts";
import type { SloSpec } from "./slo-spec.ts";

// An imported definition as Uptrust evaluates it. A metric whose source type is "Uptrust" names one of
// Uptrust's own SLIs by its query (availability, success, latency — a threshold in ms); any other
// source (Prometheus, Sloth's PromQL) is kept as written, its SLI a PromQL query.
export type BoundImport = { service: string; spec: SloSpec } | { service: string; problem: string };

const OWN = new Set(["availability", "success", "latency"]);
const MAX_WINDOW_DAYS = 90;

function windowOf(d: SloDefinition): Pick<SloSpec, "windowDays" | "calendar"> | string {
  if (d.window.kind === "calendar") {
    if (d.window.unit === "month") return { windowDays: 31, calendar: "month" };
    if (d.window.unit === "week") return { windowDays: 7, calendar: "week" };
    return `a calendar ${d.window.unit} window is not supported; use a week, a month or a rolling window`;
  }
  const days = d.window.days;
  if (!Number.isInteger(days) || days < 1) return `a rolling window of ${Number(days.toFixed(4))} days is not supported; Uptrust's rolling windows are whole days (1d to ${MAX_WINDOW_DAYS}d)`;
  if (days > MAX_WINDOW_DAYS) return `a window of ${days} days is longer than the ${MAX_WINDOW_DAYS} Uptrust keeps`;
  return { windowDays: days, calendar: null };
}

export function bindImport(d: SloDefinition): BoundImport {
  const window = windowOf(d);
  if (typeof window === "string") return { service: d.service, problem: `${d.name}: ${window}` };
  const i = d.indicator;
  const query = (i.kind === "ratio" ? (i.good ?? i.bad ?? "") : i.query).trim();
  const own = i.sourceType?.toLowerCase() === "uptrust";
  if (own && !OWN.has(query)) return { service: d.service, problem: `${d.name}: an Uptrust metric's query must be availability, success or latency, not "${query}"` };
  const indicator: SloSpec["indicator"] = own ? (query as "availability" | "success" | "latency") : "promql";
  let thresholdMs: number | null = null;
  if (indicator === "latency") {
    const value = i.kind === "threshold" ? i.value : NaN;
    if (!LATENCY_BOUNDS_MS.includes(value as (typeof LATENCY_BOUNDS_MS)[number])) {
      return { service: d.service, problem: `${d.name}: a latency objective's value is a threshold in ms, one of ${LATENCY_BOUNDS_MS.join(", ")}` };
    }
    thresholdMs = value;
  }
  return {
    service: d.service,
    spec: {
      name: d.name,
      indicator,
      target: d.target,
      thresholdMs,
      ...window,
      ...budgetingOf(d, indicator),
      description: indicator === "promql" ? `PromQL SLI: ${describeQuery(d)}` : "",
      query: indicator === "promql" ? promQuery(d) : null,
    },
  };
}

// Availability is judged minute by minute whatever the file says: a minute is its only event. A slice is
// one of Uptrust's SLI minutes.
function budgetingOf(d: SloDefinition, indicator: SloSpec["indicator"]): Pick<SloSpec, "budgeting" | "timesliceTarget"> {
  if (indicator === "availability") return { budgeting: "timeslices", timesliceTarget: null };
  if (d.budgeting === "RatioTimeslices") return { budgeting: "ratio-timeslices", timesliceTarget: null };
  if (d.budgeting === "Timeslices") return { budgeting: "timeslices", timesliceTarget: d.timeslice?.target ?? null };
  return { budgeting: "occurrences", timesliceTarget: null };
}

function describeQuery(d: SloDefinition): string {
  const i = d.indicator;
  if (i.kind === "threshold") return `${i.query} ${i.op} ${i.value}`;
  if (i.kind === "raw") return `${i.ratio} ratio ${i.query}`;
  return i.good ? `good ${i.good} / total ${i.total}` : `bad ${i.bad} / total ${i.total}`;
}

function promQuery(d: SloDefinition): PromQuery {
  const i = d.indicator;
  if (i.kind === "threshold") return { kind: "threshold", query: i.query, op: i.op, value: i.value };
  if (i.kind === "raw") return { kind: "raw", query: i.query, ratio: i.ratio };
  return { kind: "ratio", good: i.good, bad: i.bad, total: i.total };
}

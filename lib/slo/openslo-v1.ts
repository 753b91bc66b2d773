import { z } from "zod";
import { name, reportIssues, unsupportedSource, type Located } from "./import-fields.ts";
import type { ReadSlo, SloIndicator, SloWindow } from "./import-slo.ts";
import { percentToFraction } from "./percent.ts";

// OpenSLO v1: SLO documents with their indicator inline or as `indicatorRef` to an SLI document of the same
// import, metrics whose source is named inline (`type`) or by `metricSourceRef` to a DataSource document.

// OpenSLO's units; a rolling month, quarter or year counts as 30, 90 or 365 days.
const DURATION = /^(\d+)(m|h|d|w|M|Q|Y)$/;
const SECONDS = { m: 60, h: 3600, d: 86_400, w: 604_800, M: 30 * 86_400, Q: 90 * 86_400, Y: 365 * 86_400 } as const;
const seconds = (d: string) => {
  const m = DURATION.exec(d)!;
  return Number(m[1]) * SECONDS[m[2] as keyof typeof SECONDS];
};
const duration = z.string().regex(DURATION, "must be a duration such as 5m, 1h, 28d, 4w or 1M");

const metric = z
  .object({ metricSource: z.object({ metricSourceRef: z.string().min(1).optional(), type: z.string().optional(), spec: z.object({ query: z.unknown().optional() }).loose() }).loose() })
  .loose();
type Metric = z.infer<typeof metric>;
const indicatorSpec = z
  .object({
    ratioMetric: z
      .object({
        counter: z.boolean().optional(),
        good: metric.optional(),
        bad: metric.optional(),
        total: metric.optional(),
        rawType: z.enum(["success", "failure"], { message: "must be success or failure" }).optional(),
        raw: metric.optional(),
      })
      .loose()
      .optional(),
    thresholdMetric: metric.optional(),
  })
  .loose();
type IndicatorSpec = z.infer<typeof indicatorSpec>;

const header = <K extends string>(kind: K) => ({ apiVersion: z.literal("openslo/v1"), kind: z.literal(kind), metadata: z.object({ name }).loose() });
const sliDocument = z.object({ ...header("SLI"), spec: indicatorSpec });
const dataSourceDocument = z.object({ ...header("DataSource"), spec: z.object({ type: z.string().min(1, "must name the source type, e.g. Prometheus") }).loose() });
const sloDocument = z.object({
  ...header("SLO"),
  spec: z
    .object({
      service: z.string().min(1, "must name the service"),
      indicator: z.object({ spec: indicatorSpec }).loose().optional(),
      indicatorRef: z.string().min(1, "must name an SLI").optional(),
      timeWindow: z
        .array(
          z
            .object({
              duration,
              isRolling: z.boolean().optional(),
              calendar: z.object({ startTime: z.string().optional(), timeZone: z.string().optional() }).loose().optional(),
            })
            .loose(),
        )
        .length(1, "must hold exactly one window"),
      budgetingMethod: z.enum(["Occurrences", "Timeslices", "RatioTimeslices"], { message: "must be Occurrences, Timeslices or RatioTimeslices" }),
      objectives: z
        .array(
          z
            .object({
              target: z.number().gt(0, "must be above 0").lt(1, "must be below 1 (0.999 for 99.9 %)").optional(),
              targetPercent: z.number().gt(0, "must be above 0").lt(100, "must be below 100 (99.9 for 99.9 %)").optional(),
              op: z.enum(["lt", "lte", "gt", "gte"], { message: "must be lt, lte, gt or gte" }).optional(),
              value: z.number().optional(),
              timeSliceTarget: z.number().gt(0).lte(1).optional(),
              timeSliceWindow: duration.optional(),
              indicator: z.unknown().optional(),
              indicatorRef: z.unknown().optional(),
            })
            .loose(),
        )
        .min(1, "must hold at least one objective"),
    })
    .loose(),
});

/** What an SLI measures; a threshold's operator and value come from the SLO's objective. */
export type Measure = Exclude<SloIndicator, { kind: "threshold" }> | { kind: "threshold"; query: string; sourceType?: string };
/** An import's DataSources (name → source type), SLIs (name → what it measures, null when invalid), and the SLIs SLOs use. */
export type OpenSloRefs = { sources: Map<string, string>; slis: Map<string, Measure | null>; used: Set<string> };

export function readDataSource(doc: unknown, problem: Located): { name: string; type: string } | null {
  const parsed = dataSourceDocument.safeParse(doc);
  if (!parsed.success) return reportIssues(parsed.error, problem), null;
  return { name: parsed.data.metadata.name, type: parsed.data.spec.type };
}

export function readSli(doc: unknown, problem: Located, sources: Map<string, string>): { name: string; measure: Measure | null } | null {
  const parsed = sliDocument.safeParse(doc);
  if (!parsed.success) return reportIssues(parsed.error, problem), null;
  return { name: parsed.data.metadata.name, measure: measureOf(parsed.data.spec, ["spec"], problem, sources) };
}

function measureOf(spec: IndicatorSpec, at: (string | number)[], problem: Located, sources: Map<string, string>): Measure | null {
  let ok = true;
  const fail = (path: (string | number)[], message: string) => {
    if (ok) problem([...at, ...path], message); // the first metric that cannot be asked says why, once per indicator
    ok = false;
    return null;
  };
  // A metric's source type, written inline or taken from the DataSource it names, must be one Uptrust can
  // ask; only then is a missing query worth saying (an AppDynamics metric has a metricPath instead).
  const read = (m: Metric, path: (string | number)[]): { query: string; type?: string } | null => {
    const { metricSourceRef: ref, type: inline, spec: source } = m.metricSource;
    const type = inline ?? (ref !== undefined ? sources.get(ref) : undefined);
    const where = [...path, "metricSource"];
    if (ref !== undefined && type === undefined) {
      return fail([...where, "metricSourceRef"], `names DataSource "${ref}", which this import does not define (a kind: DataSource document beside it, or type: beside the reference)`);
    }
    const unsupported = unsupportedSource(type);
    if (unsupported) return fail([...where, inline !== undefined ? "type" : "metricSourceRef"], unsupported);
    if (typeof source.query !== "string" || source.query.trim() === "") return fail([...where, "spec", "query"], "must be the PromQL query that measures it");
    return { query: source.query, type };
  };
  const { ratioMetric: ratio, thresholdMetric: threshold } = spec;
  if (threshold) {
    const t = read(threshold, ["thresholdMetric"]);
    return t && { kind: "threshold", query: t.query, sourceType: t.type };
  }
  if (!ratio) return problem(at, "must hold a ratioMetric (good or bad, and total; or raw with rawType) or a thresholdMetric"), null;
  if (ratio.raw) {
    const r = read(ratio.raw, ["ratioMetric", "raw"]);
    if (r && !ratio.rawType) return problem([...at, "ratioMetric", "rawType"], "a raw ratio needs rawType: success (the query is the good ratio) or failure (the error ratio)"), null;
    return r && { kind: "raw", query: r.query, ratio: ratio.rawType === "failure" ? "error" : "good", sourceType: r.type };
  }
  if (!ratio.good && !ratio.bad) return problem([...at, "ratioMetric"], "must name a good or a bad metric beside total (or a raw ratio with rawType)"), null;
  if (!ratio.total) return problem([...at, "ratioMetric", "total"], "must be set: the metric counting every event"), null;
  const numerator = ratio.good ? "good" : "bad";
  const n = read(ratio[numerator]!, ["ratioMetric", numerator]);
  const total = read(ratio.total, ["ratioMetric", "total"]);
  if (!n || !total) return null;
  return { kind: "ratio", ...(numerator === "good" ? { good: n.query } : { bad: n.query }), total: total.query, sourceType: n.type };
}

function calendarUnit(d: string): "week" | "month" | "quarter" | "year" | undefined {
  return ({ "1w": "week", "7d": "week", "1M": "month", "30d": "month", "1Q": "quarter", "90d": "quarter", "1Y": "year", "365d": "year" } as const)[d as "1w"];
}

export function readOpenSloV1(doc: unknown, problem: Located, refs: OpenSloRefs): ReadSlo[] {
  const parsed = sloDocument.safeParse(doc);
  if (!parsed.success) return reportIssues(parsed.error, problem), [];
  const { metadata, spec } = parsed.data;
  const measure = indicatorOf(spec, problem, refs);
  const [window] = spec.timeWindow;
  let timeWindow: SloWindow;
  if (window.isRolling === false || window.calendar) {
    const unit = calendarUnit(window.duration);
    if (!unit) {
      problem(["spec", "timeWindow", 0, "duration"], `is ${window.duration}: a calendar window must be a week (1w), a month (1M), a quarter (1Q) or a year (1Y)`);
      return [];
    }
    timeWindow = { kind: "calendar", unit };
  } else timeWindow = { kind: "rolling", days: seconds(window.duration) / 86_400 };
  if (!measure) return [];
  return spec.objectives.flatMap((o, i) => {
    const at = ["spec", "objectives", i];
    if (o.indicator !== undefined || o.indicatorRef !== undefined) {
      problem([...at, o.indicator !== undefined ? "indicator" : "indicatorRef"], "a composite SLO (an objective with its own indicator) is not supported: write one SLO per indicator");
      return [];
    }
    const target = o.target ?? (o.targetPercent !== undefined ? percentToFraction(o.targetPercent) : undefined);
    if (target === undefined) return problem([...at, "target"], "must be set (0.999 for 99.9 %), or targetPercent (99.9)"), [];
    if (measure.kind === "threshold" && (o.op === undefined || o.value === undefined)) return problem(at, "a threshold SLI needs op (lt, lte, gt, gte) and value"), [];
    const timeslice = timesliceOf(spec.budgetingMethod, o, at, problem);
    if (timeslice === null) return [];
    const indicator: SloIndicator = measure.kind === "threshold" ? { ...measure, op: o.op!, value: o.value! } : measure;
    return [
      {
        source: "openslo" as const,
        path: at,
        name: spec.objectives.length > 1 ? `${metadata.name}-${i + 1}` : metadata.name,
        service: spec.service,
        target,
        window: timeWindow,
        budgeting: spec.budgetingMethod,
        ...(timeslice ? { timeslice } : {}),
        indicator,
      },
    ];
  });
}

// The SLO's indicator, inline or the SLI its indicatorRef names; null once the problem is reported.
function indicatorOf(spec: z.infer<typeof sloDocument>["spec"], problem: Located, refs: OpenSloRefs): Measure | null {
  if (spec.indicator && spec.indicatorRef !== undefined) return problem(["spec", "indicatorRef"], "set either indicator or indicatorRef, not both"), null;
  if (spec.indicator) return measureOf(spec.indicator.spec, ["spec", "indicator", "spec"], problem, refs.sources);
  if (spec.indicatorRef === undefined) return problem(["spec"], "must hold an indicator, or an indicatorRef naming an SLI of the same import"), null;
  if (!refs.slis.has(spec.indicatorRef)) {
    problem(["spec", "indicatorRef"], `names SLI "${spec.indicatorRef}", which this import does not define (a kind: SLI document beside it)`);
    return null;
  }
  refs.used.add(spec.indicatorRef);
  return refs.slis.get(spec.indicatorRef)!; // null when that SLI has its own problems, reported there
}

type Objective = { timeSliceTarget?: number; timeSliceWindow?: string };

// Timeslices judge each slice good when its ratio meets timeSliceTarget; RatioTimeslices average the
// slices' ratios, so they need only the slice length. Uptrust's slices are its SLI minutes.
function timesliceOf(budgeting: string, o: Objective, at: (string | number)[], problem: Located): ReadSlo["timeslice"] | undefined | null {
  if (budgeting === "Occurrences") return undefined;
  if (o.timeSliceWindow === undefined || (budgeting === "Timeslices" && o.timeSliceTarget === undefined)) {
    problem(at, budgeting === "Timeslices" ? "Timeslices budgeting needs timeSliceTarget and timeSliceWindow" : "RatioTimeslices budgeting needs timeSliceWindow");
    return null;
  }
  if (seconds(o.timeSliceWindow) !== 60) {
    problem([...at, "timeSliceWindow"], `is ${o.timeSliceWindow}: Uptrust judges one-minute slices; set timeSliceWindow: 1m`);
    return null;
  }
  return budgeting === "Timeslices" ? { target: o.timeSliceTarget!, windowSeconds: 60 } : { windowSeconds: 60 };
}

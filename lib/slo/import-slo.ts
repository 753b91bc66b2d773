import { LineCounter, parseAllDocuments, type Document } from "yaml";
import { z } from "zod";

// SLOs as SREs already write them, OpenSLO v1 (`kind: SLO`) and Sloth (`version: prometheus/v1`),
// read into one definition Uptrust evaluates. Every problem names the document, the line and the
// field, and says what would be valid: an import either takes a whole file or tells exactly what to fix.

export type SloWindow = { kind: "rolling"; days: number } | { kind: "calendar"; unit: "week" | "month" | "quarter" | "year" };
export type BudgetingMethod = "Occurrences" | "Timeslices" | "RatioTimeslices";
// `sourceType` is the metric source's type as written (Prometheus, Uptrust, …); Sloth's is Prometheus.
export type SloIndicator =
  | { kind: "ratio"; good?: string; bad?: string; total: string; sourceType?: string }
  | { kind: "threshold"; query: string; op: "lt" | "lte" | "gt" | "gte"; value: number; sourceType?: string };

export type SloDefinition = {
  source: "openslo" | "sloth";
  name: string;
  service: string;
  /** 0.999 for 99.9 %. */
  target: number;
  window: SloWindow;
  budgeting: BudgetingMethod;
  /** Timeslices: the share of good events that makes a slice good, and the slice length. */
  timeslice?: { target: number; windowSeconds: number };
  indicator: SloIndicator;
};

export type ImportProblem = { document: number; line: number; field: string; message: string };
export type ImportResult = { slos: SloDefinition[]; problems: ImportProblem[] };

// OpenSLO's units; a rolling month, quarter or year counts as 30, 90 or 365 days.
const DURATION = /^(\d+)(m|h|d|w|M|Q|Y)$/;
const SECONDS = { m: 60, h: 3600, d: 86_400, w: 604_800, M: 30 * 86_400, Q: 90 * 86_400, Y: 365 * 86_400 } as const;
const seconds = (d: string) => {
  const m = DURATION.exec(d)!;
  return Number(m[1]) * SECONDS[m[2] as keyof typeof SECONDS];
};
const duration = z.string().regex(DURATION, "must be a duration such as 5m, 1h, 28d, 4w or 1M");
const name = z.string().regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be a DNS label: lower-case letters, digits and '-', at most 63");
const query = z.string().min(1, "must be a non-empty query");

// OpenSLO v1: the fields Uptrust evaluates. Ratio metrics name their queries under metricSource.spec.
const metric = z.object({ metricSource: z.object({ type: z.string().optional(), spec: z.object({ query }).loose() }).loose() }).loose();
const openSlo = z.object({
  apiVersion: z.literal("openslo/v1", { message: 'must be "openslo/v1"' }),
  kind: z.literal("SLO", { message: 'must be "SLO" (other OpenSLO kinds are not SLOs)' }),
  metadata: z.object({ name }).loose(),
  spec: z
    .object({
      service: z.string().min(1, "must name the service"),
      indicator: z
        .object({
          spec: z
            .object({
              ratioMetric: z.object({ counter: z.boolean().optional(), good: metric.optional(), bad: metric.optional(), total: metric }).loose().optional(),
              thresholdMetric: metric.optional(),
            })
            .loose(),
        })
        .loose(),
      timeWindow: z
        .array(
          z
            .object({
              duration: duration,
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
              targetPercent: z.number().gt(0).lt(100).optional(),
              op: z.enum(["lt", "lte", "gt", "gte"]).optional(),
              value: z.number().optional(),
              timeSliceTarget: z.number().gt(0).lte(1).optional(),
              timeSliceWindow: duration.optional(),
            })
            .loose(),
        )
        .min(1, "must hold at least one objective"),
    })
    .loose(),
});

const sloth = z.object({
  version: z.literal("prometheus/v1", { message: 'must be "prometheus/v1"' }),
  service: z.string().min(1, "must name the service"),
  slos: z
    .array(
      z
        .object({
          name,
          objective: z.number().gt(0, "must be above 0").lt(100, "must be below 100 (99.9 for 99.9 %)"),
          sli: z.object({ events: z.object({ error_query: query, total_query: query }).loose() }).loose(),
        })
        .loose(),
    )
    .min(1, "must hold at least one SLO"),
});

function calendarUnit(d: string): "week" | "month" | "quarter" | "year" | undefined {
  return ({ "1w": "week", "7d": "week", "1M": "month", "30d": "month", "1Q": "quarter", "90d": "quarter", "1Y": "year", "365d": "year" } as const)[d as "1w"];
}

type Located = (path: (string | number)[], message: string) => void;

function fromOpenSlo(doc: unknown, problem: Located): SloDefinition[] {
  const parsed = openSlo.safeParse(doc);
  if (!parsed.success) {
    for (const i of parsed.error.issues) problem(i.path as (string | number)[], i.message);
    return [];
  }
  const { metadata, spec } = parsed.data;
  const [window] = spec.timeWindow;
  const ratio = spec.indicator.spec.ratioMetric;
  const threshold = spec.indicator.spec.thresholdMetric;
  if (!ratio && !threshold) {
    problem(["spec", "indicator", "spec"], "must hold a ratioMetric (good or bad, and total) or a thresholdMetric");
    return [];
  }
  if (ratio && !ratio.good && !ratio.bad) {
    problem(["spec", "indicator", "spec", "ratioMetric"], "must name a good or a bad metric beside total");
    return [];
  }
  let timeWindow: SloWindow;
  if (window.isRolling === false || window.calendar) {
    const unit = calendarUnit(window.duration);
    if (!unit) {
      problem(["spec", "timeWindow", 0, "duration"], "a calendar window must be a week (1w), a month (1M), a quarter (1Q) or a year (1Y)");
      return [];
    }
    timeWindow = { kind: "calendar", unit };
  } else {
    timeWindow = { kind: "rolling", days: seconds(window.duration) / 86_400 };
  }
  return spec.objectives.flatMap((o, i) => {
    const target = o.target ?? (o.targetPercent !== undefined ? o.targetPercent / 100 : undefined);
    if (target === undefined) {
      problem(["spec", "objectives", i, "target"], "must be set (0.999 for 99.9 %), or targetPercent (99.9)");
      return [];
    }
    if (threshold && (o.op === undefined || o.value === undefined)) {
      problem(["spec", "objectives", i], "a threshold SLI needs op (lt, lte, gt, gte) and value");
      return [];
    }
    const timesliced = spec.budgetingMethod !== "Occurrences";
    if (timesliced && (o.timeSliceTarget === undefined || o.timeSliceWindow === undefined)) {
      problem(["spec", "objectives", i], `${spec.budgetingMethod} budgeting needs timeSliceTarget and timeSliceWindow`);
      return [];
    }
    const sourceType = (threshold ?? ratio!.good ?? ratio!.bad ?? ratio!.total).metricSource.type;
    const indicator: SloIndicator = threshold
      ? { kind: "threshold", query: threshold.metricSource.spec.query, op: o.op!, value: o.value!, sourceType }
      : { kind: "ratio", good: ratio!.good?.metricSource.spec.query, bad: ratio!.bad?.metricSource.spec.query, total: ratio!.total.metricSource.spec.query, sourceType };
    return [
      {
        source: "openslo" as const,
        name: spec.objectives.length > 1 ? `${metadata.name}-${i + 1}` : metadata.name,
        service: spec.service,
        target,
        window: timeWindow,
        budgeting: spec.budgetingMethod,
        ...(timesliced ? { timeslice: { target: o.timeSliceTarget!, windowSeconds: seconds(o.timeSliceWindow!) } } : {}),
        indicator,
      },
    ];
  });
}

function fromSloth(doc: unknown, problem: Located): SloDefinition[] {
  const parsed = sloth.safeParse(doc);
  if (!parsed.success) {
    for (const i of parsed.error.issues) problem(i.path as (string | number)[], i.message);
    return [];
  }
  // Sloth's SLOs are 30-day rolling windows counted by events.
  return parsed.data.slos.map((s) => ({
    source: "sloth" as const,
    name: s.name,
    service: parsed.data.service,
    target: s.objective / 100,
    window: { kind: "rolling" as const, days: 30 },
    budgeting: "Occurrences" as const,
    indicator: { kind: "ratio" as const, bad: s.sli.events.error_query, total: s.sli.events.total_query, sourceType: "Prometheus" },
  }));
}

function lineOf(doc: Document, path: (string | number)[], counter: LineCounter): number {
  // The deepest node of the path that exists: a missing field is reported where it belongs.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return counter.linePos(node.range[0]).line;
  }
  return doc.contents && "range" in doc.contents && doc.contents.range ? counter.linePos(doc.contents.range[0]).line : 1;
}

export function importSlos(text: string): ImportResult {
  const counter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: counter });
  const problems: ImportProblem[] = [];
  const slos: SloDefinition[] = [];
  if (!Array.isArray(docs)) return { slos, problems: [{ document: 1, line: 1, field: "", message: "not YAML" }] };
  docs.forEach((doc, index) => {
    const document = index + 1;
    for (const e of doc.errors) problems.push({ document, line: e.linePos?.[0].line ?? 1, field: "", message: e.message.split("\n")[0] });
    if (doc.errors.length) return;
    const value = doc.toJS() as Record<string, unknown> | null;
    if (value === null || value === undefined) return; // an empty document between separators
    const problem: Located = (path, message) => problems.push({ document, line: lineOf(doc, path, counter), field: path.join("."), message });
    if (typeof value !== "object" || Array.isArray(value)) problem([], "must be a mapping: an OpenSLO SLO (apiVersion: openslo/v1) or a Sloth file (version: prometheus/v1)");
    else if ("apiVersion" in value) {
      if (value.kind !== "SLO" && typeof value.kind === "string") return; // Service, SLI, AlertPolicy…: other OpenSLO kinds are skipped
      slos.push(...fromOpenSlo(value, problem));
    } else if ("version" in value) slos.push(...fromSloth(value, problem));
    else problem([], "is neither OpenSLO (apiVersion: openslo/v1) nor Sloth (version: prometheus/v1)");
  });
  const seen = new Set<string>();
  for (const s of slos) {
    const key = `${s.service}/${s.name}`;
    if (seen.has(key)) problems.push({ document: 0, line: 1, field: "name", message: `SLO ${key} is defined twice` });
    seen.add(key);
  }
  return problems.length ? { slos: [], problems } : { slos, problems };
}

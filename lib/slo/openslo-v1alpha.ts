import { z } from "zod";
import { name, query, reportIssues, unsupportedSource, type Located } from "./import-fields.ts";
import type { ReadSlo, SloIndicator, SloWindow } from "./import-slo.ts";

// OpenSLO v1alpha, as Sloth and early OpenSLO tools write it: objectives each with their own ratioMetrics
// (or one thresholdMetric under spec.indicator), and a window as a count of units. Read into the same
// definition as v1; its Timeslices have no slice length, so they are Uptrust's one-minute slices.

const metric = z.object({ source: z.string().optional(), queryType: z.string().optional(), query }).loose();
const UNIT_DAYS = { Day: 1, Week: 7, Month: 30, Quarter: 90, Year: 365 } as const;
const document = z.object({
  apiVersion: z.literal("openslo/v1alpha"),
  kind: z.literal("SLO"),
  metadata: z.object({ name }).loose(),
  spec: z
    .object({
      service: z.string().min(1, "must name the service"),
      indicator: z.object({ thresholdMetric: metric }).loose().optional(),
      timeWindows: z
        .array(
          z
            .object({
              count: z.number().int("must be a whole number").positive("must be above 0"),
              unit: z.enum(["Day", "Week", "Month", "Quarter", "Year"], { message: "must be Day, Week, Month, Quarter or Year" }),
              isRolling: z.boolean().optional(),
              calendar: z.unknown().optional(),
            })
            .loose(),
        )
        .length(1, "must hold exactly one window"),
      budgetingMethod: z.enum(["Occurrences", "Timeslices"], { message: "must be Occurrences or Timeslices" }).default("Occurrences"),
      objectives: z
        .array(
          z
            .object({
              ratioMetrics: z.object({ good: metric.optional(), bad: metric.optional(), total: metric }).loose().optional(),
              target: z.number().gt(0, "must be above 0").lt(1, "must be below 1 (0.999 for 99.9 %)"),
              op: z.enum(["lt", "lte", "gt", "gte"], { message: "must be lt, lte, gt or gte" }).optional(),
              value: z.number().optional(),
              timeSliceTarget: z.number().gt(0).lte(1).optional(),
            })
            .loose(),
        )
        .min(1, "must hold at least one objective"),
    })
    .loose(),
});
type Metric = z.infer<typeof metric>;

export function readOpenSloV1alpha(doc: unknown, problem: Located): ReadSlo[] {
  const parsed = document.safeParse(doc);
  if (!parsed.success) return reportIssues(parsed.error, problem), [];
  const { metadata, spec } = parsed.data;
  const [w] = spec.timeWindows;
  const calendar = w.isRolling === false || w.calendar !== undefined;
  const unit = ({ Week: "week", Month: "month", Quarter: "quarter", Year: "year" } as const)[w.unit as "Week"];
  if (calendar && (w.count !== 1 || !unit)) {
    problem(["spec", "timeWindows", 0], "a calendar window is one Week, Month, Quarter or Year (count: 1)");
    return [];
  }
  const window: SloWindow = calendar ? { kind: "calendar", unit } : { kind: "rolling", days: w.count * UNIT_DAYS[w.unit] };
  // Every metric is a query to a source Uptrust must be able to ask.
  const supported = (m: Metric, path: (string | number)[]) => {
    const why = unsupportedSource(m.source);
    if (why) problem(path, why);
    return why === null;
  };
  return spec.objectives.flatMap((o, i) => {
    const at = ["spec", "objectives", i];
    let indicator: SloIndicator;
    if (o.ratioMetrics) {
      const r = o.ratioMetrics;
      if (!r.good && !r.bad) return problem([...at, "ratioMetrics"], "must name a good or a bad metric beside total"), [];
      const numerator = r.good ? "good" : "bad";
      if (![supported(r[numerator]!, [...at, "ratioMetrics", numerator]), supported(r.total, [...at, "ratioMetrics", "total"])].every(Boolean)) return [];
      indicator = { kind: "ratio", good: r.good?.query, bad: r.bad?.query, total: r.total.query, sourceType: r.total.source };
    } else if (spec.indicator) {
      if (o.op === undefined || o.value === undefined) return problem(at, "a threshold SLI needs op (lt, lte, gt, gte) and value"), [];
      if (!supported(spec.indicator.thresholdMetric, ["spec", "indicator", "thresholdMetric"])) return [];
      const m = spec.indicator.thresholdMetric;
      indicator = { kind: "threshold", query: m.query, op: o.op, value: o.value, sourceType: m.source };
    } else return problem(at, "must hold ratioMetrics, or the SLO a spec.indicator.thresholdMetric"), [];
    if (spec.budgetingMethod === "Timeslices" && o.timeSliceTarget === undefined) return problem(at, "Timeslices budgeting needs timeSliceTarget"), [];
    return [
      {
        source: "openslo" as const,
        path: at,
        name: spec.objectives.length > 1 ? `${metadata.name}-${i + 1}` : metadata.name,
        service: spec.service,
        target: o.target,
        window,
        budgeting: spec.budgetingMethod,
        ...(spec.budgetingMethod === "Timeslices" ? { timeslice: { target: o.timeSliceTarget!, windowSeconds: 60 } } : {}),
        indicator,
      },
    ];
  });
}

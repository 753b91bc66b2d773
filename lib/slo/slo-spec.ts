import { z } from "zod";
import { LATENCY_BOUNDS_MS } from "@/lib/domain/access-log.ts";
import type { PromQuery } from "@/lib/domain/promql-sli.ts";
import { name } from "./import-fields.ts";

// An SLO as Uptrust stores it, whether a person defined it on the cockpit or it came from OpenSLO or
// Sloth YAML. Validation says what to fix in the field's own words.

export type SloSpec = {
  name: string;
  indicator: "availability" | "success" | "latency" | "promql";
  target: number;
  thresholdMs: number | null;
  windowDays: number;
  calendar: "month" | "week" | null;
  /** ratio-timeslices (OpenSLO RatioTimeslices): the SLI is the mean of the minutes' own ratios. */
  budgeting: "occurrences" | "timeslices" | "ratio-timeslices";
  timesliceTarget: number | null;
  description: string;
  /** The PromQL SLI of a "promql" SLO. */
  query?: PromQuery | null;
};

const bounds = LATENCY_BOUNDS_MS.join(", ");

export const sloForm = z
  .object({
    workload: z.string().regex(/^[a-z0-9.-]+\/[a-z0-9.-]+$/, "must be namespace/name, e.g. shop/checkout"),
    cluster: z.string().min(1).max(253).optional(),
    name,
    indicator: z.enum(["availability", "success", "latency"], { message: "must be availability, success or latency" }),
    target: z.number().gt(0.5, "must be above 0.5 (50 %)").lt(1, "must be below 1 (0.999 for 99.9 %)"),
    thresholdMs: z.number().int().optional(),
    windowDays: z.number().int().min(1, "must be at least 1 day").max(90, "must be at most 90 days").default(30),
    calendar: z.enum(["month", "week"]).nullable().default(null),
    budgeting: z.enum(["occurrences", "timeslices"]).default("occurrences"),
    timesliceTarget: z.number().gt(0).lte(1).optional(),
    description: z.string().max(500).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.indicator === "latency" && !LATENCY_BOUNDS_MS.includes(v.thresholdMs as (typeof LATENCY_BOUNDS_MS)[number])) {
      ctx.addIssue({ code: "custom", path: ["thresholdMs"], message: `a latency SLO needs a threshold in ms, one of ${bounds}` });
    }
    if (v.indicator !== "latency" && v.thresholdMs !== undefined) ctx.addIssue({ code: "custom", path: ["thresholdMs"], message: "only a latency SLO has a threshold" });
    if (v.budgeting === "timeslices" && v.indicator !== "availability" && v.timesliceTarget === undefined) {
      ctx.addIssue({ code: "custom", path: ["timesliceTarget"], message: "timeslices budgeting needs the share of good events that makes a minute good, e.g. 0.95" });
    }
  });

export type SloForm = z.infer<typeof sloForm>;

export function specFromForm(f: SloForm): SloSpec {
  return {
    name: f.name,
    indicator: f.indicator,
    target: f.target,
    thresholdMs: f.indicator === "latency" ? (f.thresholdMs ?? null) : null,
    windowDays: f.calendar === "month" ? 31 : f.calendar === "week" ? 7 : f.windowDays,
    calendar: f.calendar,
    // Availability is judged minute by minute whatever the form says: a minute is its only event.
    budgeting: f.indicator === "availability" ? "timeslices" : f.budgeting,
    timesliceTarget: f.budgeting === "timeslices" && f.indicator !== "availability" ? (f.timesliceTarget ?? null) : null,
    description: f.description,
  };
}

export const formatIssues = (error: z.ZodError) => error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");

import { z } from "zod";
import { burnLines } from "@/lib/domain/burn-coverage.ts";
import { sloWindow } from "@/lib/domain/slo.ts";
import type { BurnWindowRow, SloCardData } from "@/lib/views/slo.ts";
import { iso, isoOrNull } from "./map-rows.ts";
import type { HourlyBurnPoint } from "@/lib/views/slo.ts";

const ALERTS = new Set(["page", "ticket"]);

/** The stored alert as the views know it: "page", "ticket", or none (anything else an older analyzer wrote). */
export const toAlert = (raw: string | null): "page" | "ticket" | null => (raw && ALERTS.has(raw) ? (raw as "page" | "ticket") : null);

type SloRow = {
  id: string; name: string; indicator: string; target: number; windowDays: number; thresholdMs: number | null; budgeting: string; calendar: string | null; origin: string; description: string;
  workload: { namespace: string; name: string; kind: string; cluster: { name: string } };
  status: { computedAt: Date; sli: number; budgetRemaining: number; burnRate1h: number; burnRate6h: number; burnRate30d: number; alert: string | null; explanation: string; exhaustedAt: Date | null;
    measuredSince: Date | null } | null;
  charges: { description: string; spent: number; changeId: string | null }[];
  sourceError: { message: string; since: Date; seenAt: Date } | null;
};

/** An SLO the analyzer has not evaluated yet, and a source that answers: the states that carry nothing more. */
export const WAITING = { kind: "waiting" } as const;
export const ANSWERING = { kind: "answering" } as const;

// The stored row as the views read it: no status row is an SLO still waiting, a source error row a failing source.
export function toSloCard(s: SloRow, hourlyBurn: HourlyBurnPoint[]): SloCardData {
  return {
    id: s.id,
    name: s.name,
    indicator: s.indicator,
    target: s.target,
    windowDays: s.windowDays,
    thresholdMs: s.thresholdMs,
    budgeting: s.budgeting,
    calendar: s.calendar,
    origin: s.origin,
    description: s.description,
    charges: s.charges.map((c) => ({ description: c.description, spent: c.spent, changeId: c.changeId })),
    cluster: s.workload.cluster.name,
    workload: { namespace: s.workload.namespace, name: s.workload.name, kind: s.workload.kind },
    evaluation: s.status
      ? {
          kind: "evaluated",
          computedAt: iso(s.status.computedAt),
          sli: s.status.sli,
          budgetRemaining: s.status.budgetRemaining,
          burnRate1h: s.status.burnRate1h,
          burnRate6h: s.status.burnRate6h,
          burnRate30d: s.status.burnRate30d,
          alert: toAlert(s.status.alert),
          explanation: s.status.explanation,
          exhaustedAt: isoOrNull(s.status.exhaustedAt),
          measuredSince: isoOrNull(s.status.measuredSince),
          lines: burnLines(s.status, s.status.computedAt.getTime(), s.status.measuredSince?.getTime() ?? null, windowOf(s, s.status.computedAt.getTime())),
        }
      : WAITING,
    sliSource: s.sourceError ? { kind: "failing", message: s.sourceError.message, since: iso(s.sourceError.since), seenAt: iso(s.sourceError.seenAt) } : ANSWERING,
    hourlyBurn,
  };
}

// The SLO's own window as its card labels it: "30d" for a rolling 30 days, "month" for a calendar month.
function windowOf(s: Pick<SloRow, "windowDays" | "calendar">, at: number): { label: string; lengthMs: number } {
  const calendar = s.calendar === "month" || s.calendar === "week" ? s.calendar : null;
  return { label: calendar ?? `${s.windowDays}d`, lengthMs: sloWindow(at, s.windowDays, calendar).lengthMs };
}

const windows = z.array(
  z.object({
    severity: z.string(), longWindowMs: z.number(), shortWindowMs: z.number(), burnRate: z.number(), longBurn: z.number(), shortBurn: z.number(),
    longEvents: z.number(), shortEvents: z.number(), firing: z.boolean(), skipped: z.string().optional(),
    budgetSpent: z.number().optional(), longCoveredMs: z.number().optional(), shortCoveredMs: z.number().optional(),
  }),
);

// The evaluator's burn-rate table as stored; another shape (an older analyzer) reads as none.
export function toWindowRows(value: unknown): BurnWindowRow[] {
  const parsed = windows.safeParse(value);
  return parsed.success
    ? parsed.data.map((w) => ({ ...w, skipped: w.skipped ?? null, budgetSpent: w.budgetSpent ?? null, longCoveredMs: w.longCoveredMs ?? null, shortCoveredMs: w.shortCoveredMs ?? null }))
    : [];
}

import type { MttxRow } from "@/lib/views/mttx.ts";

export type MttxMetric = "mttd" | "mtta" | "mttr";
export type MttxGrouping = "week" | "service" | "severity";

export const METRIC_LABELS: Record<MttxMetric, string> = { mttd: "MTTD", mtta: "MTTA", mttr: "MTTR" };
export const GROUPING_LABELS: Record<MttxGrouping, string> = { week: "per week", service: "per service", severity: "per severity" };

// Each chart says in words what it measures, so nobody mistakes time-to-detect for time-to-repair.
export const METRIC_DEFINITIONS: Record<MttxMetric, string> = {
  mttd: "MTTD = impact start (the first failure signal) → Uptrust detected the incident.",
  mtta: "MTTA = detected → first acknowledged by a responder (an explicit acknowledgement or the first move out of triage); incidents nobody acknowledged are not counted.",
  mttr: "MTTR = impact start (the first failure signal) → resolved; open incidents are not counted until they resolve.",
};

export const GROUPING_DEFINITIONS: Record<MttxGrouping, string> = {
  week: "Per ISO week (Monday, UTC) the incident started in",
  service: "Per service (namespace/name) over the last 12 weeks",
  severity: "Per severity over the last 12 weeks",
};

export type MttxPoint = { label: string; incidents: number; mean: number; p50: number; p90: number };

const minutes = (s: number) => Math.round((s / 60) * 100) / 100;

// The chart's points for one metric and grouping, in minutes; weeks are labelled MM-DD.
export function mttxSeries(rows: readonly MttxRow[], metric: MttxMetric, grouping: MttxGrouping): MttxPoint[] {
  return rows
    .filter((r) => r.metric === metric && r.grouping === grouping)
    .map((r) => ({
      label: grouping === "week" ? r.groupKey.slice(5, 10) : r.groupKey,
      incidents: r.incidents,
      mean: minutes(r.meanSeconds),
      p50: minutes(r.p50Seconds),
      p90: minutes(r.p90Seconds),
    }));
}

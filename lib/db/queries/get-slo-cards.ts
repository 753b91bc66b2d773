import { getPool } from "@/lib/db/pool.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { SloCardData, SloHeadline } from "@/lib/views/slo.ts";
import { toAlert, toSloCard, WAITING } from "./map-slo.ts";
import { toHourlyBurn, type HourBucket } from "./hourly-burn.ts";
import { getBurnBuckets, type BurnWindow } from "./get-burn-buckets.ts";
import { scopeWhere } from "./scope-sql.ts";
import { EVERYTHING } from "@/lib/domain/scope.ts";
import { byTroubleFirst } from "@/lib/domain/slo-order.ts";

/** One SLO's hour sums for the 24 hours ending at its cluster's newest hour (the SLO page's chart). */
export async function getHourlyBuckets(sloId: string): Promise<Map<string, HourBucket[]>> {
  return getBurnBuckets([sloId], null);
}

// Every card of the scope in one statement (a thousand SLOs are a thousand rows, not a query each):
// the SLO, its workload and cluster, the analyzer's status, a failing source, and its three largest
// budget charges. The status's burn-rate table (windows) stays behind: the SLO page reads it.
const CARDS_SQL = (where: string) => `
SELECT s.id, s.name, s.indicator, s.target, s.window_days, s.threshold_ms, s.budgeting, s.calendar, s.origin, s.description,
       w.namespace, w.name AS workload_name, w.kind::text AS kind, c.name AS cluster,
       st.computed_at, st.sli, st.budget_remaining, st.burn_rate_1h, st.burn_rate_6h, st.burn_rate_30d, st.alert, st.explanation,
       st.exhausted_at, st.measured_since, se.message AS error_message, se.since AS error_since, se.seen_at AS error_seen_at,
       COALESCE(ch.charges, '[]') AS charges
  FROM slos s
  JOIN workloads w ON w.id = s.workload_id
  JOIN clusters c ON c.id = w.cluster_id
  LEFT JOIN slo_status st ON st.slo_id = s.id
  LEFT JOIN sli_source_errors se ON se.slo_id = s.id
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('description', b.description, 'spent', b.spent, 'changeId', b.change_id) ORDER BY b.position) AS charges
      FROM (SELECT * FROM budget_charges b WHERE b.slo_id = s.id ORDER BY b.position LIMIT 3) b
  ) ch ON true
 WHERE ${where}`;

type CardRow = {
  id: string; name: string; indicator: string; target: number; window_days: number; threshold_ms: number | null; budgeting: string; calendar: string | null;
  origin: string; description: string; namespace: string; workload_name: string; kind: string; cluster: string;
  computed_at: Date | null; sli: number; budget_remaining: number; burn_rate_1h: number; burn_rate_6h: number; burn_rate_30d: number; alert: string | null;
  explanation: string; exhausted_at: Date | null; measured_since: Date | null; error_message: string | null; error_since: Date; error_seen_at: Date;
  charges: { description: string; spent: number; changeId: string | null }[];
};

function toCard(r: CardRow): SloCardData {
  return toSloCard(
    {
      id: r.id, name: r.name, indicator: r.indicator, target: r.target, windowDays: r.window_days, thresholdMs: r.threshold_ms, budgeting: r.budgeting,
      calendar: r.calendar, origin: r.origin, description: r.description, charges: r.charges,
      workload: { namespace: r.namespace, name: r.workload_name, kind: r.kind, cluster: { name: r.cluster } },
      status: r.computed_at === null ? null : {
        computedAt: r.computed_at, sli: r.sli, budgetRemaining: r.budget_remaining, burnRate1h: r.burn_rate_1h, burnRate6h: r.burn_rate_6h,
        burnRate30d: r.burn_rate_30d, alert: r.alert, explanation: r.explanation, exhaustedAt: r.exhausted_at, measuredSince: r.measured_since,
      },
      sourceError: r.error_message === null ? null : { message: r.error_message, since: r.error_since, seenAt: r.error_seen_at },
    },
    [],
  );
}

// The SLOs of the scope's workloads, trouble first, without their burn charts (hourlyBurn is empty): what the
// summary and the full list need. Status, budget and alert are the analyzer's, over each SLO's own window (a
// budget is defined over its window, whatever range the screen shows).
export async function readSloCards(scope: Scope = EVERYTHING): Promise<SloCardData[]> {
  const params: unknown[] = [];
  const where = scopeWhere(scope, { cluster: "c.name", namespace: "w.namespace", name: "w.name" }, params);
  const { rows } = await getPool().query<CardRow>(CARDS_SQL(where), params);
  return rows.map(toCard).sort(byTroubleFirst);
}

// The cards with their burn charts over the cockpit's range (`window`, lib/domain/burn-buckets.ts), by default
// the last 24 cluster-hours: one statement for all of them, reading only these SLOs' hour sums.
export async function withHourlyBurn(cards: SloCardData[], window: BurnWindow = null): Promise<SloCardData[]> {
  if (cards.length === 0) return cards;
  return addBurn(cards, await getBurnBuckets(cards.map((c) => c.id), window));
}

const addBurn = (cards: SloCardData[], buckets: Map<string, HourBucket[]>) =>
  cards.map((c) => ({ ...c, hourlyBurn: toHourlyBurn(buckets.get(c.id) ?? [], c.target) }));

/** Whole cards of the given SLOs with their burn charts, trouble first: cards and hour sums read side by side. */
export async function readSloCardsWithBurn(ids: readonly string[], window: BurnWindow = null): Promise<SloCardData[]> {
  if (ids.length === 0) return [];
  const [cards, buckets] = await Promise.all([readSloCardsByIds(ids), getBurnBuckets(ids, window)]);
  return addBurn(cards, buckets);
}

/** Whole cards of the given SLOs (trouble first), without burn charts. */
export async function readSloCardsByIds(ids: readonly string[]): Promise<SloCardData[]> {
  if (ids.length === 0) return [];
  const { rows } = await getPool().query<CardRow>(CARDS_SQL(`s.id = ANY($1::uuid[])`), [ids]);
  return rows.map(toCard).sort(byTroubleFirst);
}

// Every SLO of the scope in a few fields, trouble first: what the summary counts and orders. Of the charges
// only the largest to a change (the summary names no other), so a thousand SLOs are a few kilobytes to read.
// Rows come as arrays (see readRecommendationHeadlines), in the order of the SELECT.
const HEADLINES_SQL = (where: string) => `
SELECT s.id, s.name, s.indicator, w.namespace, w.name, w.kind::text, c.name, st.slo_id IS NOT NULL, st.alert, st.budget_remaining,
       ch.description, ch.spent, ch.change_id
  FROM slos s
  JOIN workloads w ON w.id = s.workload_id
  JOIN clusters c ON c.id = w.cluster_id
  LEFT JOIN slo_status st ON st.slo_id = s.id
  LEFT JOIN LATERAL (
    SELECT b.description, b.spent, b.change_id FROM budget_charges b WHERE b.slo_id = s.id AND b.change_id IS NOT NULL ORDER BY b.spent DESC LIMIT 1
  ) ch ON true
 WHERE ${where}`;

type HeadlineRow = [
  id: string, name: string, indicator: string, namespace: string, workload: string, kind: string, cluster: string,
  evaluated: boolean, alert: string | null, budgetRemaining: number, chargeDescription: string | null, chargeSpent: number | null, changeId: string | null,
];

export async function readSloHeadlines(scope: Scope = EVERYTHING): Promise<SloHeadline[]> {
  const params: unknown[] = [];
  const where = scopeWhere(scope, { cluster: "c.name", namespace: "w.namespace", name: "w.name" }, params);
  const { rows } = await getPool().query<HeadlineRow>({ text: HEADLINES_SQL(where), values: params, rowMode: "array" });
  return rows
    .map(([id, name, indicator, namespace, workload, kind, cluster, evaluated, alert, budgetRemaining, description, spent, changeId]) => ({
      id, name, indicator, cluster, workload: { namespace, name: workload, kind },
      evaluation: evaluated ? { kind: "evaluated" as const, alert: toAlert(alert), budgetRemaining } : WAITING,
      charges: changeId === null ? [] : [{ description: description!, spent: spent!, changeId }],
    }))
    .sort(byTroubleFirst);
}

/** Every SLO card of the scope with its burn chart. */
export async function getSloCards(scope: Scope = EVERYTHING, window: BurnWindow = null): Promise<SloCardData[]> {
  return withHourlyBurn(await readSloCards(scope), window);
}

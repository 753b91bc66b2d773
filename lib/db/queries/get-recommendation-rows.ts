import { getPool } from "@/lib/db/pool.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { RecommendationHeadline, RecommendationRow } from "@/lib/views/recommendation.ts";
import { configuredPrices } from "./configured-prices.ts";
import { toRecommendationRow, worthOf, type RecommendationWithWorkload } from "./map-recommendation.ts";
import { enoughHistoryOf, ROW_BASIS_KEYS } from "./recommendation-basis.ts";
import { scopeWhere } from "./scope-sql.ts";
import { EVERYTHING } from "@/lib/domain/scope.ts";

type Row = {
  id: string; workload_id: string; container: string; strategy: string; current_cpu_request_millis: number | null; current_memory_request_bytes: number | null;
  current_memory_limit_bytes: number | null; current_cpu_limit_millis: number | null; cpu_request_millis: number; memory_request_bytes: number;
  memory_limit_bytes: number; replicas: number; held: boolean; held_reason: string | null; computed_at: Date; usage_source: string;
  usage_source_note: string | null; cpu_throttled_p95: number | null; cpu_throttled_max: number | null;
  namespace: string; name: string; kind: string; cluster: string;
};

// Only the keys a row reads, each a column of its own (cheaper for PostgreSQL than building an object per row),
// put back together here: a tenth of the bytes to send and parse per suggestion.
const BASIS_COLUMNS = ROW_BASIS_KEYS.map((k) => `r.basis -> '${k}' AS "basis.${k}"`).join(", ");
const basisOf = (r: Record<string, unknown>) => Object.fromEntries(ROW_BASIS_KEYS.map((k) => [k, r[`basis.${k}`]]).filter(([, v]) => v != null));

const toStored = (r: Row): RecommendationWithWorkload => ({
  id: r.id, workloadId: r.workload_id, container: r.container, strategy: r.strategy, currentCpuRequestMillis: r.current_cpu_request_millis,
  currentMemoryRequestBytes: r.current_memory_request_bytes === null ? null : BigInt(r.current_memory_request_bytes),
  currentMemoryLimitBytes: r.current_memory_limit_bytes === null ? null : BigInt(r.current_memory_limit_bytes),
  currentCpuLimitMillis: r.current_cpu_limit_millis, cpuRequestMillis: r.cpu_request_millis, memoryRequestBytes: BigInt(r.memory_request_bytes),
  memoryLimitBytes: BigInt(r.memory_limit_bytes), replicas: r.replicas, held: r.held, heldReason: r.held_reason,
  basis: basisOf(r) as RecommendationWithWorkload["basis"], computedAt: r.computed_at, usageSource: r.usage_source, usageSourceNote: r.usage_source_note,
  cpuThrottledP95: r.cpu_throttled_p95, cpuThrottledMax: r.cpu_throttled_max,
  workload: { namespace: r.namespace, name: r.name, kind: r.kind, cluster: { name: r.cluster } },
});

const FROM = `FROM recommendations r JOIN workloads w ON w.id = r.workload_id JOIN clusters c ON c.id = w.cluster_id`;
// Cluster/namespace/workload/container order with KRR before VPA (the cockpit puts them side by side): the order
// every list of suggestions starts from, so equal savings sort the same on every page.
const BY_NAME = `ORDER BY c.name, w.namespace, w.name, r.container, r.strategy`;
const ROW_COLUMNS = `r.id, r.workload_id, r.container, r.strategy, r.current_cpu_request_millis, r.current_memory_request_bytes,
  r.current_memory_limit_bytes, r.current_cpu_limit_millis, r.cpu_request_millis, r.memory_request_bytes, r.memory_limit_bytes, r.replicas,
  r.held, r.held_reason, r.computed_at, r.usage_source, r.usage_source_note, r.cpu_throttled_p95, r.cpu_throttled_max, ${BASIS_COLUMNS}, w.namespace, w.name, w.kind::text AS kind, c.name AS cluster`;

const scoped = (scope: Scope, params: unknown[]) =>
  `w.deleted_at IS NULL AND ${scopeWhere(scope, { cluster: "c.name", namespace: "w.namespace", name: "w.name" }, params)}`;

// Every live workload's suggestions in the scope, one row per container and strategy, by name (BY_NAME).
// A suggestion is today's advice from the usage history, so the time range does not narrow it.
export async function getRecommendationRows(scope: Scope = EVERYTHING): Promise<RecommendationRow[]> {
  const params: unknown[] = [];
  const { rows } = await getPool().query<Row>(`SELECT ${ROW_COLUMNS} ${FROM} WHERE ${scoped(scope, params)} ${BY_NAME}`, params);
  const prices = configuredPrices();
  return rows.map((r) => toRecommendationRow(toStored(r), prices));
}

// The same suggestions as headlines, in the same order: a tenth of the bytes of whole rows, and PostgreSQL sorts
// narrow rows (sorting 2,400 whole rows took half of the cockpit's read at 10,000 pods; bench/web.ts). Rows come as
// arrays, in the order of HEADLINE_COLUMNS: parsing 2,400 rows is the larger part of the read, and naming each
// field of each row a fifth of that.
const HEADLINE_COLUMNS = `r.id, c.name, w.namespace, w.name, r.container, r.strategy, r.replicas, r.held, r.current_cpu_request_millis,
  r.current_memory_request_bytes, r.cpu_request_millis, r.memory_request_bytes, r.basis -> 'enoughHistory', r.basis -> 'sampleCount',
  r.basis -> 'historyHours'`;
type HeadlineRecord = [
  id: string, cluster: string, namespace: string, name: string, container: string, strategy: string, replicas: number, held: boolean,
  currentCpuMillis: number | null, currentMemoryBytes: number | string | null, cpuMillis: number, memoryBytes: number | string,
  enoughHistory: unknown, sampleCount: unknown, historyHours: unknown,
];

export async function readRecommendationHeadlines(scope: Scope = EVERYTHING): Promise<RecommendationHeadline[]> {
  const params: unknown[] = [];
  const { rows } = await getPool().query<HeadlineRecord>({
    text: `SELECT ${HEADLINE_COLUMNS} ${FROM} WHERE ${scoped(scope, params)} ${BY_NAME}`,
    values: params,
    rowMode: "array",
  });
  const prices = configuredPrices();
  return rows.map(([id, cluster, namespace, workload, container, strategy, replicas, held, cpu, memory, toCpu, toMemory, enough, samples, hours]) => {
    const enoughHistory = enoughHistoryOf({ enoughHistory: enough, sampleCount: samples, historyHours: hours });
    const current = { cpuMillis: cpu, memoryRequestBytes: memory === null ? null : Number(memory) };
    const { savings, monthly } = worthOf(current, { cpuMillis: toCpu, memoryRequestBytes: Number(toMemory) }, enoughHistory, replicas, prices);
    return { id, cluster, namespace, workload, container, strategy, enoughHistory, held, savings, monthly };
  });
}

/** Whole rows of the given suggestions, in the order given (a list's page after it ordered the headlines). */
export async function readRecommendationRows(ids: readonly string[]): Promise<RecommendationRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await getPool().query<Row>(
    `SELECT ${ROW_COLUMNS} ${FROM} JOIN unnest($1::uuid[]) WITH ORDINALITY AS k(id, n) ON k.id = r.id ORDER BY k.n`,
    [ids],
  );
  const prices = configuredPrices();
  return rows.map((r) => toRecommendationRow(toStored(r), prices));
}

import type { CapacityForecastRow } from "@/lib/views/capacity.ts";
import type { CockpitRows } from "@/lib/views/cockpit.ts";
import type { IncidentListItem } from "@/lib/views/incident.ts";
import type { RecommendationHeadline } from "@/lib/views/recommendation.ts";
import type { SloHeadline } from "@/lib/views/slo.ts";
import { poolSummary, poolSummaryText, type PoolSummary } from "./capacity-summary.ts";
import { severityCounts, type SeverityCount } from "./incident-order.ts";
import { sloState, type SloState } from "./slo-order.ts";
import { KRR, totalsOf, type StrategyTotals } from "./rightsizing-totals.ts";
import { plural } from "./plural.ts";

// The clusters' state in a few figures each, read from the very rows the cockpit's panels show, so the
// summary can never say something a panel does not. Every figure here comes from the definition its panel
// uses (the stored SLO status and charges, the incidents' own durations, totalsOf, the stored guardrail
// score, poolSummary); this file only picks, counts and orders.

export type SummaryInput = Pick<CockpitRows<SloHeadline, RecommendationHeadline, IncidentListItem>, "clusters" | "slos" | "incidents" | "recommendations" | "guardrails" | "capacity">;

export type SloCounts = {
  paging: number;
  ticketing: number;
  /** Evaluated and neither paging nor ticketing. */
  healthy: number;
  /** Not evaluated yet (no status): counted apart so the three above never overstate health. */
  waiting: number;
};

export type SummaryIncidents = {
  open: number;
  bySeverity: SeverityCount[];
  /** The open incident that started first, with how long it has been open on the cluster's clock. */
  oldest: { id: string; title: string; openSeconds: number } | null;
};

export type SummaryBudget = {
  /** The SLO that spent the largest share of its budget this window (PromQL SLOs report no budget share). */
  mostSpent: { sloId: string; label: string; spent: number } | null;
  /** The single largest charge of any SLO's budget to a change, as the SLO page's charge table words it; `label` names that SLO. */
  topChange: { sloId: string; label: string; description: string; spent: number } | null;
};

export type SummaryCapacity = { pool: string; summary: PoolSummary; text: string };

export type ClusterSummary = {
  cluster: string;
  ingest: { state: string; summary: string; dataThrough: string | null } | null;
  slos: SloCounts;
  incidents: SummaryIncidents;
  budget: SummaryBudget;
  /** What applying the KRR suggestions now would free (the right-sizing panel's first total). */
  savings: StrategyTotals;
  /** KRR suggestions with enough history behind them: none means there is nothing to total yet. */
  suggestions: number;
  guardrails: { score: number; dangers: number; warnings: number } | null;
  capacity: SummaryCapacity | null;
};

// Budget spent = 1 − budget remaining: the complement of the figure on the SLO card (lib/domain/slo.ts
// budgetRemaining), so "37.5 % spent" and "62.5 % of the error budget left" are one number.
export const budgetSpent = (remaining: number) => 1 - remaining;

/** Which count an SLO's state (sloState: the /slos filter's and the list badge's) adds to. */
export const COUNT_OF: Record<SloState, keyof SloCounts> = { page: "paging", ticket: "ticketing", healthy: "healthy", waiting: "waiting" };

export function sloCounts(slos: readonly SummaryInput["slos"][number][]): SloCounts {
  const c: SloCounts = { paging: 0, ticketing: 0, healthy: 0, waiting: 0 };
  for (const s of slos) c[COUNT_OF[sloState(s)]]++;
  return c;
}

// Open incidents by severity in the lifecycle's order (sev1 first, as /incidents counts them); an open incident's duration is its time
// so far, measured by the read model on the cluster's clock, so the oldest is the one with the longest.
export function openIncidents(incidents: SummaryInput["incidents"]): SummaryIncidents {
  const open = incidents.filter((i) => i.active);
  const bySeverity = severityCounts(open);
  const oldest = open.reduce<(typeof open)[number] | null>((a, i) => (a === null || i.durationSeconds > a.durationSeconds ? i : a), null);
  return { open: open.length, bySeverity, oldest: oldest ? { id: oldest.id, title: oldest.title, openSeconds: oldest.durationSeconds } : null };
}

const sloLabel = (s: SummaryInput["slos"][number]) => `${s.workload.namespace}/${s.workload.name} ${s.name}`;

export function budgetFigures(slos: SummaryInput["slos"]): SummaryBudget {
  let mostSpent: SummaryBudget["mostSpent"] = null;
  let topChange: SummaryBudget["topChange"] = null;
  for (const s of slos) {
    if (s.evaluation.kind === "evaluated" && s.indicator !== "promql") {
      const spent = budgetSpent(s.evaluation.budgetRemaining);
      if (!mostSpent || spent > mostSpent.spent) mostSpent = { sloId: s.id, label: sloLabel(s), spent };
    }
    // Burning linked to no change has no change to name; the SLO page shows it on its own line.
    for (const c of s.charges) {
      if (c.changeId !== null && (!topChange || c.spent > topChange.spent)) topChange = { sloId: s.id, label: sloLabel(s), description: c.description, spent: c.spent };
    }
  }
  return { mostSpent, topChange };
}

/** A pool's headline from its stored forecasts, as the capacity panel and the pool page read it. */
export function summarizePool(forecasts: readonly CapacityForecastRow[]): PoolSummary {
  const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));
  const rows = forecasts.map((f) => ({ ...f, historyFrom: ms(f.historyFrom), historyTo: ms(f.historyTo), exhaustsAt: ms(f.exhaustsAt) }));
  return poolSummary(rows, ms(forecasts[0]?.computedAt ?? null) ?? 0);
}

// The soonest capacity date of a cluster: a full pool first, then the earliest date a trend reaches
// allocatable; with neither, the pool still waiting for history before one that is clear.
const RANK: Record<PoolSummary["status"], number> = { full: 0, dated: 1, waiting: 2, clear: 3 };

export function soonestCapacity(pools: SummaryInput["capacity"]["pools"]): SummaryCapacity | null {
  let best: SummaryCapacity | null = null;
  for (const p of pools) {
    const summary = summarizePool(p.forecasts);
    const earlier = (a: PoolSummary, b: PoolSummary) =>
      RANK[a.status] < RANK[b.status] || (a.status === "dated" && b.status === "dated" && a.exhaustsAt < b.exhaustsAt);
    if (!best || earlier(summary, best.summary)) best = { pool: p.pool, summary, text: poolSummaryText(summary) };
  }
  return best;
}

/** Every cluster the data names, in the order of the ingest chips (by name), then any other the rows name. */
export function clusterNames(input: SummaryInput): string[] {
  const names = new Set(input.clusters.map((c) => c.name));
  for (const s of input.slos) names.add(s.cluster);
  for (const i of input.incidents) names.add(i.cluster);
  return [...names];
}

export function clusterSummary(input: SummaryInput, cluster: string): ClusterSummary {
  const chip = input.clusters.find((c) => c.name === cluster) ?? null;
  const slos = input.slos.filter((s) => s.cluster === cluster);
  const recommendations = input.recommendations.filter((r) => r.cluster === cluster);
  const score = input.guardrails.scores.find((s) => s.cluster === cluster && s.namespace === "") ?? null;
  return {
    cluster,
    ingest: chip ? { state: chip.status, summary: chip.summary, dataThrough: chip.lastEventAt } : null,
    slos: sloCounts(slos),
    incidents: openIncidents(input.incidents.filter((i) => i.cluster === cluster)),
    budget: budgetFigures(slos),
    savings: totalsOf(recommendations, KRR),
    suggestions: recommendations.filter((r) => r.strategy === KRR && r.enoughHistory).length,
    guardrails: score ? { score: score.score, dangers: score.dangers, warnings: score.warnings } : null,
    capacity: soonestCapacity(input.capacity.pools.filter((p) => p.cluster === cluster)),
  };
}

// Trouble first: a cluster that pages or has a sev1/sev2 open outranks one that does not, then the
// number of open incidents, then a cluster whose ingest is not connected (its figures may be old).
export function troubleRank(s: ClusterSummary): number[] {
  const severe = s.incidents.bySeverity.filter((x) => x.severity === "sev1" || x.severity === "sev2").reduce((n, x) => n + x.count, 0);
  return [-(s.slos.paging + severe), -s.incidents.open, -s.slos.ticketing, s.ingest?.state === "connected" ? 1 : 0];
}

export function clusterSummaries(input: SummaryInput): ClusterSummary[] {
  const all = clusterNames(input).map((name) => clusterSummary(input, name));
  const cmp = (a: number[], b: number[]) => a.reduce((d, x, i) => d || x - b[i], 0);
  return all.sort((a, b) => cmp(troubleRank(a), troubleRank(b)) || a.cluster.localeCompare(b.cluster));
}

// The whole screen in one sentence, trouble first: "2 clusters: 1 SLO paging, 2 incidents open (oldest
// 3h 20m), 1 cluster not connected". It restates the rows below it, so it adds their figures up.
export function fleetHeadline(summaries: readonly ClusterSummary[], formatAge: (seconds: number) => string): string {
  const paging = summaries.reduce((n, s) => n + s.slos.paging, 0);
  const ticketing = summaries.reduce((n, s) => n + s.slos.ticketing, 0);
  const open = summaries.reduce((n, s) => n + s.incidents.open, 0);
  const oldest = summaries.reduce((m, s) => Math.max(m, s.incidents.oldest?.openSeconds ?? 0), 0);
  const down = summaries.filter((s) => s.ingest !== null && s.ingest.state !== "connected").length;
  const parts = [
    paging ? `${plural(paging, "SLO")} paging` : null,
    ticketing ? `${plural(ticketing, "SLO")} ticketing` : null,
    open ? `${plural(open, "incident")} open (oldest ${formatAge(oldest)})` : "no incident open",
    down ? `${plural(down, "cluster")} not connected` : null,
  ].filter(Boolean);
  return `${plural(summaries.length, "cluster")}: ${parts.join(", ")}`;
}

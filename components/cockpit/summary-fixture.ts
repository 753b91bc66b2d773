import type { CapacityForecastRow, CapacityPool } from "@/lib/views/capacity.ts";
import { durationSeconds } from "@/lib/db/queries/map-rows.ts";
import { toRecommendationRow, type RecommendationWithWorkload } from "@/lib/db/queries/map-recommendation.ts";
import { toSloCard } from "@/lib/db/queries/map-slo.ts";
import { assembleCockpit, type CockpitTop } from "@/lib/domain/cockpit-assembly.ts";
import type { Cockpit, CockpitRows } from "@/lib/views/cockpit.ts";
import type { IncidentSummary } from "@/lib/views/incident.ts";
import { DAY_MS } from "@/lib/domain/slo.ts";

// Two clusters as the read model hands them to the cockpit (test data only, never imported by the app):
// SLO cards and right-sizing rows go through the same mappers the queries use, so the summary and the
// panels are tested on what production would show. prod-eu is in trouble; staging is quiet but unreachable.
export const SAMPLE_NOW = new Date("2026-11-25T12:30:00Z");
const ago = (minutes: number) => new Date(SAMPLE_NOW.getTime() - minutes * 60_000);
const GIB = 1024 ** 3;

type Alert = "page" | "ticket" | null;

/** An availability SLO card as the cockpit reads it, with its budget left, alert and charges. */
export function sampleSlo(id: string, cluster: string, ns: string, name: string, status: { remaining: number; alert: Alert } | null, charges: CockpitRows["slos"][number]["charges"] = []) {
  return toSloCard(
    {
      id, name: "availability", indicator: "availability", target: 0.999, windowDays: 30, thresholdMs: null, budgeting: "occurrences", calendar: null,
      origin: "default", description: "", charges,
      workload: { namespace: ns, name, kind: "Deployment", cluster: { name: cluster } },
      status: status && {
        computedAt: SAMPLE_NOW, sli: 0.999, budgetRemaining: status.remaining, burnRate1h: status.alert === "page" ? 14.4 : 0.5, burnRate6h: 1,
        burnRate30d: 0.4, alert: status.alert, explanation: `${name} is evaluated.`, exhaustedAt: null, measuredSince: ago(3 * 24 * 60),
      },
      sourceError: null,
    },
    [],
  );
}

function incident(id: string, cluster: string, title: string, severity: string, status: string, startedMinutesAgo: number): IncidentSummary {
  const resolvedAt = status === "resolved" ? ago(startedMinutesAgo - 20) : null;
  return {
    id, title, reason: "CrashLoopBackOff", severity, status, active: status !== "resolved", cluster,
    workload: { namespace: "shop", name: title.split(" ")[0], kind: "Deployment" },
    startedAt: ago(startedMinutesAgo).toISOString(), detectedAt: ago(startedMinutesAgo - 1).toISOString(), resolvedAt: resolvedAt?.toISOString() ?? null,
    durationSeconds: durationSeconds(ago(startedMinutesAgo), resolvedAt, SAMPLE_NOW),
    likelyCause: null, occurrences: { count: 1, firstAt: ago(startedMinutesAgo).toISOString(), lastAt: ago(startedMinutesAgo).toISOString() },
    timeline: [], timelineCount: 0,
  };
}

function recommendation(id: string, cluster: string, ns: string, name: string, cpuNow: number, cpuNext: number, replicas: number, held = false) {
  const row: RecommendationWithWorkload = {
    id, workloadId: id, container: "app", strategy: "krr-simple", currentCpuRequestMillis: cpuNow, currentMemoryRequestBytes: BigInt(GIB),
    currentMemoryLimitBytes: BigInt(GIB), currentCpuLimitMillis: null, cpuRequestMillis: cpuNext, memoryRequestBytes: BigInt(GIB / 2),
    memoryLimitBytes: BigInt(GIB / 2), replicas, held, heldReason: held ? "held while its SLO burns faster than 1×" : null,
    basis: { cpuPercentile: 95, sampleCount: 16_000, historyHours: 168, oomBump: 0 }, computedAt: SAMPLE_NOW,
    usageSource: "metrics-api", usageSourceNote: null, cpuThrottledP95: null, cpuThrottledMax: null,
    workload: { namespace: ns, name, kind: "Deployment", cluster: { name: cluster } },
  };
  return toRecommendationRow(row, { cpuCoreHour: 0.03, memoryGibHour: 0.004, currency: "USD" });
}

function forecast(resource: "cpu" | "memory", exhaustsInDays: number | null, points = 200): CapacityForecastRow {
  const exhaustsAt = exhaustsInDays === null ? null : new Date(SAMPLE_NOW.getTime() + exhaustsInDays * DAY_MS).toISOString();
  return {
    resource, basis: "requests", status: exhaustsAt ? "exhausts" : "beyond-horizon", points, historyFrom: new Date(SAMPLE_NOW.getTime() - 9 * DAY_MS).toISOString(),
    historyTo: SAMPLE_NOW.toISOString(), allocatable: 16, current: 12, fit: null, exhaustsAt, earliestAt: exhaustsAt, latestAt: exhaustsAt,
    explanation: exhaustsAt ? `${resource} requests reach allocatable around ${exhaustsAt.slice(0, 10)}.` : `${resource} requests stay below allocatable.`,
    computedAt: SAMPLE_NOW.toISOString(), trend: [],
  };
}

const pool = (cluster: string, name: string, forecasts: CapacityForecastRow[]): CapacityPool => ({ cluster, pool: name, nodeCount: 3, forecasts, points: [], pointEveryHours: 1 });

const chip = (name: string, status: string, summary: string) => ({
  id: name, name, status, summary, lastEventAt: SAMPLE_NOW.toISOString(), lastSyncAt: SAMPLE_NOW.toISOString(), lagMs: 400, droppedRows: 0,
  worker: "ingest-0/17", lastError: null,
});

// Every row of the two clusters, as getCockpit reads them before the long lists are cut.
export function sampleRows(): CockpitRows {
  return {
    asOf: SAMPLE_NOW.toISOString(),
    clusters: [
      chip("prod-eu", "connected", "ingesting by ingest-0/17, 0 s behind"),
      chip("staging", "unreachable", "the API server cannot be reached by ingest-1/23: connect ECONNREFUSED; retrying"),
    ],
    slos: [
      sampleSlo("s-checkout", "prod-eu", "shop", "checkout", { remaining: 0.625, alert: "page" }, [
        { description: "rollout 7 of checkout (image shop/checkout:1.5.0) spent 30% of this window's budget.", spent: 0.3, changeId: "c-7" },
        { description: "Burning not linked to any change spent 7.5% of this window's budget.", spent: 0.075, changeId: null },
      ]),
      sampleSlo("s-cart", "prod-eu", "shop", "cart", { remaining: 0.8, alert: "ticket" }, [
        { description: "a ConfigMap change of cart (cart-config) spent 12% of this window's budget.", spent: 0.12, changeId: "c-9" },
      ]),
      sampleSlo("s-ledger", "prod-eu", "payments", "ledger", { remaining: 0.98, alert: null }),
      sampleSlo("s-new", "prod-eu", "payments", "fresh", null),
      sampleSlo("s-web", "staging", "web", "site", { remaining: 0.9, alert: null }),
    ],
    incidents: [
      incident("i-checkout", "prod-eu", "checkout is crash-looping", "sev2", "investigating", 85),
      incident("i-cart", "prod-eu", "cart was OOM-killed", "sev3", "triage", 200),
      incident("i-old", "prod-eu", "ledger restarted", "sev3", "resolved", 2 * 24 * 60),
    ],
    mttr: [],
    mttx: [],
    recommendations: [
      recommendation("r-checkout", "prod-eu", "shop", "checkout", 500, 250, 3),
      recommendation("r-cart", "prod-eu", "shop", "cart", 400, 100, 2, true),
      recommendation("r-site", "staging", "web", "site", 1000, 500, 1),
    ],
    guardrails: {
      scores: [
        { cluster: "prod-eu", namespace: "", score: 71, passed: 60, warnings: 10, dangers: 9 },
        { cluster: "prod-eu", namespace: "shop", score: 68, passed: 30, warnings: 6, dangers: 5 },
        { cluster: "staging", namespace: "", score: 90, passed: 45, warnings: 10, dangers: 0 },
      ],
      findings: [],
      totalFindings: 19,
    },
    capacity: {
      pools: [pool("prod-eu", "general", [forecast("cpu", 12), forecast("memory", 40)]), pool("prod-eu", "batch", [forecast("cpu", 30)]), pool("staging", "default", [forecast("cpu", null)])],
      totalPools: 3,
    },
  };
}

/** The cockpit the home page receives for `rows` (by default all of the sample's), cut as getCockpit cuts it. */
export function sampleCockpit(rows: CockpitRows = sampleRows(), top?: CockpitTop): Cockpit {
  return assembleCockpit(rows, top);
}

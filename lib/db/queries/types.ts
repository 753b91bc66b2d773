// The JSON shapes the cockpit API serves. Dates are ISO strings, byte counts plain numbers
// (Prisma hands back BigInt, which JSON cannot carry), so server and browser see the same data.

import type { CapacityView } from "./capacity-types.ts";
import type { BurnLine } from "@/lib/domain/burn-coverage.ts";
import type { IncidentHeadline } from "@/lib/domain/incident-headline.ts";
import type { IncidentStatus } from "@/lib/domain/incident-lifecycle.ts";
import type { TimelineItem } from "@/lib/domain/timeline-entry.ts";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type ClusterChip = {
  id: string;
  name: string;
  /** Ingest state as judged now (lib/domain/ingest-health.ts): a silent worker reads "stale". */
  status: string;
  /** One sentence on the cluster's ingest, with who ingests it, the lag and any loss. */
  summary: string;
  /** The cluster's own newest time in the data: what "now" means for its charts. */
  lastEventAt: string | null;
  /** The holding worker's latest heartbeat (wall clock). */
  lastSyncAt: string | null;
  lagMs: number | null;
  droppedRows: number;
  worker: string | null;
  lastError: string | null;
};

export type HourlyBurnPoint = { hour: string; burn: number | null };

export type BudgetChargeItem = { description: string; spent: number; changeId: string | null };

export type SloCardData = {
  id: string;
  name: string;
  indicator: string;
  target: number;
  windowDays: number;
  /** Latency SLOs: the threshold a request must meet. */
  thresholdMs: number | null;
  budgeting: string;
  /** null for a rolling window, else "month" or "week". */
  calendar: string | null;
  origin: string;
  description: string;
  /** The largest charges of the window's budget to the changes that spent it. */
  charges: BudgetChargeItem[];
  cluster: string;
  workload: { namespace: string; name: string; kind: string };
  status: {
    computedAt: string;
    sli: number;
    budgetRemaining: number;
    burnRate1h: number;
    burnRate6h: number;
    burnRate30d: number;
    alert: "page" | "ticket" | null;
    explanation: string;
    exhaustedAt: string | null;
    /** The first measured minute in the window (null: not recorded). */
    measuredSince: string | null;
    /** 1 h, 6 h and the SLO's window: each burn with how much of its window the history covers. */
    lines: BurnLine[];
  } | null;
  /** Why the SLI is not being measured (its source refuses or cannot be reached), since when. */
  sourceError: { message: string; since: string; seenAt: string } | null;
  hourlyBurn: HourlyBurnPoint[];
};

export type BurnWindowRow = {
  severity: string;
  longWindowMs: number;
  shortWindowMs: number;
  burnRate: number;
  longBurn: number;
  shortBurn: number;
  longEvents: number;
  shortEvents: number;
  firing: boolean;
  skipped: string | null;
  budgetSpent: number | null;
  longCoveredMs: number | null;
  shortCoveredMs: number | null;
};

export type SloDetail = {
  asOf: string;
  slo: SloCardData;
  sourceYaml: string | null;
  windowStart: string | null;
  windows: BurnWindowRow[];
  charges: (BudgetChargeItem & { bad: number; intervals: { from: string; to: string; bad: number }[] })[];
  /** The newest measured minutes (good and total events), newest first: the facts behind the figures. */
  recent: { ts: string; good: number; total: number }[];
};

// The timeline entry is shared with the analyzer that writes it: a union tagged by kind.
export type { TimelineItem };

export type IncidentSummary = IncidentHeadline & {
  id: string;
  startedAt: string;
  detectedAt: string;
  resolvedAt: string | null;
  // Resolved: time to resolve. Active: time so far, measured on the cluster's clock.
  durationSeconds: number;
  /** The most likely cause in one sentence, when one stands out. */
  likelyCause: string | null;
  /** The same trouble recurring is one incident: how often it occurred, the first and latest start. */
  occurrences: { count: number; firstAt: string; lastAt: string };
  timeline: TimelineItem[];
  timelineCount: number;
};

export type MttrPoint = {
  weekStart: string;
  incidents: number;
  meanSeconds: number;
  p50Seconds: number;
  p90Seconds: number;
};

/** One MTTx figure (lib/domain/mttx.ts): metric mttd | mtta | mttr, grouping week | service | severity. */
export type MttxRow = {
  metric: string;
  grouping: string;
  groupKey: string;
  incidents: number;
  meanSeconds: number;
  p50Seconds: number;
  p90Seconds: number;
};

export type RecommendationRow = {
  id: string;
  cluster: string;
  namespace: string;
  workload: string;
  workloadKind: string;
  container: string;
  /** krr-simple | vpa: one row per strategy, shown side by side per container. */
  strategy: string;
  current: { cpuMillis: number | null; memoryRequestBytes: number | null; memoryLimitBytes: number | null };
  recommended: { cpuMillis: number; memoryRequestBytes: number; memoryLimitBytes: number };
  basis: { percentile: number | null; samples: number | null; historyHours: number | null; oomBump: boolean };
  enoughHistory: boolean;
  note: string | null;
  replicas: number;
  // Positive = Uptrust suggests giving capacity back; null when no request is set today. `savings`
  // counts every running replica, `savingsPerReplica` one of them.
  savings: { cpuCores: number | null; memoryGiB: number | null };
  savingsPerReplica: { cpuCores: number | null; memoryGiB: number | null };
  /** savings × configured price × 730 h. */
  monthly: { cpu: number | null; memory: number | null; total: number | null; currency: string };
  /** Downsizing waits while one of the workload's SLOs burns faster than 1×; the reason says which. */
  held: boolean;
  heldReason: string | null;
  hpa: { name: string; minReplicas: number; maxReplicas: number; cpuTargetUtilization: number | null; warning: string } | null;
  computedAt: string;
};

export type Cockpit = {
  // The newest time any cluster reported (its own clock); "now" for every window on the screen.
  asOf: string;
  clusters: ClusterChip[];
  slos: SloCardData[];
  incidents: IncidentSummary[];
  mttr: MttrPoint[];
  mttx: MttxRow[];
  recommendations: RecommendationRow[];
  guardrails: GuardrailsView;
  capacity: CapacityView;
};

export type GuardrailScoreRow = { cluster: string; namespace: string; score: number; passed: number; warnings: number; dangers: number };
export type GuardrailFindingRow = { id: string; cluster: string; namespace: string; target: string; check: string; severity: string; message: string; firstSeen: string };
export type GuardrailsView = { scores: GuardrailScoreRow[]; findings: GuardrailFindingRow[]; totalFindings: number };

export type CauseEvidenceItem = { source: string; ts: string | null; text: string };
export type ProbableCauseItem = { kind: string; title: string; score: number; evidence: CauseEvidenceItem[] };

export type IncidentDetail = {
  asOf: string;
  incident: IncidentSummary & {
    summary: string;
    acknowledgedAt: string | null;
    mitigatedAt: string | null;
    owner: string | null;
    /** detector | person: who chose the severity. */
    severitySource: string;
    /** The statuses a responder may move it to now (lib/domain/incident-lifecycle.ts). */
    nextStatuses: IncidentStatus[];
  };
  /** Most likely first (lib/domain/causes), each with the facts that support it. */
  causes: ProbableCauseItem[];
  /** Other workloads' incidents with the same most likely cause, begun within half an hour. */
  related: { id: string; title: string; workload: string | null; startedAt: string; cause: string }[];
  timeline: TimelineItem[];
};

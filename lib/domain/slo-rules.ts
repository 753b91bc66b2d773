import { perSecond, type PromQuery } from "./promql-sli.ts";
import { burnRateRules, MIN_EVENTS, type AlertSeverity } from "./burn-rate.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./slo.ts";

// An SLO as the Prometheus rules Sloth would generate for it (recording rules named slo:*, labels sloth_id,
// sloth_service and sloth_slo, a page and a ticket alert over the multi-window multi-burn-rate table), so a
// team can page from its own Alertmanager and reuse Sloth's dashboards. The burn factors are Uptrust's own
// (burnRateRules), scaled to the SLO's period as Sloth scales them: 14.4, 6, 3 and 1 for 30 days.

export type ExportedSlo = {
  id: string;
  cluster: string;
  namespace: string;
  workload: string;
  name: string;
  indicator: "availability" | "success" | "latency" | "promql";
  target: number;
  windowDays: number;
  calendar: "month" | "week" | null;
  budgeting: "occurrences" | "timeslices" | "ratio-timeslices";
  timesliceTarget: number | null;
  /** The PromQL SLI of a "promql" SLO; null when none is stored. */
  query: PromQuery | null;
};

export type RecordingRule = { record: string; expr: string; labels: Record<string, string> };
export type AlertingRule = { alert: string; expr: string; labels: Record<string, string>; annotations: Record<string, string> };
export type RuleGroup = { name: string; rules: (RecordingRule | AlertingRule)[] };

/** The labels that name one SLO on every series and alert. */
export type SloIdentity = { sloth_id: string; sloth_service: string; sloth_slo: string; uptrust_cluster: string };

// sloth_service is the workload as SLO files name it (namespace/name, which Uptrust's import reads back), and
// sloth_id is Sloth's service-slo; the cluster is a label of its own so one Prometheus can hold several clusters.
export function sloIdentity(slo: Pick<ExportedSlo, "cluster" | "namespace" | "workload" | "name">): SloIdentity {
  const service = `${slo.namespace}/${slo.workload}`;
  return { sloth_id: `${service}-${slo.name}`, sloth_service: service, sloth_slo: slo.name, uptrust_cluster: slo.cluster };
}

/** Uptrust's own SLIs have no series in the team's Prometheus: the analyze worker's /metrics serves its window figures. */
export const OWN_ERROR_RATIO_METRIC = "uptrust_slo_sli_error_ratio";
export const OWN_EVENTS_METRIC = "uptrust_slo_window_events";

// A window as Prometheus and Sloth write it: 5m, 1h, 3d.
export function promDuration(ms: number): string {
  if (ms % DAY_MS === 0) return `${ms / DAY_MS}d`;
  if (ms % HOUR_MS === 0) return `${ms / HOUR_MS}h`;
  return `${Math.round(ms / MINUTE_MS)}m`;
}

/** Every window a rule reads, shortest first (Sloth's 5m … 3d), the SLO's period last. */
export function ruleWindowsMs(periodMs: number): number[] {
  const windows = new Set(burnRateRules(periodMs).flatMap((r) => [r.shortWindowMs, r.longWindowMs]));
  return [...windows].sort((a, b) => a - b);
}

const IDENTITY_KEYS = "sloth_id, sloth_service, sloth_slo, uptrust_cluster";
const selector = (id: SloIdentity) =>
  `{${Object.entries(id)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(", ")}}`;
// Floats as PromQL reads them, without binary noise (1 − 0.999 is 0.0010000000000000009).
const num = (n: number) => String(Number(n.toPrecision(12)));

const templated = (q: string) => /\{\{\s*\.window\s*\}\}/.test(q);
const render = (q: string, window: string) => q.replace(/\{\{\s*\.window\s*\}\}/g, window);
const OPS = { lt: "<", lte: "<=", gt: ">", gte: ">=" } as const;

// The minute's good ratio as Uptrust measures a PromQL SLI (promql-sli.ts): each query asked for one minute and
// summed over its labels; a minute without traffic is absent, not bad; ratios kept within [0, 1].
function minuteGoodRatio(q: PromQuery): string {
  if (q.kind === "threshold") return `(sum(${render(q.query, "1m")}) ${OPS[q.op]} bool ${num(q.value)})`;
  if (q.kind === "raw") {
    const ratio = `clamp(sum(${render(q.query, "1m")}), 0, 1)`;
    return q.ratio === "error" ? `(1 - ${ratio})` : ratio;
  }
  const total = `(sum(${render(q.total, "1m")}) > 0)`;
  return q.good !== undefined ? `clamp(sum(${render(q.good, "1m")}) / ${total}, 0, 1)` : `clamp(1 - sum(${render(q.bad!, "1m")}) / ${total}, 0, 1)`;
}

// The error ratio of one window, counted the way the SLO's budgeting method counts (request-sli.ts asBudgeted):
// - Occurrences of a ratio: bad ÷ total events of the window. Written with {{.window}}, as Sloth writes it
//   (sum(rate(errors[1h])) / sum(rate(total[1h]))); otherwise the minutes' sums, as Uptrust reads them.
// - Timeslices: the share of minutes whose good ratio misses the slice target (the SLO's target if none).
// - RatioTimeslices, raw ratios and thresholds: one event a minute, so the mean of the minutes' error ratios.
function promqlErrorRatio(slo: ExportedSlo, q: PromQuery, window: string): string {
  if (q.kind === "ratio" && slo.budgeting === "occurrences") {
    const part = q.good ?? q.bad!;
    const sums = [part, q.total].every(templated)
      ? [part, q.total].map((x) => `(sum(${render(x, window)}))`)
      : [part, q.total].map((x) => `sum_over_time((sum(${render(x, "1m")}))[${window}:1m])`);
    return q.good !== undefined ? `1 - (${sums[0]} / ${sums[1]})` : `${sums[0]} / ${sums[1]}`;
  }
  const good = minuteGoodRatio(q);
  const perMinute = slo.budgeting === "timeslices" ? `(${good} >= bool ${num(slo.timesliceTarget ?? slo.target)})` : good;
  return `1 - avg_over_time(${perMinute}[${window}:1m])`;
}

// Uptrust's own SLIs: the error ratio the analyzer measured over the window, as its /metrics serves it (one
// series per worker replica, hence max).
const ownErrorRatio = (id: SloIdentity, window: string) =>
  `max by (${IDENTITY_KEYS}) (${OWN_ERROR_RATIO_METRIC}{${selector(id).slice(1, -1)}, sloth_window="${window}"})`;

const sliRecord = (window: string) => `slo:sli_error:ratio_rate${window}`;
const eventsRecord = (window: string) => `slo:sli_events:count${window}`;

// The events each window measured, counted as Uptrust counts them for its low-traffic guard (judgeRule): a ratio
// SLO under Occurrences its requests (a rate's per-second value times the window's seconds), every other SLO its
// minutes with a value, Uptrust's own SLIs what the analyze worker serves.
function promqlEvents(slo: ExportedSlo, q: PromQuery, window: string, ms: number): string {
  if (q.kind === "ratio" && slo.budgeting === "occurrences") {
    const scale = (seconds: number) => (perSecond(q.total) ? ` * ${seconds}` : "");
    return templated(q.total) ? `sum(${render(q.total, window)})${scale(ms / 1000)}` : `sum_over_time((sum(${render(q.total, "1m")}))[${window}:1m])${scale(60)}`;
  }
  return `count_over_time(${minuteGoodRatio(q)}[${window}:1m])`;
}
const ownEvents = (id: SloIdentity, window: string) =>
  `max by (${IDENTITY_KEYS}) (${OWN_EVENTS_METRIC}{${selector(id).slice(1, -1)}, sloth_window="${window}"})`;

function eventRecordings(slo: ExportedSlo, id: SloIdentity, periodMs: number): RecordingRule[] {
  return ruleWindowsMs(periodMs).map((ms) => {
    const window = promDuration(ms);
    const expr = slo.indicator !== "promql" || !slo.query ? ownEvents(id, window) : promqlEvents(slo, slo.query, window, ms);
    return { record: eventsRecord(window), expr, labels: { ...id, sloth_window: window } };
  });
}

function sliRecordings(slo: ExportedSlo, id: SloIdentity, periodMs: number): RecordingRule[] {
  const period = promDuration(periodMs);
  const own = slo.indicator !== "promql";
  const windows = ruleWindowsMs(periodMs);
  const rules = windows.map((ms) => {
    const window = promDuration(ms);
    const expr = own || !slo.query ? ownErrorRatio(id, window) : promqlErrorRatio(slo, slo.query, window);
    return { record: sliRecord(window), expr, labels: { ...id, sloth_window: window } };
  });
  // The period's ratio: Uptrust's own over the whole window; for PromQL, Sloth's mean of the 5-minute ratios,
  // which costs Prometheus a few thousand points instead of a 30-day range query.
  const periodExpr = own
    ? ownErrorRatio(id, period)
    : `sum_over_time(${sliRecord("5m")}${selector(id)}[${period}])\n/ ignoring (sloth_window)\ncount_over_time(${sliRecord("5m")}${selector(id)}[${period}])`;
  // A 1-day or 3-day SLO's period is one of the alert windows already.
  return windows.includes(periodMs) ? rules : [...rules, { record: sliRecord(period), expr: periodExpr, labels: { ...id, sloth_window: period } }];
}

function metaRecordings(slo: ExportedSlo, id: SloIdentity, periodMs: number): RecordingRule[] {
  const sel = selector(id);
  const perBudget = (record: string) => `${record}${sel}\n/ on(${IDENTITY_KEYS}) group_left\nslo:error_budget:ratio${sel}`;
  return [
    { record: "slo:objective:ratio", expr: `vector(${num(slo.target)})`, labels: { ...id } },
    { record: "slo:error_budget:ratio", expr: `vector(1-${num(slo.target)})`, labels: { ...id } },
    { record: "slo:time_period:days", expr: `vector(${num(periodMs / DAY_MS)})`, labels: { ...id } },
    { record: "slo:current_burn_rate:ratio", expr: perBudget(sliRecord("5m")), labels: { ...id } },
    { record: "slo:period_burn_rate:ratio", expr: perBudget(sliRecord(promDuration(periodMs))), labels: { ...id } },
    { record: "slo:period_error_budget_remaining:ratio", expr: `1 - slo:period_burn_rate:ratio${sel}`, labels: { ...id } },
    {
      record: "sloth_slo_info",
      expr: "vector(1)",
      labels: { ...id, sloth_mode: "uptrust-export", sloth_objective: num(slo.target * 100), sloth_spec: "prometheus/v1", uptrust_indicator: slo.indicator },
    },
  ];
}

// CheckoutRequestsSLO: Sloth asks for an alert name; Uptrust derives one from the workload and the SLO.
export function alertName(slo: Pick<ExportedSlo, "workload" | "name">): string {
  const words = `${slo.workload} ${slo.name}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  return `${/^[A-Za-z]/.test(name) ? name : `Slo${name}`}SLO`;
}

// Sloth's two alerts: page when the 2 % or 5 % rule fires, ticket when either 10 % rule does; each rule needs
// both its windows above its burn factor × the error budget (the long window says the burn matters, the short
// one that it is still going on).
function alerts(slo: ExportedSlo, id: SloIdentity, periodMs: number): AlertingRule[] {
  const sel = selector(id);
  const budget = num(1 - slo.target);
  const rules = burnRateRules(periodMs);
  const over = (ms: number, factor: number) => `(${sliRecord(promDuration(ms))}${sel} > (${num(factor)} * ${budget}))`;
  return (["page", "ticket"] as AlertSeverity[]).map((severity) => {
    // Uptrust's low-traffic guard too: a long window of fewer than MIN_EVENTS events never fires (one bad minute of an
    // idle workload pages nobody), so Prometheus pages when Uptrust's page does.
    const enough = (ms: number) => `(${eventsRecord(promDuration(ms))}${sel} >= ${MIN_EVENTS})`;
    const pairs = rules
      .filter((r) => r.severity === severity)
      .map((r) => `(\n    ${over(r.shortWindowMs, r.burnRate)}\n    and ignoring (sloth_window)\n    ${over(r.longWindowMs, r.burnRate)}` +
        `\n    and ignoring (sloth_window)\n    ${enough(r.longWindowMs)}\n)`);
    return {
      alert: alertName(slo),
      expr: pairs.join("\nor ignoring (sloth_window)\n"),
      // The SLO's labels come with the series the expression selects, as in Sloth's alerts; they are also the rule's
      // own, because an alert name is the workload's and two namespaces (or clusters) may each have a "frontend".
      labels: { ...id, sloth_severity: severity, severity },
      annotations: {
        title: `(${severity}) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is too fast.`,
        summary: `${slo.namespace}/${slo.workload} ${slo.name} (${num(slo.target * 100)} % over ${num(periodMs / DAY_MS)} days) is burning its error budget too fast.`,
        uptrust_slo_id: slo.id,
      },
    };
  });
}

/** Why an SLO cannot be written as rules (null: it can): a PromQL SLO whose stored query cannot be read. */
export function leftOutReason(slo: Pick<ExportedSlo, "indicator" | "query">): string | null {
  return slo.indicator === "promql" && !slo.query ? "its PromQL SLI is missing or malformed; import its definition again" : null;
}

// Sloth's three groups per SLO: the SLI windows, the metadata, the alerts. A calendar SLO is exported over its
// window's days rolling: Prometheus rules have no calendar.
export function sloRuleGroups(slo: ExportedSlo): RuleGroup[] {
  const id = sloIdentity(slo);
  const periodMs = slo.windowDays * DAY_MS;
  const key = `${slo.cluster}/${id.sloth_id}`;
  return [
    { name: `sloth-slo-sli-recordings-${key}`, rules: [...sliRecordings(slo, id, periodMs), ...eventRecordings(slo, id, periodMs)] },
    { name: `sloth-slo-meta-recordings-${key}`, rules: metaRecordings(slo, id, periodMs) },
    { name: `sloth-slo-alerts-${key}`, rules: alerts(slo, id, periodMs) },
  ];
}

export type WindowFigure = { window: string; errorRatio: number; events: number | null };
type MeasuredWindow = { longWindowMs: number; shortWindowMs: number; longBurn: number; shortBurn: number; longEvents: number; shortEvents: number };

// What the analyze worker serves for one of Uptrust's own SLOs: each window's error ratio (burn × error budget,
// the very figure the SLO page shows) and its events, from the analyzer's last evaluation; the period's ratio
// from its burn over the whole window (its event count is not kept, so none is served).
export function ownWindowFigures(evaluated: readonly MeasuredWindow[], target: number, windowDays: number, periodBurn: number): WindowFigure[] {
  const budget = 1 - target;
  const byWindow = new Map<number, WindowFigure>();
  for (const w of evaluated) {
    byWindow.set(w.longWindowMs, { window: promDuration(w.longWindowMs), errorRatio: w.longBurn * budget, events: w.longEvents });
    byWindow.set(w.shortWindowMs, { window: promDuration(w.shortWindowMs), errorRatio: w.shortBurn * budget, events: w.shortEvents });
  }
  const periodMs = windowDays * DAY_MS;
  if (evaluated.length && !byWindow.has(periodMs)) byWindow.set(periodMs, { window: promDuration(periodMs), errorRatio: periodBurn * budget, events: null });
  return [...byWindow.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
}

// A blameless postmortem draft assembled from the incident record: what happened to the system, when,
// what it cost in error budget, what the evidence points at, and empty sections the team fills in.
// Pure: times are ISO strings (UTC), the output is Markdown.

import { formatDuration } from "./format-duration.ts";
import { budgetShare } from "./slo.ts";

export type PostmortemInput = {
  id: string;
  title: string;
  severity: string;
  status: string;
  owner: string | null;
  cluster: string;
  workload: { namespace: string; name: string; kind: string } | null;
  reason: string;
  summary: string;
  startedAt: string;
  detectedAt: string;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  /** When the draft was assembled, on the cluster's clock. */
  asOf: string;
  causes: { kind: string; title: string; score: number; evidence: { source: string; ts: string | null; text: string }[] }[];
  timeline: { ts: string; kind: string; title: string; detail: unknown }[];
  budgets: BudgetSpent[];
};

// One SLO's budget as its page shows it (the window evaluated last, its allowed bad events) and the bad
// events of the incident that fell inside that window.
export type BudgetSpent = {
  slo: string;
  target: number;
  /** "30-day", "calendar month": the window the budget is for. */
  window: string;
  /** When the SLO was last evaluated: the window ends there, as on the SLO page. */
  asOf: string;
  /** The incident's bad events inside the window. */
  badEvents: number;
  /** All bad events of the window, whichever incident (or none) they belong to. */
  windowBadEvents: number;
  /** allowedBadEvents of the window (slo.ts): the denominator of every share of its budget. */
  allowedBadEvents: number;
  /** The incident began before the window did: its earlier minutes no longer count against this budget. */
  beganBeforeWindow: boolean;
};

// An incident's share of the budget = its bad events ÷ the window's allowed bad events: the denominator of
// the SLO page's "spent" and of the budget charged to changes, so the incidents' shares add up to at most
// what the window has spent. (Bad ÷ the events measured so far would be a burn rate, not a share.)
export function budgetSpentFraction(b: Pick<BudgetSpent, "badEvents" | "allowedBadEvents">): number | null {
  return b.allowedBadEvents > 0 ? budgetShare(b.badEvents, b.allowedBadEvents) : null;
}

const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

const since = (from: string, to: string | null) => (to ? formatDuration((Date.parse(to) - Date.parse(from)) / 1000) : "—");

function impact(p: PostmortemInput): string[] {
  const rows: [string, string | null][] = [
    ["Impact started (first failure signal)", p.startedAt],
    ["Detected by Uptrust", p.detectedAt],
    ["Acknowledged", p.acknowledgedAt],
    ["Mitigated", p.mitigatedAt],
    ["Resolved", p.resolvedAt],
  ];
  const workload = p.workload ? `${p.workload.namespace}/${p.workload.name} (${p.workload.kind}) in cluster ${p.cluster}` : `cluster ${p.cluster}`;
  return [
    "## Impact",
    "",
    `Affected workload: ${workload}.`,
    "",
    "| milestone | time (UTC) | since impact start |",
    "|---|---|---|",
    ...rows.map(([name, at]) => `| ${name} | ${at ? utc(at) : "not recorded"} | ${since(p.startedAt, at)} |`),
    "",
    `Time to detect ${since(p.startedAt, p.detectedAt)} · to acknowledge ${since(p.detectedAt, p.acknowledgedAt)} (from detection) · ` +
      `to mitigate ${since(p.startedAt, p.mitigatedAt)} · to resolve ${p.resolvedAt ? since(p.startedAt, p.resolvedAt) : `not resolved (open for ${since(p.startedAt, p.asOf)})`}.`,
    "",
    ...budget(p.budgets),
  ];
}

const share = (f: number) => `${(f * 100).toFixed(1)}%`;
const events = (n: number) => String(Math.round(n * 10) / 10);

function budget(budgets: readonly BudgetSpent[]): string[] {
  if (budgets.length === 0) return ["Error budget: no SLO of this workload has been evaluated over the incident yet."];
  return [
    "Error budget spent during the incident (its bad events ÷ the bad events the SLO window allows; the same budget as the SLO page):",
    "",
    ...budgets.map((b) => {
      const f = budgetSpentFraction(b);
      const whole = budgetSpentFraction({ badEvents: b.windowBadEvents, allowedBadEvents: b.allowedBadEvents });
      const head = `- ${b.slo} (target ${(b.target * 100).toFixed(2).replace(/\.?0+$/, "")}%): `;
      if (f === null || whole === null) return `${head}no events measured in its ${b.window} window.`;
      const before = b.beganBeforeWindow ? "; the incident began before this window, and its earlier minutes no longer count" : "";
      return `${head}${share(f)} of the ${b.window} budget (${events(b.badEvents)} bad events of the ${events(b.allowedBadEvents)} allowed); ` +
        `the window has spent ${share(whole)} in all as of ${utc(b.asOf)} UTC${before}.`;
    }),
  ];
}

function causes(p: PostmortemInput): string[] {
  if (p.causes.length === 0) return ["## Probable causes", "", "No cause stood out in the facts Uptrust holds; the team's analysis goes here."];
  return [
    "## Probable causes (from the evidence, most likely first)",
    "",
    ...p.causes.flatMap((c, i) => [
      `${i + 1}. **${c.title}** (${c.kind}, ${Math.round(c.score * 100)}% evidence strength)`,
      ...c.evidence.map((e) => `   - ${e.source}${e.ts ? ` · ${utc(e.ts)}` : ""}: ${cell(e.text)}`),
    ]),
  ];
}

const record = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v)) : {});

function timelineText(e: PostmortemInput["timeline"][number]): string {
  const d = record(e.detail);
  const message = typeof d.message === "string" && d.message !== e.title ? `: ${d.message}` : "";
  const author = typeof d.author === "string" ? ` (recorded by ${d.author})` : "";
  return cell(`${e.title}${message}${author}`);
}

function timeline(p: PostmortemInput): string[] {
  return [
    "## Timeline (UTC)",
    "",
    "| time | kind | what happened |",
    "|---|---|---|",
    ...p.timeline.map((e) => `| ${utc(e.ts)} | ${e.kind} | ${timelineText(e)} |`),
  ];
}

export function buildPostmortem(p: PostmortemInput): string {
  return [
    `# Postmortem: ${p.title}`,
    "",
    `> Draft assembled by Uptrust on ${utc(p.asOf)} UTC from incident ${p.id}. This review is blameless: it asks how the system, ` +
      "its safeguards and our processes let this happen, never who is at fault. Everyone acted on the best information they had at the time.",
    "",
    "## Summary",
    "",
    `- Severity: ${p.severity} · status: ${p.status} · owner: ${p.owner ?? "not set"}`,
    `- Detected from: ${p.reason}`,
    ...(p.summary ? [`- What Uptrust saw: ${p.summary}`] : []),
    "",
    ...impact(p),
    "",
    ...causes(p),
    "",
    ...timeline(p),
    "",
    "## Contributing factors",
    "",
    "_Conditions in the system, its tooling or its processes that made this possible or made it worse (a missing probe, an alert that fired late, a rollout without a canary)._",
    "",
    "## What went well",
    "",
    "_Safeguards and practices that limited the impact._",
    "",
    "## Action items",
    "",
    "| action | kind (prevent / detect / mitigate) | owner | due | tracking |",
    "|---|---|---|---|---|",
    "| | | | | |",
    "",
  ].join("\n");
}

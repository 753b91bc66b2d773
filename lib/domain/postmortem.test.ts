import { describe, expect, it } from "vitest";
import { incidentBudget } from "./incident-budget.ts";
import { budgetSpentFraction, buildPostmortem, type PostmortemInput } from "./postmortem.ts";
import { DAY_MS, MINUTE_MS } from "./slo.ts";

// A full 30-day window of 4 events a minute (172,800, of which 172.8 may fail) and an incident 10:00–10:30
// with 20 bad events, summed as the evaluator's segments are.
const asOf = Date.parse("2026-11-25T12:00:00.000Z");
const [from, to] = [Date.parse("2026-11-25T10:00:00.000Z"), Date.parse("2026-11-25T10:30:00.000Z")];
const month = { from: asOf - 30 * DAY_MS, minutes: 30 * 1440 };
const segments = [
  { from: month.from, good: (from - month.from) / MINUTE_MS * 4, total: (from - month.from) / MINUTE_MS * 4, firstTs: month.from },
  { from, good: 100, total: 120, firstTs: from },
  { from: to, good: 360, total: 360, firstTs: to },
];
const budget = incidentBudget({ name: "availability", target: 0.999, windowDays: 30, calendar: null }, asOf, segments, { start: from, end: to });

const checkout: PostmortemInput = {
  id: "4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90",
  title: "checkout is crash-looping (CrashLoopBackOff)",
  severity: "sev2",
  status: "resolved",
  owner: "@payments-oncall",
  cluster: "demo",
  workload: { namespace: "shop", name: "checkout", kind: "Deployment" },
  reason: "CrashLoopBackOff",
  summary: "checkout-7f8d2 is in CrashLoopBackOff.",
  startedAt: "2026-11-25T10:00:00.000Z",
  detectedAt: "2026-11-25T10:02:00.000Z",
  acknowledgedAt: "2026-11-25T10:05:00.000Z",
  mitigatedAt: "2026-11-25T10:21:00.000Z",
  resolvedAt: "2026-11-25T10:30:00.000Z",
  asOf: "2026-11-25T12:00:00.000Z",
  causes: [{ kind: "ImageChange", title: "The checkout image changed from 1.4.2 to 1.5.0 just before the crash loop", score: 0.9, evidence: [{ source: "change", ts: "2026-11-25T09:59:00.000Z", text: "image checkout: 1.4.2 → 1.5.0" }] }],
  timeline: [
    { ts: "2026-11-25T09:59:00.000Z", kind: "change", title: "image checkout: 1.4.2 → 1.5.0", detail: {} },
    { ts: "2026-11-25T10:10:00.000Z", kind: "note", title: "Note", detail: { author: "Ana", message: "Rolling back | to 1.4.2" } },
  ],
  budgets: [budget],
};

describe("a postmortem draft", () => {
  const md = buildPostmortem(checkout);

  it("times each milestone from the impact start", () => {
    expect(md).toContain("| Detected by Uptrust | 2026-11-25 10:02:00 | 2m |");
    expect(md).toContain("| Mitigated | 2026-11-25 10:21:00 | 21m |");
    expect(md).toContain("Time to detect 2m · to acknowledge 3m (from detection) · to mitigate 21m · to resolve 30m.");
  });

  it("states the error budget the incident burned", () => {
    expect(md).toContain(
      "- availability (target 99.9%): 11.6% of the 30-day budget (20 bad events of the 172.8 allowed); the window has spent 11.6% in all as of 2026-11-25 12:00:00 UTC.",
    );
  });

  it("carries the probable cause with its evidence and the timeline with who recorded notes", () => {
    expect(md).toContain("1. **The checkout image changed from 1.4.2 to 1.5.0 just before the crash loop** (ImageChange, 90% evidence strength)");
    expect(md).toContain("   - change · 2026-11-25 09:59:00: image checkout: 1.4.2 → 1.5.0");
    expect(md).toContain("| 2026-11-25 10:10:00 | note | Note: Rolling back \\| to 1.4.2 (recorded by Ana) |");
  });

  it("is blameless and leaves contributing factors and action items to the team", () => {
    expect(md).toMatch(/blameless: it asks how the system.*never who is at fault/);
    expect(md).toContain("## Contributing factors");
    expect(md).toContain("## Action items");
  });

  it("says an open incident is not resolved yet and how long it has run", () => {
    const open = buildPostmortem({ ...checkout, status: "investigating", mitigatedAt: null, resolvedAt: null, budgets: [] });
    expect(open).toContain("to resolve not resolved (open for 2h)");
    expect(open).toContain("| Resolved | not recorded | — |");
    expect(open).toContain("Error budget: no SLO of this workload has been evaluated over the incident yet.");
  });
});

describe("budget spent", () => {
  it("a window that allows 1,000 bad events: 250 of them spend a quarter of its budget", () => {
    expect(budgetSpentFraction({ badEvents: 250, allowedBadEvents: 1_000 })).toBeCloseTo(0.25, 9);
  });

  it("has no share to report without events", () => {
    expect(budgetSpentFraction({ badEvents: 0, allowedBadEvents: 0 })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { budgetSpentFraction, buildPostmortem, type PostmortemInput } from "./postmortem.ts";

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
  budgets: [{ slo: "availability", target: 0.999, windowDays: 30, badEvents: 20, windowEvents: 172_800 }],
};

describe("a postmortem draft", () => {
  const md = buildPostmortem(checkout);

  it("times each milestone from the impact start", () => {
    expect(md).toContain("| Detected by Uptrust | 2026-11-25 10:02:00 | 2m |");
    expect(md).toContain("| Mitigated | 2026-11-25 10:21:00 | 21m |");
    expect(md).toContain("Time to detect 2m · to acknowledge 3m (from detection) · to mitigate 21m · to resolve 30m.");
  });

  it("states the error budget the incident burned", () => {
    expect(md).toContain("- availability (target 99.9%): 11.6% of the 30-day budget (20 bad of 172800 events)");
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
    expect(open).toContain("Error budget: no SLO of this workload has samples covering the incident.");
  });
});

describe("budget spent", () => {
  it("a 99.9% SLO with 1,000,000 events in its window allows 1,000 to fail; 250 bad ones spend a quarter", () => {
    expect(budgetSpentFraction({ slo: "success", target: 0.999, windowDays: 30, badEvents: 250, windowEvents: 1_000_000 })).toBeCloseTo(0.25, 9);
  });

  it("has no share to report without events", () => {
    expect(budgetSpentFraction({ slo: "success", target: 0.999, windowDays: 30, badEvents: 0, windowEvents: 0 })).toBeNull();
  });
});

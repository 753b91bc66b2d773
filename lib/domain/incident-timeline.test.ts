import { describe, expect, it } from "vitest";
import { buildTimeline } from "./incident-timeline.ts";
import { groupIncidents } from "./incidents.ts";
import { reportsAsStored } from "./reports-oom-kills.fixture.ts";
import { MINUTE_MS } from "./slo.ts";

const t0 = Date.UTC(2026, 10, 25, 10, 0);
const at = (min: number) => t0 + min * MINUTE_MS;

const input = {
  startedAt: at(2),
  endAt: at(22),
  changes: [
    { id: "c1", observedAt: at(1), summary: "image checkout: registry.example.com/shop/checkout:1.4.2 → 1.5.0", revision: "7", before: {}, after: {} },
    { id: "c2", observedAt: at(20), summary: "image checkout: registry.example.com/shop/checkout:1.5.0 → 1.4.2", revision: "8", before: {}, after: {} },
    { id: "old", observedAt: at(-120), summary: "scale", revision: "6", before: {}, after: {} },
  ],
  events: [{ uid: "e1", reason: "BackOff", message: "Back-off restarting failed container", type: "Warning", involvedKind: "Pod", involvedName: "checkout-x", count: 12, firstSeen: at(3), lastSeen: at(21) }],
  logs: Array.from({ length: 40 }, (_, i) => ({ pod: "checkout-x", container: "checkout", ts: at(3) + i * 1000, seq: 0, level: i % 2 ? "info" : "error", message: `panic: missing PAYMENT_URL ${i}` })),
  statuses: [{ ts: at(2), desired: 4, available: 3 }, { ts: at(22), desired: 4, available: 4 }],
};

describe("incident timeline", () => {
  it("shows the image change right before the first BackOff, and the rollback before recovery", () => {
    const entries = buildTimeline(input);
    const titles = entries.map((e) => e.title);
    const change = titles.findIndex((t) => t.includes("1.4.2 → 1.5.0"));
    const backOff = titles.findIndex((t) => t.startsWith("BackOff"));
    const rollback = titles.findIndex((t) => t.includes("1.5.0 → 1.4.2"));
    const recovered = titles.indexOf("4/4 replicas available");
    expect(change).toBeGreaterThanOrEqual(0);
    expect(change).toBeLessThan(backOff);
    expect(rollback).toBeLessThan(recovered);
    expect(titles).not.toContain("scale");
  });

  it("puts a guardrail violation that appeared with the rollout beside it, and leaves out older ones", () => {
    const guardrails = [
      { target: "Deployment shop/checkout container checkout", check: "readinessProbeMissing", severity: "warning", message: "has no readiness probe: it gets traffic before it can serve", firstSeen: at(1.5) },
      { target: "Deployment shop/checkout", check: "missingNetworkPolicy", severity: "warning", message: "no NetworkPolicy selects its pods", firstSeen: at(-300) },
    ];
    const titles = buildTimeline({ ...input, guardrails }).map((e) => `${e.kind}: ${e.title}`);
    const change = titles.findIndex((t) => t.includes("1.4.2 → 1.5.0"));
    expect(titles[change + 1]).toBe("guardrail: new warning: Deployment shop/checkout container checkout has no readiness probe: it gets traffic before it can serve");
    expect(titles.some((t) => t.includes("NetworkPolicy"))).toBe(false);
  });

  it("never pins an event counted since long before the incident to a moment after it ended", () => {
    const restarts = { uid: "e9", reason: "Created", message: "Created container reports", type: "Normal", involvedKind: "Pod", involvedName: "reports-x", count: 4, firstSeen: at(-300), lastSeen: at(120) };
    const recent = { ...restarts, uid: "e10", firstSeen: at(-300), lastSeen: at(10) };
    const titles = buildTimeline({ ...input, events: [restarts, recent] }).map((e) => `${e.ts}:${e.title}`);
    expect(titles).toEqual(expect.arrayContaining([`${at(10)}:Created (×4): Created container reports`]));
    expect(titles.filter((t) => t.includes("Created"))).toHaveLength(1);
  });

  it("keeps only a bounded excerpt of error-level logs", () => {
    const logs = buildTimeline(input, { maxLogLines: 5 }).filter((e) => e.kind === "log");
    expect(logs).toHaveLength(5);
    expect(logs.every((l) => l.detail.level === "error")).toBe(true);
  });

  it("gives every entry a stable, unique source key so rebuilding adds nothing", () => {
    const a = buildTimeline(input).map((e) => e.sourceKey);
    expect(new Set(a).size).toBe(a.length);
    expect(buildTimeline(input).map((e) => e.sourceKey)).toEqual(a);
  });
});

describe("a recurring trouble's timeline", () => {
  it("tells each occurrence at its start, numbered, with its recovery", () => {
    const occurrences = [0, 61, 122].map((m) => ({ startedAt: at(m), resolvedAt: at(m) + 40_000, reason: "OOMKilled" as const }));
    const entries = buildTimeline({ ...input, startedAt: at(0), endAt: at(130), occurrences }).filter((e) => e.kind === "occurrence");
    expect(entries.map((e) => [e.ts, e.title])).toEqual([
      [at(0), "Occurrence 1 of 3: OOMKilled (recovered after 40s)"],
      [at(61), "Occurrence 2 of 3: OOMKilled (recovered after 40s)"],
      [at(122), "Occurrence 3 of 3: OOMKilled (recovered after 40s)"],
    ]);
  });

  it("reports killed six times tells each kill once, numbered of six, each recovered within minutes", () => {
    const kills = [0, 53, 123, 174, 225, 287].map(at);
    const now = kills[5] + 5 * MINUTE_MS;
    // Each cycle rebuilds from its own grouping; the one after the last kill renumbers every occurrence.
    const timelineAt = (t: number) => {
      const [incident] = groupIncidents(reportsAsStored(kills.filter((k) => k <= t), t), t);
      return buildTimeline({ ...input, startedAt: incident.startedAt, endAt: t, occurrences: incident.occurrences }).filter((e) => e.kind === "occurrence");
    };
    const before = timelineAt(kills[1] + 5 * MINUTE_MS);
    const after = timelineAt(now);
    expect(after.map((e) => e.ts)).toEqual(kills);
    expect(after.map((e) => e.title.match(/^Occurrence \d+ of \d+/)![0])).toEqual(kills.map((_, i) => `Occurrence ${i + 1} of 6`));
    expect(after.slice(0, 5).every((e) => /recovered after \dm/.test(e.title))).toBe(true);
    // What the earlier cycle told under the same keys is retold, not left beside it as "of 2".
    expect(before.map((e) => e.sourceKey).every((k) => after.some((e) => e.sourceKey === k))).toBe(true);
  });

  it("says nothing of occurrences when the trouble happened once", () => {
    const entries = buildTimeline({ ...input, occurrences: [{ startedAt: at(2), resolvedAt: at(22), reason: "CrashLoopBackOff" }] });
    expect(entries.filter((e) => e.kind === "occurrence")).toEqual([]);
  });
});

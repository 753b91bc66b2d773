import { describe, expect, it } from "vitest";
import { sampleRows } from "@/components/cockpit/summary-fixture.ts";
import { budgetSpent, clusterSummaries, clusterSummary, fleetHeadline, soonestCapacity } from "./cluster-summary.ts";
import { KRR, totalsOf } from "./rightsizing-totals.ts";

const cockpit = sampleRows();
const prod = clusterSummary(cockpit, "prod-eu");
const staging = clusterSummary(cockpit, "staging");

describe("the clusters' summary", () => {
  it("counts a cluster's SLOs as paging, ticketing, healthy, and those not evaluated yet apart", () => {
    expect(prod.slos).toEqual({ paging: 1, ticketing: 1, healthy: 1, waiting: 1 });
    expect(staging.slos).toEqual({ paging: 0, ticketing: 0, healthy: 1, waiting: 0 });
  });

  it("counts open incidents by severity, sev1 first, and names the one open longest", () => {
    expect(prod.incidents.open).toBe(2);
    expect(prod.incidents.bySeverity).toEqual([{ severity: "sev2", count: 1 }, { severity: "sev3", count: 1 }]);
    // cart has been open 200 minutes, checkout 85: the resolved ledger incident is not open.
    expect(prod.incidents.oldest).toEqual({ id: "i-cart", title: "cart was OOM-killed", openSeconds: 200 * 60 });
    expect(staging.incidents).toEqual({ open: 0, bySeverity: [], oldest: null });
  });

  it("says which SLO spent most of its budget this window, as the complement of its card's budget left", () => {
    expect(prod.budget.mostSpent).toMatchObject({ sloId: "s-checkout", label: "shop/checkout availability" });
    expect(prod.budget.mostSpent?.spent).toBeCloseTo(0.375, 10);
    expect(budgetSpent(0.625) + 0.625).toBe(1);
  });

  it("names the change that spent the most budget, never burning no change is linked to", () => {
    expect(prod.budget.topChange).toEqual({
      sloId: "s-checkout",
      label: "shop/checkout availability",
      description: "rollout 7 of checkout (image shop/checkout:1.5.0) spent 30% of this window's budget.",
      spent: 0.3,
    });
    expect(staging.budget.topChange).toBeNull();
  });

  it("totals right-sizing savings per cluster with the right-sizing panel's own totals, held suggestions apart", () => {
    const rows = cockpit.recommendations.filter((r) => r.cluster === "prod-eu");
    expect(prod.savings).toEqual(totalsOf(rows, KRR));
    expect(prod.savings.held).toBe(1);
    // checkout frees 0.25 cores on each of 3 replicas; cart's 0.6 cores wait while its SLO burns.
    expect(prod.savings.cpuCores).toBeCloseTo(0.75, 10);
    expect(prod.suggestions).toBe(2);
    expect(clusterSummary({ ...cockpit, recommendations: [] }, "prod-eu").suggestions).toBe(0);
  });

  it("reads the cluster's stored guardrail score, not a namespace's", () => {
    expect(prod.guardrails).toEqual({ score: 71, dangers: 9, warnings: 10 });
  });

  it("gives the soonest date any of the cluster's pools runs out", () => {
    expect(prod.capacity?.pool).toBe("general");
    expect(prod.capacity?.text).toBe("CPU requests ~2026-12-07");
    expect(staging.capacity?.text).toBe("no exhaustion in sight");
    expect(soonestCapacity([])).toBeNull();
  });

  it("puts the cluster in trouble first", () => {
    expect(clusterSummaries(cockpit).map((s) => s.cluster)).toEqual(["prod-eu", "staging"]);
    const quiet = { ...cockpit, slos: [], incidents: [] };
    // With nothing paging or open anywhere, the cluster whose ingest is not connected comes first.
    expect(clusterSummaries(quiet).map((s) => s.cluster)).toEqual(["staging", "prod-eu"]);
  });
});

describe("the summary's headline", () => {
  it("adds up the rows below it, trouble first", () => {
    const age = (s: number) => `${s / 60} min`;
    expect(fleetHeadline(clusterSummaries(cockpit), age)).toBe("2 clusters: 1 SLO paging, 1 SLO ticketing, 2 incidents open (oldest 200 min), 1 cluster not connected");
    expect(fleetHeadline(clusterSummaries({ ...cockpit, slos: [], incidents: [], clusters: cockpit.clusters.slice(0, 1) }), age)).toBe(
      "1 cluster: no incident open",
    );
  });
});

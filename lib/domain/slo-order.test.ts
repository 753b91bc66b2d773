import { describe, expect, it } from "vitest";
import { sloCounts } from "./cluster-summary.ts";
import type { SloHeadline } from "@/lib/views/slo.ts";
import { byTroubleFirst, SLO_STATES, sloState } from "./slo-order.ts";

type Alert = "page" | "ticket" | null;
// null: the analyzer has not evaluated the SLO yet.
const slo = (workload: string, name: string, status: { alert: Alert; budgetRemaining: number } | null): Pick<SloHeadline, "name" | "workload" | "evaluation"> => ({
  name,
  workload: { namespace: "shop", name: workload, kind: "Deployment" },
  evaluation: status ? { kind: "evaluated", ...status } : { kind: "waiting" },
});
const label = (s: ReturnType<typeof slo>) => `${s.workload.name} ${s.name}`;

describe("SLOs in trouble-first order", () => {
  it("puts paging SLOs before tickets and tickets before quiet ones, whatever budget they have left", () => {
    const quietButSpent = slo("cart", "availability", { alert: null, budgetRemaining: -0.4 });
    const ticket = slo("search", "availability", { alert: "ticket", budgetRemaining: 0.9 });
    const page = slo("checkout", "availability", { alert: "page", budgetRemaining: 0.95 });
    expect([quietButSpent, ticket, page].sort(byTroubleFirst).map(label)).toEqual(["checkout availability", "search availability", "cart availability"]);
  });

  it("among SLOs in the same state, the one with the least budget left comes first", () => {
    const rows = [slo("a", "x", { alert: null, budgetRemaining: 0.8 }), slo("b", "x", { alert: null, budgetRemaining: 0.1 }), slo("c", "x", { alert: null, budgetRemaining: 0.5 })];
    expect(rows.sort(byTroubleFirst).map((s) => s.workload.name)).toEqual(["b", "c", "a"]);
  });

  it("an SLO not yet evaluated sorts as if its budget were whole, after every evaluated SLO that has spent some", () => {
    const waiting = slo("new", "availability", null);
    const spent = slo("old", "availability", { alert: null, budgetRemaining: 0.99 });
    const whole = slo("aaa", "availability", { alert: null, budgetRemaining: 1 });
    expect([waiting, spent, whole].sort(byTroubleFirst).map((s) => s.workload.name)).toEqual(["old", "aaa", "new"]);
  });

  it("breaks ties by workload, then by SLO name, so a reload never reshuffles the list", () => {
    const rows = [slo("cart", "latency", null), slo("cart", "availability", null), slo("ad", "success", null)];
    expect(rows.sort(byTroubleFirst).map(label)).toEqual(["ad success", "cart availability", "cart latency"]);
  });
});

describe("an SLO's state", () => {
  const rows = [
    slo("a", "x", { alert: "page", budgetRemaining: 0.2 }),
    slo("b", "x", { alert: "ticket", budgetRemaining: 0.5 }),
    slo("c", "x", { alert: "ticket", budgetRemaining: 0.6 }),
    slo("d", "x", { alert: null, budgetRemaining: 1 }),
    slo("e", "x", null),
  ];

  it("names the alert, healthy when evaluated without one, waiting before the first evaluation", () => {
    expect(rows.map(sloState)).toEqual(["page", "ticket", "ticket", "healthy", "waiting"]);
  });

  it("filtering by each state keeps exactly the SLOs the clusters' summary counts in it", () => {
    const counts = sloCounts(rows as unknown as Parameters<typeof sloCounts>[0]);
    const kept = Object.fromEntries(SLO_STATES.map((state) => [state, rows.filter((r) => sloState(r) === state).length]));
    expect(kept).toEqual({ page: counts.paging, ticket: counts.ticketing, healthy: counts.healthy, waiting: counts.waiting });
  });
});

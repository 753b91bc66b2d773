import { describe, expect, it } from "vitest";
import { planNotifications, type IncidentSubject, type SloSubject } from "./plan-notifications.ts";
import { routeSchema } from "./route.ts";

const now = Date.UTC(2026, 11, 6, 12, 0);
const checkout: IncidentSubject = {
  id: "i1", title: "checkout is crash-looping (CrashLoopBackOff)", cluster: "prod-eu", namespace: "shop", workload: "Deployment shop/checkout",
  severity: "sev2", status: "triage", owner: null, acknowledgedAt: null, detectedAt: now - 60_000, resolvedAt: null, cause: null, last: null,
};
const channels = [
  { id: "slack", route: routeSchema.parse({}) },
  { id: "vendor", route: routeSchema.parse({ namespaces: ["shop"], shareLink: true }) },
  { id: "search", route: routeSchema.parse({ namespaces: ["search"] }) },
];

describe("planning the messages of one notifier pass", () => {
  it("an opened incident is one delivery per matching channel, keyed by channel, subject, transition and its number", () => {
    const plan = planNotifications([checkout], [], channels, "https://uptrust.example.com", now);
    expect(plan.deliveries.map((d) => [d.dedupKey, d.shareLink])).toEqual([["slack:incident:i1:opened:1", false], ["vendor:incident:i1:opened:1", true]]);
    expect(plan.deliveries[0].message).toMatchObject({ url: "https://uptrust.example.com/incidents/i1", at: new Date(now - 60_000).toISOString() });
    expect(plan.states).toEqual([{ subject: "incident:i1", state: { status: "triage", severity: "sev2", acknowledged: false, seq: 1 } }]);
  });

  it("the same plan made twice (a restart, a second worker) has the same keys, so the outbox takes it once", () => {
    const keys = () => planNotifications([checkout], [], channels, "https://u", now).deliveries.map((d) => d.dedupKey);
    expect(keys()).toEqual(keys());
  });

  it("only an opening carries a share link, even on a route that allows one", () => {
    const acknowledged = { ...checkout, acknowledgedAt: now, last: { status: "triage", severity: "sev2", acknowledged: false, seq: 1 } };
    const plan = planNotifications([acknowledged], [], channels, "https://u", now);
    expect(plan.deliveries.map((d) => [d.dedupKey, d.shareLink])).toEqual([["slack:incident:i1:acknowledged:2", false], ["vendor:incident:i1:acknowledged:2", false]]);
  });

  it("an SLO page is routed as a sev2 of its workload's namespace and links to the SLO", () => {
    const slo: SloSubject = { id: "s1", title: "availability of shop/checkout", cluster: "prod-eu", namespace: "shop", workload: "Deployment shop/checkout", paging: true, last: null };
    const urgent = [{ id: "pager", route: routeSchema.parse({ minSeverity: "sev1" }) }, { id: "slack", route: routeSchema.parse({ minSeverity: "sev2" }) }];
    const plan = planNotifications([], [slo], urgent, "https://u", now);
    expect(plan.deliveries.map((d) => d.dedupKey)).toEqual(["slack:slo:s1:slo-paging:1"]);
    expect(plan.deliveries[0].message).toMatchObject({ severity: "sev2", url: "https://u/slos/s1", kind: "slo-paging" });
  });

  it("an SLO paging on a workload whose incident is open is told by that incident alone, and so is its recovery", () => {
    const slo: SloSubject = { id: "s1", title: "availability of shop/checkout", cluster: "prod-eu", namespace: "shop", workload: "Deployment shop/checkout", paging: true, last: null };
    const paging = planNotifications([checkout], [slo], channels, "https://u", now);
    expect(paging.deliveries.map((d) => d.subject)).toEqual(["incident:i1", "incident:i1"]);
    const told = paging.states.find((x) => x.subject === "slo:s1")!.state;
    expect(told).toEqual({ paging: true, told: false, seq: 1 });

    const recovered = planNotifications([], [{ ...slo, paging: false, last: told as SloSubject["last"] }], channels, "https://u", now);
    expect(recovered.deliveries).toEqual([]);
    expect(recovered.states).toEqual([{ subject: "slo:s1", state: { paging: false, seq: 2 } }]);
  });

  it("an SLO page sent on its own (no incident open on its workload yet) has its recovery sent too", () => {
    const slo: SloSubject = { id: "s1", title: "availability of shop/checkout", cluster: "prod-eu", namespace: "shop", workload: "Deployment shop/checkout", paging: true, last: null };
    const paging = planNotifications([], [slo], channels, "https://u", now);
    expect(paging.deliveries.map((d) => d.dedupKey)).toEqual(["slack:slo:s1:slo-paging:1", "vendor:slo:s1:slo-paging:1"]);
    const last = paging.states[0].state as SloSubject["last"];
    const recovered = planNotifications([checkout], [{ ...slo, paging: false, last }], channels, "https://u", now);
    expect(recovered.deliveries.filter((d) => d.subject === "slo:s1").map((d) => d.dedupKey)).toEqual(["slack:slo:s1:slo-recovered:2", "vendor:slo:s1:slo-recovered:2"]);
  });
});

import { describe, expect, it } from "vitest";
import { describeRoute, EVERYTHING, pickChannels, routeMatches, routeSchema, storedRoute } from "./route.ts";

const checkout = { cluster: "prod-eu", namespace: "shop", severity: "sev2", owner: "team-payments" };
const route = (r: object) => routeSchema.parse(r);

describe("which channels hear about an incident", () => {
  it("the empty route hears everything", () => {
    expect(routeMatches(EVERYTHING, checkout)).toBe(true);
    expect(describeRoute(EVERYTHING)).toBe("everything");
  });

  it("a route for other clusters, namespaces or owners does not hear of checkout in shop on prod-eu", () => {
    expect(routeMatches(route({ clusters: ["prod-us"] }), checkout)).toBe(false);
    expect(routeMatches(route({ namespaces: ["payments"] }), checkout)).toBe(false);
    expect(routeMatches(route({ owners: ["team-search"] }), checkout)).toBe(false);
    expect(routeMatches(route({ clusters: ["prod-eu"], namespaces: ["shop"], owners: ["team-payments"] }), checkout)).toBe(true);
  });

  it("an excluded namespace is never heard of, even when the same route names it", () => {
    expect(routeMatches(route({ excludeNamespaces: ["shop"] }), checkout)).toBe(false);
    expect(routeMatches(route({ namespaces: ["shop"], excludeNamespaces: ["shop"] }), checkout)).toBe(false);
  });

  it("'sev2 or worse' hears sev1 and sev2, not sev3; an owner route never hears of an SLO, which has no owner", () => {
    const urgent = route({ minSeverity: "sev2" });
    expect(routeMatches(urgent, { ...checkout, severity: "sev1" })).toBe(true);
    expect(routeMatches(urgent, checkout)).toBe(true);
    expect(routeMatches(urgent, { ...checkout, severity: "sev3" })).toBe(false);
    expect(routeMatches(route({ owners: ["team-payments"] }), { ...checkout, owner: null })).toBe(false);
  });

  it("picks each matching channel once, and a stored route it cannot read routes nothing", () => {
    const channels = [{ id: "all", route: EVERYTHING }, { id: "broken", route: storedRoute({ minSeverity: "sev9" }) }, { id: "us", route: route({ clusters: ["prod-us"] }) }];
    expect(pickChannels(channels, checkout).map((c) => c.id)).toEqual(["all"]);
  });

  it("is described in words on the admin page", () => {
    expect(describeRoute(route({ namespaces: ["shop"], excludeNamespaces: ["kube-system"], minSeverity: "sev2", shareLink: true })))
      .toBe("namespaces shop; not namespaces kube-system; sev2 or worse · with a share link");
  });
});

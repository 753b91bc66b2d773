import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CockpitTop } from "@/lib/domain/cockpit-assembly.ts";
import { EVERYTHING, inScope } from "@/lib/domain/scope.ts";
import { toTimelineItem } from "@/lib/domain/timeline-entry.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { Cockpit, CockpitRows } from "@/lib/views/cockpit.ts";
import { CapacityPanel } from "../capacity/capacity-panel.tsx";
import { GuardrailsPanel } from "../guardrails/guardrails-panel.tsx";
import { IncidentPanel } from "../incidents/incident-panel.tsx";
import { RightsizingPanel } from "../rightsizing/rightsizing-panel.tsx";
import { SloPanel } from "../slo/slo-panel.tsx";
import { SummaryStrip } from "./summary-strip.tsx";
import { sampleCockpit, sampleRows, sampleSlo } from "./summary-fixture.ts";

// The cockpit narrowed to one cluster, as the home page scoped to it shows it: the strip's row for that
// cluster and the panels under it then speak of the same rows.
function scopedTo(cluster: string): CockpitRows {
  const all = sampleRows();
  const scope = { clusters: [cluster], namespaces: [], service: null, range: { kind: "default" as const } };
  const keep = (at: { cluster: string; namespace: string | null; name: string | null }) => inScope(scope, at);
  return {
    ...all,
    clusters: all.clusters.filter((c) => keep({ cluster: c.name, namespace: null, name: null })),
    slos: all.slos.filter((s) => keep({ cluster: s.cluster, namespace: s.workload.namespace, name: s.workload.name })),
    incidents: all.incidents.filter((i) => keep({ cluster: i.cluster, namespace: i.workload?.namespace ?? null, name: i.workload?.name ?? null })),
    recommendations: all.recommendations.filter((r) => keep({ cluster: r.cluster, namespace: r.namespace, name: r.workload })),
    guardrails: { ...all.guardrails, scores: all.guardrails.scores.filter((g) => g.cluster === cluster) },
    capacity: { pools: all.capacity.pools.filter((p) => p.cluster === cluster), totalPools: all.capacity.pools.filter((p) => p.cluster === cluster).length },
  };
}

function renderHome(rows: CockpitRows, top?: CockpitTop, scope: Scope = EVERYTHING) {
  const data: Cockpit = sampleCockpit(rows, top);
  render(
    <>
      <SummaryStrip summaries={data.summaries} scope={scope} />
      <SloPanel slos={data.slos} counts={data.sloCounts} allHref="/slos" canEdit={false} />
      <IncidentPanel incidents={data.incidents} counts={data.incidentCounts} allHref="/incidents" range={scope.range} />
      <RightsizingPanel rows={data.recommendations} totals={data.rightsizingTotals} allHref="/rightsizing" />
      <GuardrailsPanel view={data.guardrails} />
      <CapacityPanel view={data.capacity} />
    </>,
  );
  return within(screen.getByTestId("summary-strip"));
}

// What a person reads in an element: its text with runs of white space as one space.
const text = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim();
const href = (el: HTMLElement) => el.closest("a")?.getAttribute("href") ?? null;

// Rendering every panel (charts included) takes seconds on a busy machine.
describe("the summary strip says nothing the panels below it contradict", { timeout: 30_000 }, () => {
  it("counts the SLO cards that page and the open incident cards", () => {
    const strip = renderHome(scopedTo("prod-eu"));
    const pagingCards = screen.getAllByTestId("slo-card").filter((card) => within(card).queryByText("page"));
    expect(text(strip.getByTestId("summary-slos"))).toContain(`${pagingCards.length} paging`);
    expect(text(screen.getByText(/\d+ paging/, { selector: "span" }))).toContain(`${pagingCards.length} paging`);
    const openCards = screen.getAllByTestId("incident-card").filter((card) => card.getAttribute("data-active") === "true");
    expect(text(strip.getByTestId("summary-incidents"))).toContain(`${openCards.length} open: 1 sev2, 1 sev3`);
  });

  it("gives the oldest open incident the age its card shows", () => {
    const strip = renderHome(scopedTo("prod-eu"));
    const oldest = strip.getByTestId("summary-oldest-incident");
    const age = /oldest open (\S+ \S+):/.exec(oldest.textContent ?? "")?.[1];
    const card = screen.getAllByTestId("incident-card").find((c) => c.textContent?.includes("cart was OOM-killed"))!;
    expect(text(card)).toContain(`open for ${age}`);
    expect(href(oldest)).toBe("/incidents/i-cart");
  });

  it("reads budget spent as what the SLO card's budget left leaves out, and links the SLO page", () => {
    const strip = renderHome(scopedTo("prod-eu"));
    const budget = strip.getByTestId("summary-budget");
    expect(text(budget)).toContain("37.5 % spent · shop/checkout availability");
    const card = screen.getAllByTestId("slo-card").find((c) => c.textContent?.includes("shop/checkout"))!;
    expect(text(card)).toContain("62.5 % of the error budget left");
    expect(href(budget)).toBe("/slos/s-checkout");
    // The change named is the card's own largest charge, in the card's words.
    const change = strip.getByTestId("summary-top-change");
    expect(text(within(card).getByTestId("budget-charges"))).toContain(change.textContent!.replace(/^most: /, ""));
  });

  it("names the SLO a change's charge was to when that is not the SLO that spent most, so the two figures are not read as one", () => {
    const rows = scopedTo("prod-eu");
    const cart = sampleSlo("s-cart", "prod-eu", "shop", "cart", { remaining: 0.55, alert: "ticket" }, [
      { description: "a ConfigMap change of cart (cart-config) spent 12% of this window's budget.", spent: 0.12, changeId: "c-9" },
      { description: "Burning not linked to any change spent 33% of this window's budget.", spent: 0.33, changeId: null },
    ]);
    const strip = renderHome({ ...rows, slos: rows.slos.map((s) => (s.id === "s-cart" ? cart : s)) });
    expect(text(strip.getByTestId("summary-budget"))).toContain("45 % spent · shop/cart availability");
    const change = strip.getByTestId("summary-top-change");
    const charge = "rollout 7 of checkout (image shop/checkout:1.5.0) spent 30% of this window's budget.";
    expect(text(change)).toBe(`on shop/checkout availability: ${charge}`);
    expect(href(change)).toBe("/slos/s-checkout");
    const card = screen.getAllByTestId("slo-card").find((c) => c.textContent?.includes("shop/checkout"))!;
    expect(text(within(card).getByTestId("budget-charges"))).toContain(charge);
  });

  it("totals right-sizing as the right-sizing panel does, and scores guardrails as its chip does", () => {
    const strip = renderHome(scopedTo("prod-eu"));
    const savings = strip.getByTestId("summary-savings").textContent!;
    const krr = /saves [^·]+/.exec(savings)![0].trim();
    expect(text(screen.getByText(/^if applied now:/))).toContain(`KRR ${krr} (1 held)`);
    expect(text(strip.getByTestId("summary-guardrails"))).toContain("score 71 · 9 dangers");
    expect(text(screen.getByTestId("guardrail-score"))).toContain("prod-eu score 71 · 9 danger");
  });

  it("says there is no suggestion yet when the right-sizing panel has none", () => {
    const strip = renderHome({ ...scopedTo("prod-eu"), recommendations: [] });
    expect(text(strip.getByTestId("summary-savings"))).toBe("no suggestion yet");
    expect(screen.getByText(/^No suggestions yet/)).toBeTruthy();
  });

  it("dates capacity as the soonest pool card does, and links that pool's page", () => {
    const strip = renderHome(scopedTo("prod-eu"));
    const capacity = strip.getByTestId("summary-capacity");
    const pool = screen.getAllByTestId("capacity-pool").find((p) => p.textContent?.includes("prod-eu / general"))!;
    expect(text(pool)).toContain(capacity.querySelector("span")!.textContent!);
    expect(href(capacity)).toBe("/capacity/prod-eu/general");
  });

  it("counts every SLO and suggestion of the scope when the panels show only their first rows", () => {
    const strip = renderHome(scopedTo("prod-eu"), { slos: 1, containers: 1, services: 1, incidents: 1 });
    expect(screen.getAllByTestId("slo-card")).toHaveLength(1);
    expect(text(strip.getByTestId("summary-slos"))).toContain("1 paging");
    expect(text(screen.getByText(/^4 SLOs/))).toContain("4 SLOs · 1 paging");
    expect(text(screen.getByTestId("slo-panel-more"))).toBe("Showing 1 of 4, most troubled first. All SLOs, by state →");
    expect(href(within(screen.getByTestId("slo-panel-more")).getByRole("link"))).toBe("/slos");
    // The totals line still adds up both containers (one held), though the panel lists one.
    const full = sampleCockpit(scopedTo("prod-eu"));
    expect(full.rightsizingTotals.containers).toBe(2);
    expect(text(screen.getByText(/^if applied now:/))).toContain("(1 held)");
    expect(text(screen.getByTestId("rightsizing-more"))).toBe("Showing 1 of 2 containers, largest savings first. Every suggestion →");
  });

  it("says which incidents its counts speak of when a time range is chosen", () => {
    renderHome(scopedTo("prod-eu"), undefined, { ...EVERYTHING, range: { kind: "last", minutes: 360 } });
    expect(screen.getByText("2 open · 1 resolved going on in the last 6h")).toBeTruthy();
  });

  it("counts every open and resolved incident of the scope when the panel shows only the first ones", () => {
    const rows = scopedTo("prod-eu");
    const strip = renderHome(rows, { slos: 1, containers: 1, services: 1, incidents: 1 });
    // prod-eu has two incidents open (a sev2 and a sev3) and one resolved; the panel shows the sev2 and the resolved one.
    const cards = screen.getAllByTestId("incident-card");
    expect(cards.map((c) => c.getAttribute("aria-label"))).toEqual(["Incident: checkout is crash-looping", "Incident: ledger restarted"]);
    expect(screen.getByText("2 open · 1 resolved in the last 7 days")).toBeTruthy();
    expect(text(screen.getByTestId("incident-panel-more"))).toBe("Showing 2 of 3, open and most severe first. All incidents →");
    expect(href(within(screen.getByTestId("incident-panel-more")).getByRole("link"))).toBe("/incidents");
    // The strip still counts both open incidents and names the oldest, the one the panel left out.
    expect(text(strip.getByTestId("summary-incidents"))).toContain("2 open: 1 sev2, 1 sev3");
    expect(text(strip.getByTestId("summary-oldest-incident"))).toContain("cart was OOM-killed");
  });

  it("keeps timelines out of the cockpit's data for resolved incidents past the newest three", () => {
    const base = sampleRows().incidents[2];
    const entry = toTimelineItem({ id: "t-1", ts: new Date(base.startedAt), kind: "note", title: "ledger restarted", detail: { author: "sre", message: null } });
    const resolved = Array.from({ length: 10 }, (_, n) => ({ ...base, id: `i-r${n}`, title: `resolved ${n}`, timeline: [entry], timelineCount: 1 }));
    const data = sampleCockpit({ ...sampleRows(), incidents: resolved });
    expect(data.incidentCounts).toEqual({ open: 0, resolved: 10 });
    expect(data.incidents.map((i) => i.view)).toEqual(["card", "card", "card", "line", "line", "line", "line", "line"]);
    expect(data.incidents.filter((i) => "timeline" in i)).toHaveLength(3);
  });

  it("links every count to the list behind it, narrowed to the row's cluster within the page's scope", () => {
    const scope = { ...EVERYTHING, namespaces: ["shop"] };
    const row = within(renderHome(sampleRows(), undefined, scope).getAllByTestId("summary-row")[0]);
    expect(href(row.getByTestId("summary-slos"))).toBe("/slos?cluster=prod-eu&ns=shop");
    expect(href(row.getByTestId("summary-savings"))).toBe("/rightsizing?cluster=prod-eu&ns=shop");
    expect(href(row.getByTestId("summary-guardrails"))).toBe("/guardrails?cluster=prod-eu&ns=shop");
    expect(href(row.getByTestId("summary-incidents"))).toBe("/incidents?cluster=prod-eu&ns=shop&state=open");
  });

  it("states every cluster in words, trouble first, each row scoping the page to its cluster", () => {
    const strip = renderHome(sampleRows());
    expect(text(strip.getByTestId("summary-headline"))).toContain(
      "2 clusters: 1 SLO paging, 1 SLO ticketing, 2 incidents open (oldest 3h 20m), 1 cluster not connected",
    );
    const rows = strip.getAllByTestId("summary-row");
    expect(rows.map((r) => r.getAttribute("data-cluster"))).toEqual(["prod-eu", "staging"]);
    expect(text(within(rows[1]).getByTestId("summary-ingest"))).toContain("unreachable");
    expect(href(within(rows[1]).getByRole("link", { name: "staging" }))).toBe("/?cluster=staging");
  });
});

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildTimeline } from "@/lib/domain/incident-timeline.ts";
import { toTimelineItem, type TimelineEntry } from "@/lib/domain/timeline-entry.ts";
import { EntryDetail } from "./entry-detail.tsx";

const t0 = Date.UTC(2026, 10, 25, 10, 0);
const MIN = 60_000;

// An entry as the analyzer builds it, stored as JSON and read back by the page's query.
const storedAndRead = (e: TimelineEntry, detail: unknown = JSON.parse(JSON.stringify(e.detail))) =>
  toTimelineItem({ id: "e1", ts: new Date(e.ts), kind: e.kind, title: e.title, detail });
const render = (e: ReturnType<typeof storedAndRead>) => renderToStaticMarkup(createElement(EntryDetail, { entry: e }));

const backOff = buildTimeline({
  startedAt: t0,
  endAt: t0 + 20 * MIN,
  changes: [],
  events: [{ uid: "u1", reason: "BackOff", message: "Back-off restarting failed container api", type: "Warning", involvedKind: "Pod", involvedName: "checkout-7d9f-abc12", count: 12, firstSeen: t0, lastSeen: t0 + 9 * MIN }],
  logs: [],
  statuses: [],
})[0];

describe("an event on the incident timeline", () => {
  it("names the pod it was about, as the analyzer recorded it", () => {
    const html = render(storedAndRead(backOff));
    expect(html).toContain("Pod/checkout-7d9f-abc12");
    expect(html).toContain("seen 12×");
  });

  it("still names its object when it was stored before the timeline entry had a shared shape", () => {
    const { object, ...rest } = backOff.kind === "event" ? backOff.detail : ({} as never);
    const html = render(storedAndRead(backOff, { ...rest, involved: object }));
    expect(html).toContain("Pod/checkout-7d9f-abc12");
  });

  it("keeps an entry of a kind it does not know, by its title and kind, rather than dropping it", () => {
    const item = toTimelineItem({ id: "e2", ts: new Date(t0), kind: "escalation", title: "Paged the payments team", detail: { team: "payments" } });
    expect(item).toMatchObject({ kind: "other", storedKind: "escalation", title: "Paged the payments team" });
  });
});

describe("an Alertmanager alert on the incident timeline", () => {
  const alertEntry = (generatorUrl: string | null) =>
    buildTimeline({
      startedAt: t0, endAt: t0 + 20 * MIN, changes: [], events: [], logs: [], statuses: [],
      alerts: [{ fingerprint: "ab12", alertname: "CheckoutErrors", severity: "critical", startsAt: t0 + MIN, endsAt: null, summary: "5% of requests fail", generatorUrl }],
    })[0];

  it("says its severity and links to the expression that fired", () => {
    const html = render(storedAndRead(alertEntry("http://prometheus:9090/graph?g0.expr=errors")));
    expect(html).toContain("severity critical");
    expect(html).toContain('href="http://prometheus:9090/graph?g0.expr=errors"');
  });

  it("never renders a stored link that is not http(s)", () => {
    const entry = alertEntry("http://prometheus:9090/graph");
    const html = render(storedAndRead(entry, { ...JSON.parse(JSON.stringify(entry.detail)), generatorUrl: "javascript:alert(1)" }));
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("<a");
  });
});

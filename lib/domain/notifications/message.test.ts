import { describe, expect, it } from "vitest";
import { headline, pagerDutyBody, pagerDutyDedupKey, slackBody, webhookBody, type NotificationMessage } from "./message.ts";

const opened: NotificationMessage = {
  subject: "incident:7d1c", kind: "opened", title: "checkout is crash-looping (CrashLoopBackOff)", severity: "sev1", status: "triage",
  cluster: "prod-eu", workload: "Deployment shop/checkout", cause: "A rollout changed checkout's image to shop/checkout:1.5.0 2 minutes before it began.",
  url: "https://uptrust.example.com/incidents/7d1c", shareUrl: null, at: "2026-12-06T12:00:00.000Z",
};

describe("how a transition is worded", () => {
  it("leads with severity, what happened, the workload and cluster, then the likely cause as the incident page words it", () => {
    expect(headline(opened)).toBe("[sev1] Incident opened: checkout is crash-looping (CrashLoopBackOff) — Deployment shop/checkout in prod-eu");
    expect(slackBody(opened).text.split("\n")).toEqual([
      "*[sev1] Incident opened: checkout is crash-looping (CrashLoopBackOff) — Deployment shop/checkout in prod-eu*",
      "Likely cause: A rollout changed checkout's image to shop/checkout:1.5.0 2 minutes before it began.",
      "<https://uptrust.example.com/incidents/7d1c|Open in Uptrust>",
    ]);
  });

  it("an SLO page and its recovery name the SLO; a resolve drops the severity", () => {
    const slo = { ...opened, subject: "slo:9", kind: "slo-paging" as const, title: "availability of shop/checkout", cause: null };
    expect(headline(slo)).toBe("[page] SLO availability of shop/checkout is burning its error budget fast enough to page — Deployment shop/checkout in prod-eu");
    expect(headline({ ...slo, kind: "slo-recovered" })).toMatch(/^SLO availability of shop\/checkout stopped paging/);
    expect(headline({ ...opened, kind: "resolved" })).toMatch(/^Incident resolved: checkout/);
  });

  it("a title cannot smuggle a Slack link or mention into the message", () => {
    expect(slackBody({ ...opened, title: "<!channel> & <https://evil|click>" }).text).toContain("&lt;!channel&gt; &amp; &lt;https://evil|click&gt;");
  });

  it("the share link, when the route allows one, is offered beside the incident's link", () => {
    expect(slackBody({ ...opened, shareUrl: "https://uptrust.example.com/share/tok" }).text).toContain("· <https://uptrust.example.com/share/tok|Share link>");
  });
});

describe("PagerDuty follows the Uptrust incident", () => {
  it("opened triggers with a summary, source and severity; acknowledged and resolved send only the same dedup key", () => {
    const trigger = pagerDutyBody(opened, "rk");
    expect(trigger).toMatchObject({
      routing_key: "rk", event_action: "trigger", dedup_key: "uptrust:incident:7d1c",
      payload: { summary: headline(opened), source: "prod-eu/Deployment shop/checkout", severity: "critical", timestamp: opened.at },
      links: [{ href: opened.url, text: "Open in Uptrust" }],
    });
    expect(pagerDutyBody({ ...opened, kind: "acknowledged" }, "rk")).toEqual({ routing_key: "rk", event_action: "acknowledge", dedup_key: "uptrust:incident:7d1c" });
    expect(pagerDutyBody({ ...opened, kind: "resolved" }, "rk")).toEqual({ routing_key: "rk", event_action: "resolve", dedup_key: pagerDutyDedupKey(opened) });
    expect(pagerDutyBody({ ...opened, kind: "escalated" }, "rk").event_action).toBe("trigger");
  });
});

describe("the generic webhook", () => {
  it("names the event receivers switch on and carries the whole message", () => {
    expect(webhookBody(opened)).toMatchObject({ event: "incident.opened", headline: headline(opened), cause: opened.cause, url: opened.url });
    expect(webhookBody({ ...opened, kind: "slo-recovered" }).event).toBe("slo.recovered");
  });
});

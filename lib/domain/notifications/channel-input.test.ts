import { describe, expect, it } from "vitest";
import { parseChannelEdit, parseChannelInput } from "./channel-input.ts";

describe("an admin adding a channel", () => {
  it("a Slack channel is its webhook URL as the secret, hearing everything unless routed", () => {
    const parsed = parseChannelInput({ name: "sre-slack", type: "slack", secret: "https://hooks.slack.com/services/T0/B0/xyz" });
    expect(parsed).toMatchObject({ ok: true, value: { name: "sre-slack", ratePerMinute: 20, route: { namespaces: [], minSeverity: null, shareLink: false } } });
  });

  it("each mistake is one sentence saying what to send", () => {
    expect(parseChannelInput({ name: "x", type: "slack", secret: "not a url" })).toEqual({ ok: false, error: "secret: for Slack the secret is the incoming webhook URL, https://hooks.slack.com/services/…" });
    expect(parseChannelInput({ name: "x", type: "webhook", secret: "0123456789abcdef0123" })).toEqual({ ok: false, error: "url: a webhook needs the http(s) URL it posts to" });
    expect(parseChannelInput({ name: "x", type: "webhook", url: "https://hooks.example.com", secret: "short" })).toMatchObject({ ok: false, error: expect.stringContaining("at least 16") });
    expect(parseChannelInput({ name: "x", type: "email", secret: "s" })).toEqual({ ok: false, error: "type: type must be slack, pagerduty or webhook" });
    expect(parseChannelInput({ name: "x", type: "pagerduty", secret: "R0UT1NGKEY0123456789", route: { minSeverity: "sev9" } })).toMatchObject({ ok: false, error: expect.stringContaining("minSeverity must be sev1") });
  });
});

describe("an admin changing a channel", () => {
  it("an empty secret keeps the stored one; the route and rate are replaced by what is sent", () => {
    const parsed = parseChannelEdit({ secret: "  ", route: { namespaces: ["shop"], minSeverity: "sev2" }, ratePerMinute: 5 }, "slack");
    expect(parsed).toEqual({
      ok: true,
      value: { ratePerMinute: 5, route: { clusters: [], namespaces: ["shop"], excludeNamespaces: [], owners: [], minSeverity: "sev2", shareLink: false } },
    });
  });

  it("a new secret is checked against the channel's stored type, and the name and type cannot change", () => {
    expect(parseChannelEdit({ secret: "not a url" }, "slack")).toEqual({ ok: false, error: "secret: for Slack the secret is the incoming webhook URL, https://hooks.slack.com/services/…" });
    expect(parseChannelEdit({ secret: "short", url: "https://hooks.example.com/in" }, "webhook")).toMatchObject({ ok: false, error: expect.stringContaining("at least 16") });
    expect(parseChannelEdit({ url: "" }, "webhook")).toEqual({ ok: false, error: "url: a webhook needs the http(s) URL it posts to" });
    expect(parseChannelEdit({ type: "pagerduty" }, "slack")).toEqual({ ok: false, error: "unknown field type" });
    expect(parseChannelEdit(null, "slack")).toMatchObject({ ok: false });
  });
});

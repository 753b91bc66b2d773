import { describe, expect, it } from "vitest";
import { parseChannelInput } from "./channel-input.ts";

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

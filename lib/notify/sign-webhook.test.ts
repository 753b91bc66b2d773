import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signatureHeader, verifySignature } from "./sign-webhook.ts";

const secret = "whsec-0123456789abcdef";
const body = JSON.stringify({ event: "incident.opened", title: "checkout is crash-looping" });
const now = Date.UTC(2026, 11, 6, 12, 0, 30);

describe("a signed webhook, as its receiver checks it", () => {
  it("signs timestamp.body with HMAC-SHA256, as a receiver recomputes it with the shared secret", () => {
    const header = signatureHeader(secret, body, now);
    const t = Math.floor(now / 1000);
    expect(header).toBe(`t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`);
    expect(verifySignature(secret, body, header, now + 10_000)).toEqual({ ok: true });
  });

  it("refuses another secret, an altered body and a missing header", () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature("whsec-another-secret", body, header, now)).toEqual({ ok: false, reason: "the signature does not match the body" });
    expect(verifySignature(secret, body.replace("opened", "resolved"), header, now).ok).toBe(false);
    expect(verifySignature(secret, body, null, now)).toEqual({ ok: false, reason: "no t=…,v1=… signature" });
  });

  it("refuses a replay: the same request presented more than five minutes later", () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature(secret, body, header, now + 301_000)).toMatchObject({ ok: false, reason: expect.stringContaining("replay") });
  });
});

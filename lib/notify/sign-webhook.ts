import { createHmac, timingSafeEqual } from "node:crypto";

// A generic webhook's body is signed the way Stripe and GitHub sign theirs: HMAC-SHA256 over
// "<unix seconds>.<body>" with the shared secret, sent as `Uptrust-Signature: t=<seconds>,v1=<hex>`.
// The timestamp is inside the signature, so a receiver that refuses old timestamps refuses replays.

export const SIGNATURE_HEADER = "uptrust-signature";
/** How old a signed request a receiver should still accept. */
export const SIGNATURE_TOLERANCE_S = 300;

const mac = (secret: string, t: number, body: string) => createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");

export function signatureHeader(secret: string, body: string, nowMs: number): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${mac(secret, t, body)}`;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** What a receiver does with the header: the signature must match and the timestamp be recent. */
export function verifySignature(secret: string, body: string, header: string | null, nowMs: number, toleranceS = SIGNATURE_TOLERANCE_S): Verdict {
  const parts = Object.fromEntries((header ?? "").split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1) return { ok: false, reason: "no t=…,v1=… signature" };
  if (Math.abs(nowMs / 1000 - t) > toleranceS) return { ok: false, reason: `the timestamp is more than ${toleranceS} s away: a replay or a skewed clock` };
  const expected = Buffer.from(mac(secret, t, body), "hex");
  const given = Buffer.from(parts.v1, "hex");
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: "the signature does not match the body" };
}

import { describe, expect, it } from "vitest";
import { mayRevoke, shareExpiry, shareLinkRequestSchema, shareLinkState } from "./share-links.ts";

const now = new Date("2026-11-25T10:00:00Z");
const problem = (body: unknown) => {
  const parsed = shareLinkRequestSchema.safeParse(body);
  return parsed.success ? null : parsed.error.issues[0].message;
};

describe("a share link's request", () => {
  it("defaults to an external view for 7 days", () => {
    expect(shareLinkRequestSchema.parse({})).toEqual({ view: "external", days: 7 });
    expect(shareExpiry(now, 7).toISOString()).toBe("2026-12-02T10:00:00.000Z");
  });

  it("takes 1 to 30 whole days and says what to fix otherwise", () => {
    expect(shareLinkRequestSchema.parse({ view: "internal", days: 30 })).toEqual({ view: "internal", days: 30 });
    expect(problem({ days: 31 })).toBe("days must be at most 30: a share link never lives longer");
    expect(problem({ days: 0 })).toBe("days must be at least 1");
    expect(problem({ days: 2.5 })).toBe("days must be a whole number of days from 1 to 30");
    expect(problem({ days: "7" })).toBe("days must be a whole number of days from 1 to 30");
    expect(problem({ view: "public" })).toMatch(/^view must be internal .* or external/);
  });
});

describe("a share link's state", () => {
  const expiresAt = shareExpiry(now, 1);
  it("is active until its expiry, expired from that instant on", () => {
    expect(shareLinkState({ expiresAt, revokedAt: null }, now)).toBe("active");
    expect(shareLinkState({ expiresAt, revokedAt: null }, expiresAt)).toBe("expired");
  });

  it("reads revoked once revoked, even after it would have expired", () => {
    expect(shareLinkState({ expiresAt, revokedAt: now }, shareExpiry(now, 2))).toBe("revoked");
  });
});

describe("who may revoke a link", () => {
  const link = { createdById: "u-ana" };
  it("its creator if a responder, any admin, never a viewer", () => {
    expect(mayRevoke({ id: "u-ana", role: "responder" }, link)).toBe(true);
    expect(mayRevoke({ id: "u-ben", role: "responder" }, link)).toBe(false);
    expect(mayRevoke({ id: "u-root", role: "admin" }, link)).toBe(true);
    expect(mayRevoke({ id: "u-ana", role: "viewer" }, link)).toBe(false);
  });
});

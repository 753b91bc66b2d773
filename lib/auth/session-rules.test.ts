import { describe, expect, it } from "vitest";
import { activityWorthRecording, describeSignOut, expiryFor, sessionEndReason } from "./session-rules.ts";

const limits = { idleMinutes: 30, maxHours: 12 };
const t0 = new Date("2026-12-06T08:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const live = { endedAt: null, endReason: null, lastActiveAt: t0, expiresAt: expiryFor(t0, limits) };

describe("when a session is over", () => {
  it("stays live while its person was active within the idle limit", () => {
    expect(sessionEndReason(live, at(29), limits)).toBeNull();
  });

  it("ends after the idle limit without activity", () => {
    expect(sessionEndReason(live, at(30), limits)).toBe("idle");
  });

  it("ends 12 hours after sign-in even when its person is active", () => {
    expect(sessionEndReason({ ...live, lastActiveAt: at(12 * 60 - 1) }, at(12 * 60), limits)).toBe("expired");
  });

  it("keeps the reason it ended with: sign-out, revocation, refusal by the provider", () => {
    expect(sessionEndReason({ ...live, endedAt: at(1), endReason: "signed-out" }, at(2), limits)).toBe("signed-out");
    expect(sessionEndReason({ ...live, endedAt: at(1), endReason: "revoked" }, at(2), limits)).toBe("revoked");
    expect(sessionEndReason({ ...live, endedAt: at(1), endReason: "something else" }, at(2), limits)).toBe("revoked");
  });
});

describe("recording activity", () => {
  it("writes at most every 15 seconds", () => {
    expect(activityWorthRecording(t0, new Date(t0.getTime() + 14_999))).toBe(false);
    expect(activityWorthRecording(t0, new Date(t0.getTime() + 15_000))).toBe(true);
  });
});

describe("what the login page says", () => {
  it("names the limit that ended the session", () => {
    expect(describeSignOut("idle", limits)).toContain("30 minutes without activity");
    expect(describeSignOut("expired", limits)).toContain("at most 12 hours");
    expect(describeSignOut("revoked", limits)).toContain("administrator ended your session");
  });

  it("says nothing for a reason it does not know (a hand-edited URL)", () => {
    expect(describeSignOut("<script>", limits)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { afterFailure, DEFAULT_RETRY, nextSendSlot } from "./delivery-schedule.ts";

const now = Date.UTC(2026, 11, 6, 12, 0);
const S = 1000;

describe("retrying a message a receiver did not take", () => {
  it("waits 5 s, then 10 s, 20 s … doubling, at most 10 minutes, each scaled by a jitter between half and all of it", () => {
    const waits = [1, 2, 3, 4].map((n) => afterFailure(n, now, 0.999_999));
    expect(waits.map((w) => (w.dead ? null : Math.round((w.retryAt - now) / S)))).toEqual([5, 10, 20, 40]);
    const lowest = afterFailure(1, now, 0);
    expect(lowest).toEqual({ dead: false, retryAt: now + 2.5 * S });
    const late = afterFailure(10, now, 0.999_999, { ...DEFAULT_RETRY, maxAttempts: 20 });
    expect(late.dead ? null : Math.round((late.retryAt - now) / S)).toBe(600);
    expect(afterFailure(7, now, 0, { ...DEFAULT_RETRY, capMs: 60 * S })).toEqual({ dead: false, retryAt: now + 30 * S });
  });

  it("becomes a dead letter once the last of its attempts failed", () => {
    expect(afterFailure(DEFAULT_RETRY.maxAttempts, now, 0.5)).toEqual({ dead: true });
    expect(afterFailure(3, now, 0.5, { ...DEFAULT_RETRY, maxAttempts: 3 })).toEqual({ dead: true });
  });
});

describe("a channel's rate limit", () => {
  it("lets a message go at once while fewer than the limit went out in the last minute", () => {
    expect(nextSendSlot([now - 70 * S, now - 10 * S], now, 2)).toBe(now);
  });

  it("holds the next message until the oldest of the last minute's messages is a minute old", () => {
    expect(nextSendSlot([now - 50 * S, now - 10 * S], now, 2)).toBe(now + 10 * S);
    expect(nextSendSlot([now - 5 * S, now - 50 * S, now - 20 * S], now, 2)).toBe(now + 40 * S);
  });
});

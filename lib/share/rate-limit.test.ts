import { describe, expect, it } from "vitest";
import { clientAddress, slidingWindow } from "./rate-limit.ts";

const SEC = 1000;

describe("opening share links from one address", () => {
  it("allows 30 opens a minute, refuses the 31st and says when to come back", () => {
    const limiter = slidingWindow({ limit: 30, windowMs: 60 * SEC });
    for (let i = 0; i < 30; i++) expect(limiter.take("203.0.113.7", i * SEC)).toEqual({ ok: true });
    // The first open (at 0 s) leaves the window at 60 s.
    expect(limiter.take("203.0.113.7", 30 * SEC)).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(limiter.take("203.0.113.7", 59.5 * SEC)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take("203.0.113.7", 60 * SEC + 1)).toEqual({ ok: true });
  });

  it("is a sliding window: a burst across a minute boundary is still one burst", () => {
    const limiter = slidingWindow({ limit: 30, windowMs: 60 * SEC });
    for (let i = 0; i < 30; i++) expect(limiter.take("a", 59 * SEC + i).ok).toBe(true);
    expect(limiter.take("a", 61 * SEC).ok).toBe(false);
  });

  it("counts each address on its own", () => {
    const limiter = slidingWindow({ limit: 2, windowMs: 60 * SEC });
    limiter.take("a", 0);
    limiter.take("a", 1);
    expect(limiter.take("a", 2).ok).toBe(false);
    expect(limiter.take("b", 2).ok).toBe(true);
  });

  it("refused attempts do not push the wait further out", () => {
    const limiter = slidingWindow({ limit: 1, windowMs: 10 * SEC });
    limiter.take("a", 0);
    for (let t = 1; t < 10; t++) expect(limiter.take("a", t * SEC).ok).toBe(false);
    expect(limiter.take("a", 10 * SEC + 1).ok).toBe(true);
  });

  it("forgets quiet addresses once many have been seen, and still limits the busy one", () => {
    const limiter = slidingWindow({ limit: 1, windowMs: 10 * SEC, maxKeys: 3 });
    for (const key of ["a", "b", "c", "d"]) limiter.take(key, 0);
    expect(limiter.addresses()).toBe(4);
    expect(limiter.take("e", 20 * SEC).ok).toBe(true);
    expect(limiter.addresses()).toBe(1);
    expect(limiter.take("e", 21 * SEC).ok).toBe(false);
  });
});

describe("the address an open is charged to", () => {
  it("is the first hop of X-Forwarded-For, else X-Real-IP, else unknown", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.2", "x-real-ip": "10.0.0.2" }))).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientAddress(new Headers({ "x-forwarded-for": " " }))).toBe("unknown");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});

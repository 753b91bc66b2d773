// Opening share links is limited per client address: 30 opens a minute is far more than a person
// reading an incident needs (the page refreshes itself every 15 s), and far too few to try tokens.
// A sliding window: the opens of the last `windowMs`, not of a calendar minute, so a burst across a
// minute boundary is still one burst. In memory, per Uptrust process: a restart forgets, which only
// ever lets a client try a little sooner.

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** `addresses`: how many addresses it remembers now. */
export type SlidingWindow = { take(key: string, now: number): Verdict; addresses(): number };

export function slidingWindow({ limit, windowMs, maxKeys = 10_000 }: { limit: number; windowMs: number; maxKeys?: number }): SlidingWindow {
  const seen = new Map<string, number[]>();
  // Addresses that went quiet are forgotten, so a stream of new addresses cannot grow the map without end.
  const sweep = (now: number) => {
    for (const [key, times] of seen) if (times[times.length - 1] <= now - windowMs) seen.delete(key);
  };
  return {
    take(key, now) {
      const recent = (seen.get(key) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= limit) {
        seen.set(key, recent);
        // The oldest open in the window leaves it first; then one more is allowed.
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + windowMs - now) / 1000)) };
      }
      recent.push(now);
      seen.set(key, recent);
      if (seen.size > maxKeys) sweep(now);
      return { ok: true };
    },
    addresses: () => seen.size,
  };
}

/**
 * The client's address: the first hop of X-Forwarded-For, else X-Real-IP. Behind a reverse proxy that is
 * the proxy's word for the client; served directly, Next.js fills X-Forwarded-For with the peer address.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}

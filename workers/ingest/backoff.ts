// Exponential backoff with full jitter: many clusters (or many followers) failing together do not
// retry in lockstep against a recovering API server.
export function backoffMs(attempt: number, baseMs = 500, maxMs = 30_000, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Resolves after ms, or early (without throwing) when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** A readable reason for a failed cluster call (undici hides the socket error in `cause`). */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const e = err as Error & { code?: unknown; statusCode?: unknown; cause?: { code?: string; message?: string } };
  const status = httpStatusOf(err);
  const cause = e.cause?.code ?? e.cause?.message;
  return [status && !e.message.includes(`HTTP ${status}`) ? `HTTP ${status}` : undefined, e.message.trim(), cause && !e.message.includes(cause) ? `(${cause})` : undefined]
    .filter(Boolean)
    .join(" ");
}

/** The server's own Retry-After wins over a shorter backoff: throttling means "not before". */
export function retryWaitMs(err: unknown, backoff: number): number {
  const asked = (err as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof asked === "number" ? Math.max(backoff, asked * 1000) : backoff;
}

export function httpStatusOf(err: unknown): number | undefined {
  const e = err as { code?: unknown; statusCode?: unknown; status?: unknown } | null;
  // DOMException also has a numeric `code` (20 = aborted): only HTTP-range numbers are statuses.
  for (const v of [e?.statusCode, e?.code, e?.status]) if (typeof v === "number" && v >= 100 && v < 600) return v;
  return undefined;
}

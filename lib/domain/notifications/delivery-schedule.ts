// When a message that could not be delivered is tried again, and when a channel must wait its turn.

export type RetryPolicy = { baseMs: number; capMs: number; maxAttempts: number };

// 5 s, 10 s, 20 s … capped at 10 minutes; 8 attempts span about 20 minutes before the dead letter,
// long enough to ride out a receiver's deploy, short enough that a page is not silently an hour late.
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 5_000, capMs: 600_000, maxAttempts: 8 };

export type AfterFailure = { dead: true } | { dead: false; retryAt: number };

/**
 * After the `attempts`-th failed attempt: dead once maxAttempts are spent, else retry after
 * min(cap, base × 2^(attempts−1)) scaled by a jitter in [0.5, 1) ("equal jitter"), so receivers that
 * failed together are not hit again by every worker at the same instant. `random` is Math.random's [0, 1).
 */
export function afterFailure(attempts: number, now: number, random: number, policy: RetryPolicy = DEFAULT_RETRY): AfterFailure {
  if (attempts >= policy.maxAttempts) return { dead: true };
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return { dead: false, retryAt: now + Math.round(ceiling * (0.5 + random / 2)) };
}

const MINUTE_MS = 60_000;

/**
 * A channel sends at most `perMinute` messages in any sliding minute: a flapping cluster must not flood a
 * Slack channel or spend a PagerDuty rate limit. Given when its recent messages went out, the time the
 * next may go: now, or when the oldest of the last `perMinute` leaves the minute. Nothing is dropped.
 */
export function nextSendSlot(sentAt: readonly number[], now: number, perMinute: number): number {
  const recent = sentAt.filter((t) => t > now - MINUTE_MS).sort((a, b) => a - b);
  if (recent.length < perMinute) return now;
  return recent[recent.length - perMinute] + MINUTE_MS;
}

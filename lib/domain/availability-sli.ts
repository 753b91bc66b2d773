import { MINUTE_MS } from "./slo.ts";

/** `updated`: replicas already on the newest pod template; fewer than desired means a rollout is under way. */
export type ReplicaState = { ts: number; desired: number; available: number; updated?: number };
export type MinuteSample = { ts: number; good: number; total: number };

export function floorToMinute(ts: number): number {
  return Math.floor(ts / MINUTE_MS) * MINUTE_MS;
}

// Kubernetes gives a rollout 10 minutes (progressDeadlineSeconds) to make progress, and by default lets
// it take a quarter of the replicas out at a time (maxUnavailable 25 %, rounded down).
export const PROGRESS_DEADLINE_MS = 10 * MINUTE_MS;
export const allowedUnavailable = (desired: number) => Math.floor(desired / 4);

const rolling = (s: ReplicaState) => s.updated !== undefined && s.updated < s.desired;

// Availability as users feel it, as timeslices (OpenSLO "Timeslices" budgeting): each cluster-minute is
// one event. A minute is good when available ≥ desired for every state in effect during it, so a
// two-minute OOM outage that starts mid-minute is not rounded away. Rollout-aware: while a rollout is
// under way and within its progress deadline, the dip its strategy allows (a quarter of the replicas)
// is not an outage; a rollout stuck past the deadline, or one taking more than that out, is.
// `rollingSince` is when a rollout in effect at `from` began, if it began before the series does. States carry forward until the next
// change; states with desired = 0 (scaled to zero) count as neither good nor bad, and a minute holding
// only such states has total 0. Minutes before the first known state are not reported at all.
// `series` may start before `from` (the state in effect at `from` is taken from it); `from` and `to`
// are minute-aligned and `to` is exclusive.
export function availabilityMinutes(series: readonly ReplicaState[], from: number, to: number, rollingSince?: number): MinuteSample[] {
  const states = [...series].sort((a, b) => a.ts - b.ts);
  // When each state's rollout began: the first state of its run of rolling states.
  const since = new Map<ReplicaState, number>();
  let runStart: number | undefined = rollingSince;
  for (const s of states) {
    if (!rolling(s)) runStart = undefined;
    else since.set(s, (runStart ??= s.ts));
  }
  const good = (s: ReplicaState, minute: number) => {
    if (s.available >= s.desired) return true;
    const began = since.get(s);
    return began !== undefined && minute - began < PROGRESS_DEADLINE_MS && s.available >= s.desired - allowedUnavailable(s.desired);
  };
  const out: MinuteSample[] = [];
  if (states.length === 0) return out;
  let i = 0;
  let current: ReplicaState | undefined;
  while (i < states.length && states[i].ts <= from) current = states[i++];
  const start = current ? floorToMinute(from) : floorToMinute(Math.max(from, states[0].ts));
  for (let minute = start; minute < to; minute += MINUTE_MS) {
    const end = minute + MINUTE_MS;
    // A change exactly on the minute boundary replaces the previous state for the whole minute.
    while (i < states.length && states[i].ts <= minute) current = states[i++];
    const inEffect: ReplicaState[] = current ? [current] : [];
    while (i < states.length && states[i].ts < end) {
      current = states[i++];
      inEffect.push(current);
    }
    if (inEffect.length === 0) continue;
    const counted = inEffect.filter((s) => s.desired > 0);
    if (counted.length === 0) {
      out.push({ ts: minute, good: 0, total: 0 });
      continue;
    }
    out.push({ ts: minute, good: counted.every((s) => good(s, minute)) ? 1 : 0, total: 1 });
  }
  return out;
}

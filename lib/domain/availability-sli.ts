import { MINUTE_MS } from "./slo.ts";

export type ReplicaState = { ts: number; desired: number; available: number };
export type MinuteSample = { ts: number; good: number; total: number };

export function floorToMinute(ts: number): number {
  return Math.floor(ts / MINUTE_MS) * MINUTE_MS;
}

// Availability as users feel it, as timeslices (OpenSLO "Timeslices" budgeting): each cluster-minute is
// one event. A minute is good when available ≥ desired for every state in effect during it, so a
// two-minute OOM outage that starts mid-minute is not rounded away. States carry forward until the next
// change; states with desired = 0 (scaled to zero) count as neither good nor bad, and a minute holding
// only such states has total 0. Minutes before the first known state are not reported at all.
// `series` may start before `from` (the state in effect at `from` is taken from it); `from` and `to`
// are minute-aligned and `to` is exclusive.
export function availabilityMinutes(series: readonly ReplicaState[], from: number, to: number): MinuteSample[] {
  const states = [...series].sort((a, b) => a.ts - b.ts);
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
    const good = counted.every((s) => s.available >= s.desired) ? 1 : 0;
    out.push({ ts: minute, good, total: 1 });
  }
  return out;
}

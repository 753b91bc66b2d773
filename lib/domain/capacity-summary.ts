import { CAPACITY, type Basis, type ExhaustionForecast, type Resource } from "./capacity.ts";
import { DAY_MS, HOUR_MS } from "./slo.ts";

export type SummaryForecast = Pick<ExhaustionForecast, "resource" | "basis" | "status" | "points" | "historyFrom" | "historyTo" | "exhaustsAt">;

// A series too short to fit a trend: fewer than CAPACITY.minPoints hourly points, or spanning less than
// CAPACITY.minHistoryMs (forecastExhaustion says so in its sentence; the summary must not call it clear).
export function tooLittleHistory(f: SummaryForecast): boolean {
  if (f.status !== "no-forecast") return false;
  if (f.points === 0 || f.historyFrom === null || f.historyTo === null) return true;
  return f.points < CAPACITY.minPoints || f.historyTo - HOUR_MS - f.historyFrom < CAPACITY.minHistoryMs;
}

// When the series will have enough history, if a point keeps arriving each hour: the k-th next point is
// complete one hour after the previous one. Null when nothing was measured yet (no date to give).
export function forecastReadyAt(f: SummaryForecast): number | null {
  if (f.historyFrom === null || f.historyTo === null || f.points === 0) return null;
  const lastBucket = f.historyTo - HOUR_MS;
  const morePoints = CAPACITY.minPoints - f.points;
  const moreSpan = Math.ceil((f.historyFrom + CAPACITY.minHistoryMs - lastBucket) / HOUR_MS);
  return f.historyTo + Math.max(0, morePoints, moreSpan) * HOUR_MS;
}

export type PoolSummary =
  | { status: "full"; resource: Resource; basis: Basis }
  | { status: "dated"; resource: Resource; basis: Basis; exhaustsAt: number; daysLeft: number }
  | { status: "waiting"; readyAt: number | null }
  | { status: "clear"; waiting: number; of: number; readyAt: number | null };

const soonest = (ts: readonly (number | null)[]) => ts.reduce<number | null>((min, t) => (t !== null && (min === null || t < min) ? t : min), null);

// The pool's headline, defined once for the panel and the pool page: full now, the soonest date a trend
// reaches allocatable, no date in sight, or (while no series has enough points) no forecast yet and when
// there will be one. "No exhaustion in sight" is said only of forecasts actually made.
export function poolSummary(forecasts: readonly SummaryForecast[], computedAt: number): PoolSummary {
  const full = forecasts.find((f) => f.status === "exhausted");
  if (full) return { status: "full", resource: full.resource, basis: full.basis };
  const dated = forecasts.filter((f) => f.exhaustsAt !== null).sort((a, b) => a.exhaustsAt! - b.exhaustsAt!)[0];
  if (dated) return { status: "dated", resource: dated.resource, basis: dated.basis, exhaustsAt: dated.exhaustsAt!, daysLeft: (dated.exhaustsAt! - computedAt) / DAY_MS };
  const waiting = forecasts.filter(tooLittleHistory);
  const readyAt = soonest(waiting.map(forecastReadyAt));
  if (waiting.length === forecasts.length) return { status: "waiting", readyAt };
  return { status: "clear", waiting: waiting.length, of: forecasts.length, readyAt };
}

const noun = (r: Resource) => (r === "cpu" ? "CPU" : "memory");
const at = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function poolSummaryText(s: PoolSummary): string {
  if (s.status === "full") return `${noun(s.resource)} ${s.basis} full`;
  if (s.status === "dated") return `${noun(s.resource)} ${s.basis} ~${new Date(s.exhaustsAt).toISOString().slice(0, 10)}`;
  if (s.status === "waiting") {
    const hours = `${CAPACITY.minPoints} hourly points over ${CAPACITY.minHistoryMs / HOUR_MS} h`;
    return s.readyAt === null ? `no forecast yet: it needs ${hours}` : `no forecast yet: enough history by ${at(s.readyAt)}`;
  }
  if (s.waiting === 0) return "no exhaustion in sight";
  return `no exhaustion in sight so far; ${s.waiting} of ${s.of} forecasts wait for history${s.readyAt === null ? "" : ` until ${at(s.readyAt)}`}`;
}

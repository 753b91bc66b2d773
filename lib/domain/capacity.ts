import { formatDuration } from "./burn-rate.ts";
import type { CapacityPoint } from "./capacity-points.ts";
import { fitLine, predict, type LinearFit } from "./linear-fit.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./slo.ts";

// Capacity per node pool: when requests (what the scheduler must fit) or usage (what the nodes really
// run) reach the pool's allocatable, at today's size, if the trend of the last two weeks goes on.

// The label each managed node group sets, most specific first: Karpenter, GKE, EKS managed node
// groups, AKS (current and older label). Without one, nodes of one instance type are taken as a pool,
// which is how self-managed groups are usually built; a node with neither is in "default".
const POOL_LABELS = ["karpenter.sh/nodepool", "cloud.google.com/gke-nodepool", "eks.amazonaws.com/nodegroup", "kubernetes.azure.com/agentpool", "agentpool"] as const;
const FALLBACK_LABELS = ["node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type"] as const;
export const DEFAULT_POOL = "default";

export type PoolAssignment = { pool: string; label: string | null };

export function nodePool(labels: Readonly<Record<string, string>>): PoolAssignment {
  for (const label of [...POOL_LABELS, ...FALLBACK_LABELS]) {
    const value = labels[label]?.trim();
    if (value) return { pool: value, label };
  }
  return { pool: DEFAULT_POOL, label: null };
}

export type Resource = "cpu" | "memory";
export type Basis = "requests" | "usage";
export const RESOURCES: readonly Resource[] = ["cpu", "memory"];
export const BASES: readonly Basis[] = ["requests", "usage"];

export const CAPACITY = {
  /** The fit sees the last two weeks: both weekends twice, yet recent enough to follow a change in growth. */
  windowMs: 14 * DAY_MS,
  /** Below this a line through the points says more about one afternoon than about a trend. */
  minPoints: 6,
  minHistoryMs: 6 * HOUR_MS,
  /** Dates further out than this are not given: two weeks of history do not speak for a season. */
  horizonMs: 90 * DAY_MS,
} as const;

export type ForecastStatus = "exhausts" | "beyond-horizon" | "exhausted" | "no-forecast";

export type ExhaustionForecast = {
  resource: Resource;
  basis: Basis;
  status: ForecastStatus;
  /** x in hours since 1970, y in millicores or bytes; null when there was too little to fit. */
  fit: LinearFit | null;
  points: number;
  historyFrom: number | null;
  historyTo: number | null;
  /** The latest hour's allocatable: the level a forecast runs into, at the pool's current size. */
  allocatable: number | null;
  /** The latest hour's requests or usage. */
  current: number | null;
  /** When the fitted line reaches allocatable, and when the pessimistic and optimistic 95 % bounds do. */
  exhaustsAt: number | null;
  earliestAt: number | null;
  latestAt: number | null;
  explanation: string;
};

const valueOf = (p: CapacityPoint, resource: Resource, basis: Basis): number | null => {
  if (basis === "requests") return resource === "cpu" ? p.requestedCpuMillis : p.requestedMemoryBytes;
  return resource === "cpu" ? p.usedCpuMillis : p.usedMemoryBytes;
};
const allocatableOf = (p: CapacityPoint, resource: Resource) => (resource === "cpu" ? p.allocatableCpuMillis : p.allocatableMemoryBytes);
/** Each hourly point stands for the middle of its hour. */
export const pointHours = (bucket: number) => (bucket + HOUR_MS / 2) / HOUR_MS;

// The first time in [from, to] at which f reaches level, to the minute: hour steps, then halving. The
// interval's bounds curve (they widen away from the data), so a closed form would need case analysis a
// reader cannot check at a glance; 2,160 steps over 90 days cost nothing.
function firstReach(f: (t: number) => number, level: number, from: number, to: number): number | null {
  if (f(from) >= level) return from;
  for (let lo = from; lo < to; lo += HOUR_MS) {
    let hi = Math.min(to, lo + HOUR_MS);
    if (f(hi) < level) continue;
    let low = lo;
    while (hi - low > MINUTE_MS) {
      const mid = (low + hi) / 2;
      if (f(mid) >= level) hi = mid;
      else low = mid;
    }
    return hi;
  }
  return null;
}

/** The pool's hourly points for one resource and basis, within the fit window before `now`. */
export function forecastExhaustion(points: readonly CapacityPoint[], resource: Resource, basis: Basis, now: number): ExhaustionForecast {
  const inWindow = points.filter((p) => p.bucket >= now - CAPACITY.windowMs && p.bucket + HOUR_MS <= now).sort((a, b) => a.bucket - b.bucket);
  const series = inWindow.flatMap((p) => {
    const y = valueOf(p, resource, basis);
    return y === null ? [] : [{ p, y }];
  });
  const first = series[0];
  const last = series.at(-1);
  const base = { resource, basis, points: series.length, historyFrom: first?.p.bucket ?? null, historyTo: last ? last.p.bucket + HOUR_MS : null };
  const none = { fit: null, allocatable: null, current: null, exhaustsAt: null, earliestAt: null, latestAt: null };
  const what = `${resource === "cpu" ? "CPU" : "Memory"} ${basis}`;
  // "requests grow", "usage grows": the sentence follows its subject.
  const verb = (plural: string, singular: string) => (basis === "requests" ? plural : singular);
  if (!first || !last) {
    const reason = basis === "usage" ? "no node usage from metrics.k8s.io for this pool yet" : "no complete hour of this pool yet";
    return { ...base, ...none, status: "no-forecast", explanation: `${what}: no exhaustion forecast, ${reason}.` };
  }
  const spanMs = last.p.bucket - first.p.bucket;
  if (series.length < CAPACITY.minPoints || spanMs < CAPACITY.minHistoryMs) {
    const explanation = `${what}: no exhaustion forecast yet, ${series.length} hourly ${series.length === 1 ? "point" : "points"} over ${formatDuration(spanMs + HOUR_MS)}; a trend needs at least ${CAPACITY.minPoints} points spanning ${CAPACITY.minHistoryMs / HOUR_MS} hours.`;
    return { ...base, ...none, current: last.y, status: "no-forecast", explanation };
  }
  const allocatable = allocatableOf(last.p, resource);
  const current = last.y;
  const fit = fitLine(series.map(({ p, y }) => ({ x: pointHours(p.bucket), y })));
  const known = { ...base, ...none, fit, allocatable, current };
  const amount = (v: number) => formatAmount(resource, v);
  const noun = resource === "cpu" ? "CPU" : "memory";
  if (!(allocatable > 0)) return { ...known, status: "no-forecast", explanation: `${what}: no exhaustion forecast, the pool's nodes report no allocatable ${noun}.` };
  if (current >= allocatable) {
    const effect = basis === "requests" ? `pods asking for more ${noun} wait until room is freed or nodes are added` : "the nodes run at their limit";
    return { ...known, status: "exhausted", explanation: `${what} already ${verb("fill", "fills")} the pool's ${amount(allocatable)} allocatable: ${effect}.` };
  }
  const perDay = fit ? fit.slope * 24 : 0;
  const over = `over the last ${formatDuration(spanMs + HOUR_MS)}`;
  const left = `${amount(allocatable - current)} of ${amount(allocatable)} allocatable is left`;
  // Growth too small to show in the units printed ("0m a day") reads as flat: no sentence says a pool
  // "grows by 0m a day" and then gives it a date.
  if (!fit || !(fit.slope > 0) || amount(perDay) === amount(0)) {
    return { ...known, status: "no-forecast", explanation: `${what} ${verb("are", "is")} flat or falling (${signed(amount, perDay)} a day ${over}): no exhaustion forecast; ${left}.` };
  }
  const at = (t: number) => predict(fit, t / HOUR_MS);
  const until = now + CAPACITY.horizonMs;
  const exhaustsAt = firstReach((t) => at(t).y, allocatable, now, until);
  const earliestAt = firstReach((t) => at(t).high, allocatable, now, until);
  const latestAt = firstReach((t) => at(t).low, allocatable, now, until);
  const dated = { ...known, exhaustsAt, earliestAt, latestAt };
  const growth = `${what} ${verb("grow", "grows")} by ${amount(perDay)} a day ${over} and ${left}`;
  const beyond = `beyond ${CAPACITY.horizonMs / DAY_MS} days`;
  if (exhaustsAt === null) {
    const soonest = earliestAt === null ? "" : ` (at the pessimistic end of the 95 % interval it could run out by ${day(earliestAt)})`;
    return { ...dated, status: "beyond-horizon", explanation: `${growth}: at that pace it lasts ${beyond}${soonest}.` };
  }
  // The pessimistic bound lies above the line, so it has reached allocatable by the time the line does.
  const range = `95 % interval ${day(earliestAt ?? exhaustsAt)} to ${latestAt === null ? beyond : day(latestAt)}`;
  return { ...dated, status: "exhausts", explanation: `${growth}: at that pace the pool runs out in about ${formatDuration(exhaustsAt - now)}, around ${day(exhaustsAt)} (${range}).` };
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

// Two significant decimals for small amounts, fewer for large ones: "1.25 cores", "193 cores".
function trim(n: number): string {
  const digits = n >= 100 ? 0 : n >= 10 ? 1 : 2;
  return String(Math.round(n * 10 ** digits) / 10 ** digits);
}

/** Millicores as "250m" or "1.5 cores"; bytes in MiB or GiB: the units a pod spec is written in. */
export function formatAmount(resource: Resource, value: number): string {
  const v = Math.abs(value);
  if (resource === "cpu") {
    if (Math.round(v) < 1000) return `${Math.round(v)}m`;
    const cores = trim(v / 1000);
    return `${cores} ${cores === "1" ? "core" : "cores"}`;
  }
  const mib = v / 1024 ** 2;
  return Math.round(mib) < 1024 ? `${Math.round(mib)} MiB` : `${trim(mib / 1024)} GiB`;
}

const signed = (amount: (v: number) => string, v: number) => (v < 0 ? `−${amount(v)}` : amount(v));

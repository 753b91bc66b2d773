// Human formatting for the cockpit. Times are shown in UTC so the server-rendered page and the
// browser agree (no hydration mismatch) and responders in different zones read the same clock.

export { formatDuration } from "@/lib/domain/format-duration.ts";
export { formatBurn } from "@/lib/domain/burn-rate.ts";

function trim(n: number, digits: number): string {
  const fixed = n.toFixed(digits);
  return fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
}

export function formatPercent(fraction: number, digits = 1): string {
  return `${trim(fraction * 100, digits)} %`;
}

// SLO targets need more precision than budgets: 99.95 % must not read as 100 %.
export function formatTarget(target: number): string {
  return formatPercent(target, 3);
}


export function formatCpu(millis: number | null): string {
  if (millis === null) return "not set";
  return millis < 1000 ? `${Math.round(millis)}m CPU` : `${trim(millis / 1000, 2)} CPU`;
}

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB"] as const;

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "not set";
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${trim(value, value >= 100 ? 0 : 1)} ${UNITS[unit]}`;
}

export function formatUtc(iso: string | null): string {
  if (!iso) return "–";
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function formatClock(iso: string): string {
  return iso.slice(11, 19);
}

/** "09:12" (UTC): enough to tell the occurrences of one incident apart. */
export function formatHourMinute(iso: string): string {
  return iso.slice(11, 16);
}

export type Health = "ok" | "warn" | "bad";

// Red is kept for real trouble: a paging alert or an exhausted budget.
export function budgetHealth(remaining: number, alert: "page" | "ticket" | null): Health {
  if (alert === "page" || remaining <= 0) return "bad";
  if (alert === "ticket" || remaining < 0.25) return "warn";
  return "ok";
}

export function burnSeries(points: { hour: string; burn: number | null }[]) {
  return points.map((p) => ({ label: p.hour.slice(11, 16), burn: p.burn === null ? null : round2(p.burn) }));
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function formatUtcSeconds(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

import type { Scope, TimeRange } from "@/lib/views/scope.ts";

// The scope in the URL: `cluster` and `ns` (repeatable), `q` (a part of a workload's name), and either
// `range` (a preset reaching back from the clusters' now) or `from` + `to` (UTC instants).

export const RANGE_PRESETS = { "15m": 15, "1h": 60, "6h": 360, "24h": 1_440, "7d": 10_080, "30d": 43_200 } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;

export const EVERYTHING: Scope = { clusters: [], namespaces: [], service: null, range: { kind: "default" } };

// Kubernetes names: DNS labels (namespaces) or subdomains (cluster names as Uptrust registers them).
const NAME = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;
const MAX_VALUES = 50;

type Params = { getAll(name: string): string[]; get(name: string): string | null };

function names(params: Params, key: string, what: string, problems: string[]): string[] {
  const values = [...new Set(params.getAll(key).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))];
  const bad = values.filter((v) => !NAME.test(v));
  if (bad.length > 0) problems.push(`${key}=${bad.join(",")} is not a ${what} name: lower-case letters, digits, "-" and "."`);
  if (values.length > MAX_VALUES) problems.push(`${key} names ${values.length} ${what}s; at most ${MAX_VALUES} at once`);
  return values.filter((v) => NAME.test(v)).slice(0, MAX_VALUES).sort();
}

function instant(value: string, key: string, problems: string[]): Date | null {
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?)?Z?$/.test(value) ? value : "";
  const at = iso ? new Date(iso.endsWith("Z") || iso.length === 10 ? iso : `${iso}Z`) : null;
  if (!at || Number.isNaN(at.getTime())) {
    problems.push(`${key}=${value} is not a UTC time: write it as 2026-12-06T09:30 or 2026-12-06`);
    return null;
  }
  return at;
}

function range(params: Params, problems: string[]): TimeRange {
  const preset = params.get("range");
  const from = params.get("from");
  const to = params.get("to");
  if (preset && (from || to)) problems.push("give either range or from and to, not both");
  if (preset) {
    if (preset in RANGE_PRESETS) return { kind: "last", minutes: RANGE_PRESETS[preset as RangePreset] };
    problems.push(`range=${preset} is not one of ${Object.keys(RANGE_PRESETS).join(", ")}`);
    return { kind: "default" };
  }
  if (!from && !to) return { kind: "default" };
  if (!from || !to) {
    problems.push("a fixed range needs both from and to");
    return { kind: "default" };
  }
  const start = instant(from, "from", problems);
  const end = instant(to, "to", problems);
  if (!start || !end) return { kind: "default" };
  if (start >= end) {
    problems.push(`from (${from}) must come before to (${to})`);
    return { kind: "default" };
  }
  return { kind: "between", from: start.toISOString(), to: end.toISOString() };
}

/** Reads the scope from a URL's search; what cannot be read is named in `problems` and left out. */
export function parseScope(params: Params): { scope: Scope; problems: string[] } {
  const problems: string[] = [];
  const clusters = names(params, "cluster", "cluster", problems);
  const namespaces = names(params, "ns", "namespace", problems);
  const q = (params.get("q") ?? "").trim().toLowerCase();
  if (q.length > 253) problems.push("q is longer than any workload name (253 characters)");
  const service = q && q.length <= 253 ? q : null;
  return { scope: { clusters, namespaces, service, range: range(params, problems) }, problems };
}

/** The canonical search for a scope: same scope, same string (a stable cache key and a shareable URL). */
export function scopeSearch(scope: Scope): URLSearchParams {
  const out = new URLSearchParams();
  for (const c of [...scope.clusters].sort()) out.append("cluster", c);
  for (const n of [...scope.namespaces].sort()) out.append("ns", n);
  if (scope.service) out.set("q", scope.service);
  if (scope.range.kind === "last") {
    const minutes = scope.range.minutes;
    const preset = Object.entries(RANGE_PRESETS).find(([, m]) => m === minutes)?.[0];
    if (preset) out.set("range", preset);
  }
  if (scope.range.kind === "between") {
    out.set("from", scope.range.from);
    out.set("to", scope.range.to);
  }
  return out;
}

export const isEverything = (scope: Scope): boolean => scopeSearch(scope).toString() === "";

/** Whether a workload (or anything named by cluster, namespace and workload name) is inside the scope. */
export function inScope(scope: Scope, at: { cluster: string; namespace: string | null; name: string | null }): boolean {
  if (scope.clusters.length > 0 && !scope.clusters.includes(at.cluster)) return false;
  if (scope.namespaces.length > 0 && (at.namespace === null || !scope.namespaces.includes(at.namespace))) return false;
  if (scope.service && !(at.name ?? "").toLowerCase().includes(scope.service)) return false;
  return true;
}

/** The instants a range covers, measured back from `now` (the clusters' newest time); `from` null = each panel's own window. */
export function rangeBounds(range: TimeRange, now: Date): { from: Date | null; to: Date } {
  if (range.kind === "last") return { from: new Date(now.getTime() - range.minutes * 60_000), to: now };
  if (range.kind === "between") return { from: new Date(range.from), to: new Date(range.to) };
  return { from: null, to: now };
}

/** A chosen range's bounds, or null for the default range (each panel keeps its own window). */
export function scopeBounds(range: TimeRange, now: Date): { from: Date; to: Date } | null {
  const { from, to } = rangeBounds(range, now);
  return from ? { from, to } : null;
}

import type { KObj } from "./store.ts";

export type Column = { name: string; type: "string" | "integer" | "date"; format?: "name" | ""; priority?: number };
export type Printer = { columns: Column[]; cells(o: KObj, now: number): (string | number)[] };

/** Like apimachinery's duration.HumanDuration, which kubectl shows in AGE and LAST SEEN. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < -1) return "<invalid>";
  if (s < 0) return "0s";
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  if (h < 192) return h % 24 === 0 ? `${Math.floor(h / 24)}d` : `${Math.floor(h / 24)}d${h % 24}h`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24)}d`;
  return `${Math.floor(h / 24 / 365)}y`;
}

export const since = (ts: string | undefined, now: number) => (ts ? humanDuration(now - Date.parse(ts)) : "<unknown>");
export const col = (name: string, priority = 0, type: Column["type"] = "string"): Column => ({ name, type, priority, format: name === "Name" ? "name" : "" });
export const age = (o: KObj, now: number) => since(o.metadata.creationTimestamp, now);

type Container = { name: string; image: string };
const podSpec = (o: KObj) => o.spec?.jobTemplate?.spec?.template?.spec ?? o.spec?.template?.spec ?? { containers: [] };
export const images = (o: KObj) => podSpec(o).containers.map((c: Container) => c.image).join(",");
export const containers = (o: KObj) => podSpec(o).containers.map((c: Container) => c.name).join(",");

type Requirement = { key: string; operator: string; values?: string[] };
/** metav1.FormatLabelSelector: matchLabels then expressions, "<none>" for an empty selector. */
export function formatSelector(sel: { matchLabels?: Record<string, string>; matchExpressions?: Requirement[] } | undefined): string {
  const parts = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel?.matchExpressions ?? []) {
    const op = e.operator.toLowerCase();
    if (op === "exists") parts.push(e.key);
    else if (op === "doesnotexist") parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${op} (${(e.values ?? []).join(",")})`);
  }
  return parts.join(",") || "<none>";
}

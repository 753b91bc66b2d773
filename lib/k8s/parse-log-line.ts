// One line of `kubectl logs --timestamps`: "<RFC3339Nano> <text>". Uptrust stores the kubelet's
// timestamp (cluster time, not the ingest's clock) and a level guessed from the common formats,
// so "show me the errors around the rollout" works without per-app parsing rules.

import { CUT_MARKER, cleanText } from "./clean-text.ts";

export type LogLevel = "debug" | "info" | "warn" | "error" | "fatal";
export type ParsedLogLine = { ts: Date; text: string; level: LogLevel | null };

export const MAX_LINE_BYTES = 16 * 1024;
export const TRUNCATION_MARKER = CUT_MARKER;

const PREFIX = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2}) ?/;

export function parseLogLine(raw: string): ParsedLogLine | undefined {
  const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  const m = PREFIX.exec(line);
  if (!m) return undefined;
  // Date parses milliseconds only; the database stores milliseconds too.
  const fraction = (m[2] ?? ".000").slice(0, 4).padEnd(4, "0");
  const ts = new Date(`${m[1]}${fraction}${m[3]}`);
  if (Number.isNaN(ts.getTime())) return undefined;
  const text = truncate(cleanText(line.slice(m[0].length)));
  return { ts, text, level: detectLevel(text) };
}

export function truncate(text: string, maxBytes = MAX_LINE_BYTES): string {
  if (text.length <= maxBytes / 4 || Buffer.byteLength(text) <= maxBytes) return text;
  let cut = text.slice(0, maxBytes);
  while (Buffer.byteLength(cut) > maxBytes) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  return cut + CUT_MARKER;
}

const ALIASES: Record<string, LogLevel> = {
  trace: "debug", debug: "debug", dbg: "debug", d: "debug",
  info: "info", information: "info", notice: "info", inf: "info", i: "info",
  warn: "warn", warning: "warn", wrn: "warn", w: "warn",
  error: "error", err: "error", e: "error", critical: "fatal", crit: "fatal", alert: "fatal", emergency: "fatal",
  fatal: "fatal", panic: "fatal", f: "fatal",
};

function normalizeLevel(value: unknown): LogLevel | null {
  if (typeof value === "number") return value >= 50 ? "error" : value >= 40 ? "warn" : value >= 30 ? "info" : "debug"; // pino/bunyan
  if (typeof value !== "string") return null;
  return ALIASES[value.trim().toLowerCase()] ?? null;
}

function fromJson(text: string): LogLevel | null | undefined {
  if (!text.startsWith("{")) return undefined;
  try {
    const obj = JSON.parse(text) as Record<string, unknown>;
    return normalizeLevel(obj.level ?? obj.severity ?? obj.lvl ?? obj["log.level"]);
  } catch {
    return undefined;
  }
}

const LOGFMT = /(?:^|\s)(?:level|lvl|severity)=("?)([A-Za-z]+)\1(?=\s|$)/;
const KLOG = /^([IWEF])\d{4} \d{2}:\d{2}:\d{2}/;
const KLOG_LEVEL: Record<string, LogLevel> = { I: "info", W: "warn", E: "error", F: "fatal" };

export function detectLevel(text: string): LogLevel | null {
  const json = fromJson(text);
  if (json !== undefined) return json;
  const logfmt = LOGFMT.exec(text);
  if (logfmt) return normalizeLevel(logfmt[2]);
  const klog = KLOG.exec(text);
  if (klog) return KLOG_LEVEL[klog[1]];
  if (/^panic:|\bFATAL\b|\bPANIC\b/.test(text)) return "fatal";
  if (/\bERROR\b|^Traceback|^Exception in thread|\[error\]/.test(text)) return "error";
  if (/\bWARN(ING)?\b|\[warn(ing)?\]/.test(text)) return "warn";
  if (/\bINFO\b|\[info\]/.test(text)) return "info";
  if (/\bDEBUG\b|\bTRACE\b|\[debug\]/.test(text)) return "debug";
  return null;
}

import { floorToMinute } from "./availability-sli.ts";
import type { Signal } from "./incident-signals.ts";
import { MINUTE_MS } from "./slo.ts";

// Application messages that mean a name lookup failed, as Go, glibc, curl and Node.js print them. The
// same pattern runs in PostgreSQL (POSIX, case-insensitive) to pick candidate lines.
export const LOOKUP_FAILURE_PATTERN = "no such host|temporary failure in name resolution|could not resolve host|getaddrinfo (enotfound|eai_again)|lookup [^ ]+( on [^ ]+)?: (i/o timeout|server misbehaving)";

export type LookupLine = { workloadId: string; ts: number; message: string };
export type LookupMinute = { workloadId: string; ts: number; lines: number; sample: string };

export function lookupMinutes(lines: readonly LookupLine[]): LookupMinute[] {
  const out = new Map<string, LookupMinute>();
  for (const l of lines) {
    const ts = floorToMinute(l.ts);
    const key = `${l.workloadId}|${ts}`;
    const m = out.get(key);
    if (m) m.lines++;
    else out.set(key, { workloadId: l.workloadId, ts, lines: 1, sample: l.message.split("\n")[0].slice(0, 500) });
  }
  return [...out.values()];
}

// Failed lookups are a signal once they persist: at least MIN_LINES over at least two minutes, gaps
// under five minutes bridged. One stray "no such host" (a typo in a one-off request) is not an outage.
const MIN_LINES = 5;
const GAP_MS = 5 * MINUTE_MS;

export function lookupFailureSignals(workload: string, minutes: readonly { ts: number; lines: number; sample: string }[], now: number): Signal[] {
  const sorted = minutes.filter((m) => m.ts <= now).sort((a, b) => a.ts - b.ts);
  const out: Signal[] = [];
  let run: { from: number; to: number; lines: number; sample: string; minutes: number; visibleAt: number | null } | null = null;
  const flush = () => {
    if (run && run.visibleAt !== null) {
      const to = Math.min(run.to, now);
      out.push({ workload, reason: "DNSFailure", from: run.from, to, visibleAt: Math.min(run.visibleAt, to), source: "log", detail: `${run.lines} failed name lookups, e.g. ${run.sample}` });
    }
    run = null;
  };
  for (const m of sorted) {
    if (run && m.ts - run.to > GAP_MS) flush();
    if (!run) run = { from: m.ts, to: m.ts + MINUTE_MS, lines: 0, sample: m.sample, minutes: 0, visibleAt: null };
    run.to = m.ts + MINUTE_MS;
    run.lines += m.lines;
    run.minutes++;
    // The end of the minute the run first met the rule is when it became a signal.
    if (run.visibleAt === null && run.lines >= MIN_LINES && run.minutes >= 2) run.visibleAt = run.to;
  }
  flush();
  return out;
}

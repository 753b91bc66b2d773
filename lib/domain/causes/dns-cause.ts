import type { CauseInput, Evidence, ProbableCause } from "./types.ts";

// It is always DNS when both sides say so: the cluster resolver logs errors (SERVFAIL, upstream
// timeouts) while the workload's own log reports lookups that failed ("no such host"). Failed lookups
// alone, with a quiet resolver, still point at name resolution, less surely (a wrong name, a search path).
const MIN_LINES = 3;

export function dnsCause(input: CauseInput): ProbableCause | null {
  if (input.lookupFailures.length < MIN_LINES) return null;
  const sample = input.lookupFailures[0];
  const evidence: Evidence[] = [{ source: "log", ts: sample.ts, text: `${input.lookupFailures.length} failed lookups in ${input.workload.name}'s log, e.g. ${sample.pod}: ${firstLine(sample.message)}` }];
  const resolverSays = input.resolverErrors.length >= MIN_LINES;
  if (resolverSays) {
    const r = input.resolverErrors[0];
    evidence.unshift({ source: "log", ts: r.ts, text: `${input.resolverErrors.length} error lines from ${input.resolver ?? "the cluster resolver"} (${tally(input.resolverErrors)}), e.g. ${r.pod}: ${firstLine(r.message)}` });
  }
  const title = resolverSays
    ? `Name resolution failed: ${input.resolver ?? "the cluster resolver"} was answering with errors while ${input.workload.name} could not look up its dependencies.`
    : `${input.workload.name} could not resolve the names of its dependencies (the cluster resolver logged no errors).`;
  return { kind: "DNS", title, score: resolverSays ? 0.92 : 0.6, evidence };
}

// "14 SERVFAIL, 9 [ERROR]": which failures the resolver reported, most frequent first.
function tally(lines: readonly { message: string }[]): string {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const kind = /SERVFAIL|REFUSED|\[ERROR\]/.exec(l.message)?.[0] ?? "other";
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`).join(", ");
}

const firstLine = (text: string) => {
  const line = text.split("\n")[0];
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
};

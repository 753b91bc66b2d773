import { redactSecrets } from "./redact.ts";

// What Uptrust may tell a language model about one incident, and nothing else: the finding (title,
// reason, times), its probable causes with their evidence, and the timeline's titles, each redacted
// (secrets as stored logs are, then addresses and e-mail addresses, which identify people and hosts).
// The model only explains; it is told the facts are all it has and never to name or blame a person.

export type BriefInput = {
  title: string;
  reason: string;
  workload: string | null;
  startedAt: string;
  resolvedAt: string | null;
  causes: { title: string; evidence: { source: string; text: string }[] }[];
  timeline: { ts: string; kind: string; title: string }[];
};

export type ChatMessage = { role: "system" | "user"; content: string };

const MAX_TIMELINE = 40;
const MAX_LINE = 300;

const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}\b/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;

export function scrub(text: string): string {
  const clean = redactSecrets(text).replace(EMAIL, "[email]").replace(IPV4, "[ip]").replace(IPV6, "[ip]");
  return clean.length > MAX_LINE ? `${clean.slice(0, MAX_LINE - 1)}…` : clean;
}

export const SYSTEM_PROMPT =
  "You explain one Kubernetes incident finding to a site reliability engineer. Use only the facts given; if they do not settle a question, say what to check. " +
  "Describe what the system did, never who did it, and do not blame people. Answer in at most 120 words: what most likely happened, why the evidence points there, and the next check.";

export function buildBrief(i: BriefInput): ChatMessage[] {
  const lines = [
    `Incident: ${scrub(i.title)} (reason ${i.reason}${i.workload ? `, workload ${i.workload}` : ""})`,
    `Started ${i.startedAt}; ${i.resolvedAt ? `resolved ${i.resolvedAt}` : "still open"}.`,
    "Probable causes, most likely first:",
    ...(i.causes.length ? i.causes.flatMap((c, n) => [`${n + 1}. ${scrub(c.title)}`, ...c.evidence.map((e) => `   - ${e.source}: ${scrub(e.text)}`)]) : ["(none stood out)"]),
    `Timeline (${Math.min(i.timeline.length, MAX_TIMELINE)} of ${i.timeline.length} entries, UTC):`,
    ...i.timeline.slice(0, MAX_TIMELINE).map((t) => `- ${t.ts} ${t.kind}: ${scrub(t.title)}`),
  ];
  return [
    { role: "system", content: SYSTEM_PROMPT },
    { role: "user", content: lines.join("\n") },
  ];
}

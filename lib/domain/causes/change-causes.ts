import { MINUTE_MS } from "../slo.ts";
import { asTemplate, type CauseChange, type CauseInput, type Evidence, type ProbableCause } from "./types.ts";
import { plural } from "../plural.ts";

// A change explains an incident when it lands shortly before the onset; the closer, the likelier.
export const CHANGE_WINDOW_MS = 30 * MINUTE_MS;
const CONFIG_REASONS = new Set(["CreateContainerConfigError", "CrashLoopBackOff"]);

const recent = (input: CauseInput, c: CauseChange, windowMs = CHANGE_WINDOW_MS) => c.observedAt <= input.startedAt + MINUTE_MS && c.observedAt >= input.startedAt - windowMs;
// 1 at the onset, falling to 0.5 at the edge of the window.
const proximity = (input: CauseInput, c: CauseChange, windowMs = CHANGE_WINDOW_MS) => 1 - 0.5 * Math.max(0, input.startedAt - c.observedAt) / windowMs;
const by = (c: CauseChange) => (c.manager ? ` (applied by ${c.manager})` : "");
const ago = (input: CauseInput, c: CauseChange) => {
  const minutes = Math.round((input.startedAt - c.observedAt) / MINUTE_MS);
  return minutes <= 0 ? "as it began" : `${plural(minutes, "minute")} before it began`;
};

export function imageChanges(c: CauseChange): { container: string; from: string; to: string }[] {
  const before = asTemplate(c.before);
  const after = asTemplate(c.after);
  if (!before || !after) return [];
  return after.containers.flatMap((a) => {
    const b = before.containers.find((x) => x.name === a.name);
    return b && b.image !== a.image ? [{ container: a.name, from: b.image, to: a.image }] : [];
  });
}

// A rollout that changed an image, then anything else the template changed (env, resources, restart).
export function templateChangeCauses(input: CauseInput): ProbableCause[] {
  const out: ProbableCause[] = [];
  for (const c of input.changes) {
    if (c.kind !== "template" || !recent(input, c)) continue;
    const images = imageChanges(c);
    const evidence = [{ source: "change" as const, ts: c.observedAt, text: `${c.summary}${by(c)}` }];
    if (images.length > 0) {
      const i = images[0];
      out.push({ kind: "ImageChange", title: `A rollout changed ${i.container}'s image to ${i.to} ${ago(input, c)}.`, score: 0.8 * proximity(input, c), evidence });
    } else {
      out.push({ kind: "TemplateChange", title: `The pod template changed ${ago(input, c)}: ${c.summary}.`, score: 0.5 * proximity(input, c), evidence });
    }
  }
  return out;
}

// A ConfigMap (or Secret) the pods read changed before the incident. It is the likeliest cause of a
// configuration error or a crash loop, a possible one of anything else. A change takes effect only when
// pods restart, so the window reaches further back: the edit may precede the restart by an hour.
export function configChangeCauses(input: CauseInput): ProbableCause[] {
  const out: ProbableCause[] = [];
  const windowMs = 2 * CHANGE_WINDOW_MS;
  for (const c of input.changes) {
    if ((c.kind !== "configmap" && c.kind !== "secret") || !recent(input, c, windowMs)) continue;
    const evidence: Evidence[] = [{ source: "change", ts: c.observedAt, text: `${c.summary}${by(c)}` }];
    const restart = input.changes.find((r) => r.kind === "template" && r.observedAt >= c.observedAt && r.observedAt <= input.startedAt + MINUTE_MS);
    if (restart) evidence.push({ source: "change", ts: restart.observedAt, text: `took effect with: ${restart.summary}` });
    const configError = input.events.find((e) => e.reason === "Failed" && /configmap|secret/i.test(e.message));
    if (configError) evidence.push({ source: "event", ts: configError.firstSeen, text: configError.message });
    const direct = CONFIG_REASONS.has(input.reason) || configError !== undefined;
    const what = c.kind === "configmap" ? "ConfigMap" : "Secret";
    out.push({ kind: "ConfigMapChange", title: `A ${what} the pods read changed ${ago(input, c)}: ${c.summary}.`, score: (direct ? 0.9 : 0.5) * proximity(input, c, windowMs), evidence });
  }
  return out;
}

import { z } from "zod";
import { getIncident } from "@/lib/db/queries/get-incident.ts";
import { buildBrief, type ChatMessage } from "@/lib/domain/ai-brief.ts";

export type LlmSettings = { url: string; model: string; apiKey?: string; timeoutMs?: number };
export type Explanation = { ok: true; model: string; sent: ChatMessage[]; answer: string } | { ok: false; status: number; error: string; sent?: ChatMessage[] };

const answer = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1) });

// Asks the configured model to explain one incident from its redacted brief. The brief is returned with
// the answer, so the page shows exactly what left Uptrust.
export async function explainIncident(id: string, llm: LlmSettings): Promise<Explanation> {
  const detail = await getIncident(id);
  if (!detail) return { ok: false, status: 404, error: `No incident with id ${id}` };
  const i = detail.incident;
  const sent = buildBrief({
    title: i.title,
    reason: i.reason,
    workload: i.workload ? `${i.workload.namespace}/${i.workload.name}` : null,
    startedAt: i.startedAt,
    resolvedAt: i.resolvedAt,
    causes: detail.causes,
    timeline: detail.timeline.map((t) => ({ ts: t.ts, kind: t.kind, title: t.title })),
  });
  const url = `${llm.url.replace(/\/+$/, "")}/chat/completions`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(llm.apiKey ? { authorization: `Bearer ${llm.apiKey}` } : {}) },
      body: JSON.stringify({ model: llm.model, messages: sent, temperature: 0 }),
      signal: AbortSignal.timeout(llm.timeoutMs ?? 30_000),
    });
  } catch (err) {
    return { ok: false, status: 502, error: `the model at ${url} did not answer: ${err instanceof Error ? err.message : String(err)}`, sent };
  }
  if (!res.ok) return { ok: false, status: 502, error: `the model at ${url} answered ${res.status}`, sent };
  const parsed = answer.safeParse(await res.json().catch(() => null));
  if (!parsed.success) return { ok: false, status: 502, error: `the model at ${url} answered in a shape Uptrust does not read (no choices[0].message.content)`, sent };
  return { ok: true, model: llm.model, sent, answer: parsed.data.choices[0].message.content.trim() };
}

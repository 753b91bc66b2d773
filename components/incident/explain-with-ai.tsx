"use client";

import { useMutation } from "@tanstack/react-query";
import type { Explanation } from "@/lib/ai/explain-incident.ts";
import { sendJson } from "../api/api-client.ts";
import { ApiError } from "../api/api-error.ts";
import s from "../ui/styles.module.css";

type Shown = Explanation | { ok: false; error: string; sent?: undefined };

// Shown only when an LLM endpoint is configured. The answer comes with exactly what was sent (the
// redacted brief), so nobody has to take on trust what the model saw.
export function ExplainWithAi({ incidentId }: { incidentId: string }) {
  const ask = useMutation({
    mutationFn: async (): Promise<Shown> => {
      try {
        return await sendJson<Explanation>("POST", `/api/incidents/${incidentId}/explain`);
      } catch (err) {
        // A refusal from the model's endpoint still says what was sent.
        if (err instanceof ApiError && (err.body as Explanation | null)?.ok === false) return err.body as Explanation;
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    },
  });
  const state = ask.data ?? null;
  const busy = ask.isPending;
  return (
    <div className={s.small} style={{ margin: "0 0 12px" }} data-testid="ai-explain">
      <button type="button" onClick={() => ask.mutate()} disabled={busy}>{busy ? "Asking…" : "Explain with AI"}</button>{" "}
      <span className={s.muted}>sends only the redacted brief below; the model explains, it decides nothing</span>
      {state?.ok ? <p style={{ whiteSpace: "pre-wrap" }} data-testid="ai-answer"><b>{state.model}:</b> {state.answer}</p> : null}
      {state && !state.ok ? <p className={s.notice} role="status">{state.error}</p> : null}
      {state?.sent ? (
        <details>
          <summary>What Uptrust sent</summary>
          <pre style={{ whiteSpace: "pre-wrap", fontSize: 11 }} data-testid="ai-sent">{state.sent.map((m) => `[${m.role}]\n${m.content}`).join("\n\n")}</pre>
        </details>
      ) : null}
    </div>
  );
}

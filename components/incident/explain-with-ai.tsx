"use client";

import { useState } from "react";
import type { Explanation } from "@/lib/ai/explain-incident.ts";
import s from "../ui/styles.module.css";

// Shown only when an LLM endpoint is configured. The answer comes with exactly what was sent (the
// redacted brief), so nobody has to take on trust what the model saw.
export function ExplainWithAi({ incidentId }: { incidentId: string }) {
  const [state, setState] = useState<Explanation | { ok: false; error: string; sent?: undefined } | null>(null);
  const [busy, setBusy] = useState(false);
  const ask = async () => {
    setBusy(true);
    try {
      const res = await fetch(`/api/incidents/${incidentId}/explain`, { method: "POST", headers: { accept: "application/json" } });
      const type = res.headers.get("content-type") ?? "";
      setState(type.includes("application/json") ? ((await res.json()) as Explanation) : { ok: false, error: `the server answered ${res.status}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={s.small} style={{ margin: "0 0 12px" }} data-testid="ai-explain">
      <button type="button" onClick={ask} disabled={busy}>{busy ? "Asking…" : "Explain with AI"}</button>{" "}
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

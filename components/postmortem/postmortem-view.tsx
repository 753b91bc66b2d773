"use client";

import Link from "next/link";
import { useState } from "react";
import c from "../ui/controls.module.css";
import { Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";

// The draft as the team will paste it into their postmortem document: copy it or download the .md.
export function PostmortemView({ id, markdown }: { id: string; markdown: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown);
      setCopied("copied");
    } catch {
      setCopied("the browser refused the clipboard; select the text below instead");
    }
  };
  return (
    <div className={s.page}>
      <p className={s.back}><Link href={`/incidents/${id}`}>← Incident</Link></p>
      <h1>Postmortem draft</h1>
      <Panel title="Draft" aside={copied ?? "Markdown · blameless template"}>
        <p style={{ display: "flex", gap: 8, margin: "0 0 8px" }}>
          <button type="button" className={c.action} onClick={copy} data-testid="copy-postmortem">Copy Markdown</button>
          <a className={c.action} href={`/api/incidents/${id}/postmortem?download=1`} download>Download .md</a>
        </p>
        <pre className={s.mono} style={{ whiteSpace: "pre-wrap", fontSize: 12, margin: 0 }} data-testid="postmortem-markdown">{markdown}</pre>
      </Panel>
    </div>
  );
}

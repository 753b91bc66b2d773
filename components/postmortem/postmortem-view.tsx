"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import c from "../ui/controls.module.css";
import { Empty } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import p from "./postmortem.module.css";

type View = "document" | "source";

// The draft read as a document, or as the Markdown the team pastes into their postmortem tool: copy it
// or download the .md. `rendered` is the document, rendered on the server from the same Markdown.
export function PostmortemView({ id, markdown, rendered }: { id: string; markdown: string; rendered: ReactNode }) {
  const [view, setView] = useState<View>("document");
  const [copied, setCopied] = useState<{ ok: boolean; text: string } | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown);
      setCopied({ ok: true, text: "Markdown copied" });
    } catch {
      setView("source");
      setCopied({ ok: false, text: "The browser refused the clipboard; select the Markdown below and copy it instead." });
    }
  };
  const tab = (v: View, label: string) => (
    <button type="button" className={p.tab} aria-pressed={view === v} onClick={() => setView(v)}>{label}</button>
  );
  return (
    <div className={s.page}>
      <p className={s.back}><Link href={`/incidents/${id}`}>← Incident</Link></p>
      <section className={`${s.panel} ${p.sheet}`} aria-label="Postmortem draft">
        <div className={p.toolbar}>
          <div role="group" aria-label="Show the draft as" className={p.tabs}>
            {tab("document", "Document")}
            {tab("source", "Markdown source")}
          </div>
          <span className={`${s.small} ${s.muted}`}>blameless template · times in UTC</span>
          <span className={p.spacer} />
          <span role="status" className={copied?.ok === false ? c.error : `${s.small} ${s.muted}`} data-testid="copy-status">{copied?.text ?? ""}</span>
          <button type="button" className={c.action} onClick={copy} data-testid="copy-postmortem">Copy Markdown</button>
          <a className={c.action} href={`/api/incidents/${id}/postmortem?download=1`} download>Download .md</a>
        </div>
        {markdown.trim() === "" ? (
          <Empty>The draft is empty: Uptrust has not recorded enough of this incident to assemble one yet.</Empty>
        ) : view === "document" ? (
          rendered
        ) : (
          <pre className={p.source} data-testid="postmortem-markdown" tabIndex={0} aria-label="Postmortem Markdown source">{markdown}</pre>
        )}
      </section>
    </div>
  );
}

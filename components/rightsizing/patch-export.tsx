"use client";

import { useState } from "react";
import type { ResourcePatch } from "@/lib/domain/rightsizing-patch.ts";
import { getJson } from "../api/api-client.ts";
import s from "../ui/styles.module.css";
import r from "./rightsizing.module.css";

type Bundle = Extract<ResourcePatch, { ok: true }>;
type State = { kind: "idle" } | { kind: "loading" } | { kind: "ready"; bundle: Bundle } | { kind: "refused"; reason: string };

const patchUrl = (id: string, format?: "json" | "yaml") => `/api/recommendations/${id}/patch${format ? `?format=${format}` : ""}`;

// The route answers 409 with the reason when there is nothing to apply (e.g. every change is held).
async function loadPatch(id: string): Promise<State> {
  try {
    return { kind: "ready", bundle: await getJson<Bundle>(patchUrl(id)) };
  } catch (err) {
    return { kind: "refused", reason: err instanceof Error ? err.message : String(err) };
  }
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no clipboard (plain http, denied permission): the text stays on screen to select
  }
}

/** Compact: one button that copies the `kubectl patch` command, and the YAML file to download. */
export function PatchCopy({ id }: { id: string }) {
  const [note, setNote] = useState<string | null>(null);
  const onCopy = async () => {
    const state = await loadPatch(id);
    if (state.kind !== "ready") return setNote(state.kind === "refused" ? state.reason : null);
    setNote((await copy(state.bundle.commands.json)) ? "kubectl command copied" : state.bundle.commands.json);
  };
  return (
    <span className={s.small}>
      <button type="button" className={r.linkButton} onClick={onCopy} data-testid="copy-patch">copy patch</button>
      {" · "}
      <a href={patchUrl(id, "yaml")} download>YAML</a>
      {note ? <span className={s.muted} role="status"> {note}</span> : null}
    </span>
  );
}

/** Full: the patch in JSON or YAML with the exact command, copy and download. */
export function PatchExport({ id }: { id: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const [format, setFormat] = useState<"yaml" | "json">("yaml");
  const [copied, setCopied] = useState<string | null>(null);
  if (state.kind === "idle" || state.kind === "loading") {
    return (
      <button type="button" className={r.linkButton} disabled={state.kind === "loading"} onClick={async () => { setState({ kind: "loading" }); setState(await loadPatch(id)); }}>
        show the kubectl patch
      </button>
    );
  }
  if (state.kind === "refused") return <p className={s.explain} role="status">{state.reason}</p>;
  const b = state.bundle;
  const body = format === "yaml" ? b.yaml : JSON.stringify(b.patch, null, 2);
  const command = format === "yaml" ? b.commands.yaml : b.commands.json;
  const onCopy = async (what: string, text: string) => setCopied((await copy(text)) ? `${what} copied` : "copy is not available here: select the text instead");
  return (
    <div data-testid="patch-export">
      <p className={s.small}>
        <label><input type="radio" name={`format-${id}`} checked={format === "yaml"} onChange={() => setFormat("yaml")} /> YAML</label>{" "}
        <label><input type="radio" name={`format-${id}`} checked={format === "json"} onChange={() => setFormat("json")} /> JSON</label>
        {" · "}
        <a href={patchUrl(id, format)} download>download {format === "yaml" ? b.fileName : b.fileName.replace(/\.yaml$/, ".json")}</a>
      </p>
      <pre className={s.logBlock} data-testid="patch-body">{body}</pre>
      <pre className={s.logBlock} data-testid="patch-command">{command}</pre>
      <p className={s.small}>
        <button type="button" className={r.linkButton} onClick={() => onCopy("command", command)}>copy command</button>{" · "}
        <button type="button" className={r.linkButton} onClick={() => onCopy("patch", body)}>copy patch</button>
        {copied ? <span className={s.muted} role="status"> {copied}</span> : null}
      </p>
      {b.leftOut.length ? <p className={s.explain}>Left at today&apos;s values while downsizing is held: {b.leftOut.join("; ")}.</p> : null}
    </div>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { LATENCY_BOUNDS_MS } from "@/lib/domain/access-log.ts";
import { percentToFraction } from "@/lib/slo/percent.ts";
import { sendJson } from "../api/api-client.ts";
import { ApiError } from "../api/api-error.ts";
import { queryKeys } from "../api/query-keys.ts";
import e from "./slo-editor.module.css";

type Outcome = { ok: boolean; text: string } | null;
type Answer = { slos?: { workload: string; name: string; created: boolean; redefined: boolean }[]; error?: string; notes?: string[] };

// The server's answer as the form shows it: what was saved, or each problem with its line. Notes say what the
// file held that Uptrust read but does not use, so nothing seems silently dropped.
function outcome(result: Answer | ApiError): Outcome {
  const body = (result instanceof ApiError ? result.body : result) as Answer | null;
  const notes = body?.notes ?? [];
  if (result instanceof ApiError || !body?.slos) return { ok: false, text: [result instanceof Error ? result.message : "the server saved nothing", ...notes].join("\n") };
  const saved = body.slos.map((s) => `${s.workload} ${s.name}: ${s.created ? "created" : s.redefined ? "redefined; its history is being re-measured" : "updated"}`);
  return { ok: true, text: [...saved, ...notes].join("\n") };
}

async function send(url: string, body: unknown, contentType?: string): Promise<Outcome> {
  try {
    return outcome(await sendJson<Answer>("POST", url, body, contentType));
  } catch (err) {
    return outcome(err instanceof ApiError ? err : new ApiError(String(err), 0));
  }
}

// SLOs beside the defaults: one defined here, or a whole OpenSLO / Sloth file. The server validates;
// its answer (what was saved, or each problem with its line) is shown as written.
export function SloEditor() {
  const client = useQueryClient();
  const [indicator, setIndicator] = useState("latency");
  const settled = () => client.invalidateQueries({ queryKey: queryKeys.cockpits });
  const defineSlo = useMutation({ mutationFn: (body: unknown) => send("/api/slos", body), onSettled: settled });
  const importSlos = useMutation({ mutationFn: ({ url, yaml }: { url: string; yaml: string }) => send(url, yaml, "application/yaml"), onSettled: settled });
  const defined = defineSlo.data ?? null;
  const imported = importSlos.data ?? null;

  const define = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget);
    const calendar = String(f.get("window"));
    const body = {
      workload: String(f.get("workload")).trim(),
      name: String(f.get("name")).trim(),
      indicator,
      target: percentToFraction(Number(f.get("target"))),
      ...(indicator === "latency" ? { thresholdMs: Number(f.get("thresholdMs")) } : {}),
      ...(calendar === "month" || calendar === "week" ? { calendar } : { windowDays: Number(calendar) }),
    };
    defineSlo.mutate(body);
  };

  const importFile = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget);
    const cluster = String(f.get("cluster")).trim();
    importSlos.mutate({ url: `/api/slos/import${cluster ? `?cluster=${encodeURIComponent(cluster)}` : ""}`, yaml: String(f.get("yaml")) });
  };

  return (
    <details className={e.editor}>
      <summary>Define or import an SLO</summary>
      <div className={e.forms}>
        <form className={e.form} onSubmit={define} aria-label="Define an SLO">
          <label htmlFor="slo-workload">workload</label><input id="slo-workload" name="workload" placeholder="shop/checkout" required />
          <label htmlFor="slo-name">name</label><input id="slo-name" name="name" placeholder="checkout-latency" required />
          <label htmlFor="slo-indicator">indicator</label>
          <select id="slo-indicator" value={indicator} onChange={(ev) => setIndicator(ev.target.value)}>
            <option value="availability">availability (replicas)</option>
            <option value="success">request success (non-5xx)</option>
            <option value="latency">latency (requests within a threshold)</option>
          </select>
          {indicator === "latency" ? (
            <>
              <label htmlFor="slo-threshold">within (ms)</label>
              <select id="slo-threshold" name="thresholdMs" defaultValue="300">{LATENCY_BOUNDS_MS.map((b) => <option key={b} value={b}>{b}</option>)}</select>
            </>
          ) : null}
          <label htmlFor="slo-target">target (%)</label><input id="slo-target" name="target" type="number" step="0.001" min="50" max="99.999" defaultValue="99.5" required />
          <label htmlFor="slo-window">window</label>
          <select id="slo-window" name="window" defaultValue="30">
            <option value="7">rolling 7 days</option><option value="28">rolling 28 days</option><option value="30">rolling 30 days</option>
            <option value="week">calendar week</option><option value="month">calendar month</option>
          </select>
          <button type="submit">Save SLO</button>
          {defined ? <p className={`${e.result} ${defined.ok ? "" : e.error}`} role="status">{defined.text}</p> : null}
        </form>
        <form className={e.form} onSubmit={importFile} aria-label="Import SLOs">
          <label htmlFor="slo-cluster">cluster</label><input id="slo-cluster" name="cluster" placeholder="only if a service name is in several" />
          <textarea name="yaml" aria-label="OpenSLO or Sloth YAML" placeholder={"apiVersion: openslo/v1\nkind: SLO\n…"} required />
          <button type="submit">Import</button>
          {imported ? <p className={`${e.result} ${imported.ok ? "" : e.error}`} role="status">{imported.text}</p> : null}
        </form>
      </div>
    </details>
  );
}

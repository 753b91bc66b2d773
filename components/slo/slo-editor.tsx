"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { LATENCY_BOUNDS_MS } from "@/lib/domain/access-log.ts";
import { percentToFraction } from "@/lib/slo/percent.ts";
import e from "./slo-editor.module.css";

type Outcome = { ok: boolean; text: string } | null;
type Answer = { slos?: { workload: string; name: string; created: boolean; redefined: boolean }[]; error?: string; notes?: string[] };

async function send(url: string, init: RequestInit): Promise<Outcome> {
  const res = await fetch(url, { ...init, headers: { accept: "application/json", ...init.headers } });
  const type = res.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) return { ok: false, text: res.redirected || res.status === 401 ? "your session ended; sign in again" : `the server answered ${res.status}` };
  const body = (await res.json()) as Answer;
  // Notes say what the file held that Uptrust read but does not use, so nothing seems silently dropped.
  const notes = body.notes ?? [];
  if (!res.ok || !body.slos) return { ok: false, text: [body.error ?? `the server answered ${res.status}`, ...notes].join("\n") };
  const saved = body.slos.map((s) => `${s.workload} ${s.name}: ${s.created ? "created" : s.redefined ? "redefined; its history is being re-measured" : "updated"}`);
  return { ok: true, text: [...saved, ...notes].join("\n") };
}

// SLOs beside the defaults: one defined here, or a whole OpenSLO / Sloth file. The server validates;
// its answer (what was saved, or each problem with its line) is shown as written.
export function SloEditor() {
  const client = useQueryClient();
  const [indicator, setIndicator] = useState("latency");
  const [defined, setDefined] = useState<Outcome>(null);
  const [imported, setImported] = useState<Outcome>(null);

  const define = async (ev: FormEvent<HTMLFormElement>) => {
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
    setDefined(await send("/api/slos", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));
    await client.invalidateQueries({ queryKey: ["cockpit"] });
  };

  const importFile = async (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget);
    const cluster = String(f.get("cluster")).trim();
    setImported(await send(`/api/slos/import${cluster ? `?cluster=${encodeURIComponent(cluster)}` : ""}`, { method: "POST", body: String(f.get("yaml")), headers: { "content-type": "application/yaml" } }));
    await client.invalidateQueries({ queryKey: ["cockpit"] });
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

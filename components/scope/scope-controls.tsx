"use client";

import { useId, useState } from "react";
import { EVERYTHING, parseScope, RANGE_PRESETS, scopeSearch, type RangePreset } from "@/lib/domain/scope.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { ScopeOptions } from "@/lib/views/scope-options.ts";
import c from "../cockpit/cockpit.module.css";
import { NameChecklist } from "./name-checklist.tsx";

// Cluster(s), namespace(s), a service search and a time range. The controls only say what the person
// chose (`onChange` with the whole new scope); whoever mounts them puts it in the URL. A fixed range is
// checked by the scope's own parser, so the controls and a typed-in URL are refused for the same reasons.

const CUSTOM = "between";
const presetOf = (scope: Scope): string => {
  if (scope.range.kind === "between") return CUSTOM;
  if (scope.range.kind === "default") return "";
  const minutes = scope.range.minutes;
  return Object.entries(RANGE_PRESETS).find(([, m]) => m === minutes)?.[0] ?? "";
};
// A datetime-local field holds "2026-12-06T09:30" with no zone: the label says it is UTC, and so is the value.
const toField = (iso: string | undefined) => (iso ? iso.slice(0, 16) : "");

export function ScopeControls({ scope, options, onChange }: { scope: Scope; options: ScopeOptions; onChange: (next: Scope) => void }) {
  const id = useId();
  const [service, setService] = useState(scope.service ?? "");
  const [preset, setPreset] = useState(presetOf(scope));
  const [from, setFrom] = useState(toField(scope.range.kind === "between" ? scope.range.from : undefined));
  const [to, setTo] = useState(toField(scope.range.kind === "between" ? scope.range.to : undefined));
  const [rangeProblem, setRangeProblem] = useState<string | null>(null);

  // Namespaces of the chosen clusters (of every cluster when none is chosen), plus any already in the scope.
  const clusters = options.clusters.map((x) => x.name);
  const namespaces = [
    ...new Set([
      ...options.clusters.filter((x) => scope.clusters.length === 0 || scope.clusters.includes(x.name)).flatMap((x) => x.namespaces),
      ...scope.namespaces,
    ]),
  ].sort();

  const applyService = () => {
    const next = service.trim().toLowerCase() || null;
    if (next !== scope.service) onChange({ ...scope, service: next });
  };

  const applyRange = (value: string, fixed?: { from: string; to: string }) => {
    setRangeProblem(null);
    if (value === CUSTOM && !fixed) return; // waits for both times and Apply
    const params = scopeSearch({ ...scope, range: { kind: "default" } });
    if (value === CUSTOM && fixed) {
      params.set("from", fixed.from);
      params.set("to", fixed.to);
    } else if (value) params.set("range", value);
    const parsed = parseScope(params);
    if (parsed.problems.length) return setRangeProblem(parsed.problems.join("; "));
    onChange(parsed.scope);
  };

  return (
    <form className={c.scope} aria-label="Scope" role="search" onSubmit={(e) => (e.preventDefault(), applyService())} data-testid="scope-controls">
      <NameChecklist label="Clusters" names={clusters} chosen={scope.clusters} onChange={(chosen) => onChange({ ...scope, clusters: chosen })} />
      <NameChecklist label="Namespaces" names={namespaces} chosen={scope.namespaces} onChange={(chosen) => onChange({ ...scope, namespaces: chosen })} />
      <label className={c.field}>
        Service (part of a workload name)
        <input type="search" value={service} onChange={(e) => setService(e.target.value)} onBlur={applyService} placeholder="e.g. checkout" size={16} />
      </label>
      <label className={c.field}>
        Time range
        <select
          value={preset}
          onChange={(e) => {
            setPreset(e.target.value);
            applyRange(e.target.value);
          }}
        >
          <option value="">each panel&apos;s own window</option>
          {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((p) => <option key={p} value={p}>last {p}</option>)}
          <option value={CUSTOM}>from … to … (UTC)</option>
        </select>
      </label>
      {preset === CUSTOM ? (
        <>
          <label className={c.field} htmlFor={`${id}-from`}>
            from (UTC)
            <input id={`${id}-from`} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className={c.field} htmlFor={`${id}-to`}>
            to (UTC)
            <input id={`${id}-to`} type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="button" className={c.button} onClick={() => applyRange(CUSTOM, { from, to })}>Apply range</button>
        </>
      ) : null}
      <span className={c.scopeActions}>
        <button type="submit" className={c.button}>Search</button>
        <button
          type="button"
          className={c.button}
          onClick={() => {
            setService("");
            setPreset("");
            onChange(EVERYTHING);
          }}
        >
          Show everything
        </button>
      </span>
      {rangeProblem ? <p className={c.problems} role="alert" style={{ flexBasis: "100%" }}>Time range not applied: {rangeProblem}</p> : null}
    </form>
  );
}

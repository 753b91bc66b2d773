import Link from "next/link";
import type { GuardrailFilter } from "@/lib/domain/guardrail-filter.ts";
import type { GuardrailFindingsPage } from "@/lib/views/guardrail-findings.ts";
import c from "../ui/controls.module.css";
import g from "./guardrails.module.css";

function Choice({ name, label, value, options }: { name: string; label: string; value: string | null; options: { value: string; text: string }[] }) {
  return (
    <div className={g.field}>
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={c.field}>
        <option value="">all</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.text}</option>)}
      </select>
    </div>
  );
}

// A plain GET form: the filters land in the URL, so a filtered list can be shared and walked back, and it
// works before (or without) any script.
export function GuardrailFilters({ filter, options }: { filter: GuardrailFilter; options: GuardrailFindingsPage["options"] }) {
  return (
    <form method="get" action="/guardrails" className={g.filters} aria-label="Filter findings">
      <Choice name="cluster" label="cluster" value={filter.clusters[0] ?? null} options={options.clusters.map((v) => ({ value: v, text: v }))} />
      <Choice name="ns" label="namespace" value={filter.namespaces[0] ?? null} options={options.namespaces.map((v) => ({ value: v, text: v }))} />
      <div className={g.field}>
        <label htmlFor="filter-q">workload</label>
        <input id="filter-q" name="q" type="search" defaultValue={filter.service ?? ""} placeholder="part of its name" className={c.field} />
      </div>
      <Choice name="check" label="check" value={filter.check} options={options.checks.map((o) => ({ value: o.check, text: `${o.check} (${o.findings})` }))} />
      <Choice name="severity" label="severity" value={filter.severity} options={[{ value: "danger", text: "danger" }, { value: "warning", text: "warning" }]} />
      <button type="submit" className={c.action}>Filter</button>
      <Link href="/guardrails">Clear filters</Link>
    </form>
  );
}

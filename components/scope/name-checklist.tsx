"use client";

import c from "../cockpit/cockpit.module.css";

// Several names at once (clusters, namespaces): a closed list that says what is chosen, opened to tick
// names. Nothing ticked means every name, which the summary line says in words.
export function NameChecklist({ label, names, chosen, onChange }: { label: string; names: string[]; chosen: string[]; onChange: (chosen: string[]) => void }) {
  const toggle = (name: string, on: boolean) => onChange(on ? [...chosen, name].sort() : chosen.filter((n) => n !== name));
  return (
    <details className={c.checklist} data-testid={`scope-${label.toLowerCase()}`}>
      <summary>
        {label}: <b>{chosen.length === 0 ? "all" : chosen.join(", ")}</b>
      </summary>
      <fieldset className={c.checklistBody}>
        <legend className={c.visuallyHidden}>{label}</legend>
        {names.length === 0 ? <span className={c.scopeNote}>none reported yet</span> : null}
        {names.map((name) => (
          <label key={name} className={c.check}>
            <input type="checkbox" checked={chosen.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
            {name}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

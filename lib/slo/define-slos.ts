import { resolveService, saveSlo } from "@/lib/db/slos/save-slo.ts";
import { bindImport } from "./bind-import.ts";
import { formatProblem } from "./format-problems.ts";
import { importSlos } from "./import-slo.ts";
import type { SloForm } from "./slo-spec.ts";
import { specFromForm } from "./slo-spec.ts";

export type Defined = { id: string; workload: string; name: string; created: boolean; redefined: boolean };
/** Notes say what an import read but does not use (a Service, an AlertPolicy, Sloth's alerting). */
export type DefineResult = { ok: true; slos: Defined[]; notes: string[] } | { ok: false; problems: string[]; notes: string[] };

export async function defineSlo(form: SloForm): Promise<DefineResult> {
  const w = await resolveService(form.workload, form.cluster);
  if (typeof w === "string") return { ok: false, problems: [`workload: ${w}`], notes: [] };
  const saved = await saveSlo(w.id, specFromForm(form), "ui", null);
  return { ok: true, slos: [{ ...saved, workload: `${w.namespace}/${w.name}`, name: form.name }], notes: [] };
}

// A whole file or nothing: every problem (YAML, fields, unknown services) is reported before anything
// is stored, so a half-imported repository of SLOs never happens.
export async function importSloFile(text: string, cluster?: string): Promise<DefineResult> {
  const parsed = importSlos(text);
  const notes = parsed.notes.map((n) => formatProblem("slo.yaml", n));
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems.map((p) => formatProblem("slo.yaml", p)), notes };
  const bound = [];
  const problems: string[] = [];
  for (const d of parsed.slos) {
    // What only binding can find (a window Uptrust cannot keep, an unknown service) points at the SLO's line too.
    const at = (message: string) => formatProblem("slo.yaml", { ...d.at, field: "", message });
    const b = bindImport(d);
    if ("problem" in b) {
      problems.push(at(b.problem));
      continue;
    }
    const w = await resolveService(b.service, cluster);
    if (typeof w === "string") problems.push(at(`${d.name}: service ${w}`));
    else bound.push({ w, spec: b.spec, origin: d.source });
  }
  if (problems.length > 0) return { ok: false, problems, notes };
  const slos: Defined[] = [];
  for (const { w, spec, origin } of bound) slos.push({ ...(await saveSlo(w.id, spec, origin, text)), workload: `${w.namespace}/${w.name}`, name: spec.name });
  return { ok: true, slos, notes };
}

import type { ImportProblem, SloDefinition } from "./import-slo.ts";

// How an SLO file's problems read in a terminal or a CI log: "file:line: field: message", the shape
// editors and CI annotations link to the line.

export function formatProblem(file: string, p: ImportProblem): string {
  const where = p.document === 0 ? file : `${file}:${p.line}`;
  return `${where}: ${p.field ? `${p.field}: ` : ""}${p.message}`;
}

const percent = (t: number) => `${Number((t * 100).toFixed(4))}%`;

export function describeSlo(s: SloDefinition): string {
  const window = s.window.kind === "rolling" ? `${s.window.days}d rolling` : `calendar ${s.window.unit}`;
  const slice = s.timeslice && `${s.timeslice.windowSeconds}s slice`;
  const budgeting = !s.timeslice ? s.budgeting : s.timeslice.target === undefined ? `${s.budgeting} (the mean of each ${slice}'s ratio)` : `${s.budgeting} (${percent(s.timeslice.target)} of each ${slice})`;
  return `${s.service}/${s.name}: ${percent(s.target)} over ${window}, ${budgeting}, ${s.indicator.kind} SLI (${s.source})`;
}

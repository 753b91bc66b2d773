import { z } from "zod";
import { reader } from "./list-query.ts";
import { parseScope } from "./scope.ts";

// The guardrails page's filters, kept in the URL: `cluster` and `ns` (repeatable, the cockpit's scope
// keys, so a scoped cockpit opens a scoped list, with `q` its service search: a part of the name of the
// workload a finding is about), `check` (a check's name), `severity` and `page`.
export type GuardrailFilter = {
  clusters: string[];
  namespaces: string[];
  service: string | null;
  check: string | null;
  severity: "danger" | "warning" | null;
  page: number;
};

export const FINDINGS_PER_PAGE = 25;

type Params = { getAll(name: string): string[]; get(name: string): string | null };

const check = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/, "is not a check name: letters and digits, as in runAsRoot");
const severity = z.enum(["danger", "warning"], { error: "is not a severity: danger or warning" });
const page = z.coerce.number().int().min(1, "is not a page number: 1 or more").max(1_000_000, "is past any page");

/** Reads the filters from a URL's search; what cannot be read is named in `problems` and left out. */
export function parseGuardrailFilter(params: Params): { filter: GuardrailFilter; problems: string[] } {
  const { scope, problems } = parseScope(params);
  const read = reader(params, problems);
  return {
    filter: { clusters: scope.clusters, namespaces: scope.namespaces, service: scope.service, check: read("check", check), severity: read("severity", severity), page: read("page", page) ?? 1 },
    problems: problems.filter((p) => /^(cluster|ns|check|severity|page)=|^(cluster|ns) names|^q /.test(p)),
  };
}

/** The search of a filter (the page left out: changing a filter starts again from the first page). */
export function filterSearch(filter: GuardrailFilter): URLSearchParams {
  const out = new URLSearchParams();
  for (const c of filter.clusters) out.append("cluster", c);
  for (const n of filter.namespaces) out.append("ns", n);
  if (filter.service) out.set("q", filter.service);
  if (filter.check) out.set("check", filter.check);
  if (filter.severity) out.set("severity", filter.severity);
  return out;
}

import { z } from "zod";
import { parseScope, scopeSearch } from "./scope.ts";
import { INCIDENT_STATES, type IncidentState } from "./incident-order.ts";
import { SEVERITIES, type Severity } from "./incident-lifecycle.ts";
import { SLO_STATES, type SloState } from "./slo-order.ts";
import type { Scope } from "@/lib/views/scope.ts";

// What the list pages read from their URL: the cockpit's scope, a page number, and each list's own
// filter (`alert` on /slos, `held` on /rightsizing, `state` and `severity` on /incidents). A value that cannot be read is named in `problems`
// and left out, so the page shows more than the link meant, and says so, rather than nothing.

type Params = { getAll(name: string): string[]; get(name: string): string | null };

const NOT_A_PAGE = "is not a page number: 1 or more";
const pageNumber = z.coerce.number({ error: NOT_A_PAGE }).int(NOT_A_PAGE).min(1, NOT_A_PAGE).max(1_000_000, "is past any page");
const alert = z.enum(SLO_STATES, { error: `is not a state: ${SLO_STATES.join(", ")}` });
const held = z.literal("1", { error: "is not a filter: held=1 lists held suggestions only" });
const incidentState = z.enum(INCIDENT_STATES, { error: `is not a state: ${INCIDENT_STATES.join(", ")}` });
const severity = z.enum(SEVERITIES, { error: `is not a severity: ${SEVERITIES.join(", ")}` });

/** Reads one URL filter with its schema; what cannot be read is named in `problems` and read as absent. */
export function reader(params: Params, problems: string[]) {
  return <T>(key: string, schema: z.ZodType<T>): T | null => {
    const raw = params.get(key);
    if (raw === null || raw === "") return null;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    problems.push(`${key}=${raw} ${parsed.error.issues[0].message}`);
    return null;
  };
}

export type SloListQuery = { scope: Scope; alert: SloState | null; page: number; problems: string[] };

export function parseSloListQuery(params: Params): SloListQuery {
  const { scope, problems } = parseScope(params);
  const read = reader(params, problems);
  return { scope, alert: read("alert", alert), page: read("page", pageNumber) ?? 1, problems };
}

export type RightsizingListQuery = { scope: Scope; held: boolean; page: number; problems: string[] };

export function parseRightsizingListQuery(params: Params): RightsizingListQuery {
  const { scope, problems } = parseScope(params);
  const read = reader(params, problems);
  return { scope, held: read("held", held) !== null, page: read("page", pageNumber) ?? 1, problems };
}

export type IncidentListQuery = { scope: Scope; state: IncidentState | null; severity: Severity | null; page: number; problems: string[] };

export function parseIncidentListQuery(params: Params): IncidentListQuery {
  const { scope, problems } = parseScope(params);
  const read = reader(params, problems);
  return { scope, state: read("state", incidentState), severity: read("severity", severity), page: read("page", pageNumber) ?? 1, problems };
}

/** A list's own filter as URL parameters (absent when null), e.g. { alert: "page" } on /slos. */
export type ListFilter = Record<string, string | null>;

/** A list's search: the scope's canonical search, then the list's own filter; no page (a new filter starts on the first). */
export function listSearch(scope: Scope, filter: ListFilter): string {
  const out = scopeSearch(scope);
  for (const [key, value] of Object.entries(filter)) if (value !== null) out.set(key, value);
  return out.toString();
}

// Next hands a page its query as a record (a repeated key as an array); the scope parser reads URLSearchParams.

export const SCOPE_KEYS = ["cluster", "ns", "q", "range", "from", "to"] as const;

export function searchParamsOf(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(key, v);
  }
  return out;
}

/** Whether the URL says anything about the scope (even something unreadable, which the page then names). */
export const hasScopeKeys = (params: URLSearchParams): boolean => SCOPE_KEYS.some((k) => params.has(k));

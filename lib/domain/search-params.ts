type Params = Record<string, string | string[] | undefined>;

/** A page's query parameters (as Next hands them to it) back as a query string, repeated keys kept. */
export function searchOf(params: Params): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(key, v);
  return out.toString();
}

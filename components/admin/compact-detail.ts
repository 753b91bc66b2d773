// An audit line's detail on one table row: "from=viewer to=responder by=admin". Long values are cut so a
// row stays one line; the page puts the whole detail in the cell's title.

const VALUE_CHARS = 60;
const LINE_CHARS = 180;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function show(value: unknown): string {
  if (value === null || value === undefined) return "–";
  if (Array.isArray(value)) return value.length ? value.map(show).join(",") : "none";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function compactDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return "";
  if (typeof detail !== "object" || Array.isArray(detail)) return cut(show(detail), LINE_CHARS);
  const pairs = Object.entries(detail).map(([key, value]) => `${key}=${cut(show(value), VALUE_CHARS)}`);
  return cut(pairs.join(" "), LINE_CHARS);
}

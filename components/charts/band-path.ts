import { fx, fy } from "./line-segments.ts";

export type BandPoint = { x: number; low: number; high: number };

// A filled range (a prediction interval): along the upper edge, back along the lower one.
export function bandPath(points: readonly BandPoint[]): string {
  if (points.length < 2) return "";
  const upper = points.map((p, i) => `${i ? "L" : "M"}${fx(p.x)} ${fy(p.high)}`).join("");
  const lower = [...points].reverse().map((p) => `L${fx(p.x)} ${fy(p.low)}`).join("");
  return `${upper}${lower}Z`;
}

import { fx, fy, type PlotPoint } from "./line-segments.ts";

// A level that holds until the next point changes it (allocatable moves when nodes come and go): across, then up
// or down, never a slope between two readings.
export function stepPath(points: readonly PlotPoint[]): string {
  return points.map((p, i) => (i === 0 ? `M${fx(p.x)} ${fy(p.y)}` : `H${fx(p.x)}V${fy(p.y)}`)).join("");
}

export type PlotPoint = { x: number; y: number };

// One path per unbroken run of values: a null (an hour nobody measured) is a gap in the line, never a drop to
// zero. A run of one point is drawn as a zero-length segment, which round caps turn into a dot.
export function lineSegments(points: (PlotPoint | null)[]): string[] {
  const runs: PlotPoint[][] = [];
  let run: PlotPoint[] = [];
  for (const p of points) {
    if (p) run.push(p);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs.map((r) => (r.length === 1 ? `M${fx(r[0].x)} ${fy(r[0].y)}h0` : r.map((p, i) => `${i ? "L" : "M"}${fx(p.x)} ${fy(p.y)}`).join("")));
}

/** Fractions (0..1, y from the bottom) in the 100×100 viewBox PlotFrame draws in. */
export const fx = (x: number) => round(x * 100);
export const fy = (y: number) => round((1 - y) * 100);

const round = (n: number) => Math.round(n * 100) / 100;

// Positions are fractions of the plot (0 = left or bottom, 1 = right or top); PlotFrame maps them onto its
// stretched 100×100 viewBox and onto the HTML labels around it, so every chart speaks one unit.

export type Scale = (value: number) => number;

export const linearScale = (max: number): Scale => (v) => (max > 0 ? Math.min(1, Math.max(0, v / max)) : 0);

// A square-root scale gives small values room next to a large one (1× beside a 1000× hour) while keeping order.
export const sqrtScale = (max: number): Scale => (v) => (max > 0 ? Math.min(1, Math.sqrt(Math.max(0, v) / max)) : 0);

/** The middle of the i-th of n equal bands: points and bars sit mid-band so their labels never overhang the plot. */
export const bandCenter = (i: number, n: number) => (i + 0.5) / n;

// Axis ticks at 1, 2 or 5 times a power of ten, as few as `maxCount` above zero, the last at or above `max`.
export function niceTicks(max: number, maxCount = 3): number[] {
  if (!(max > 0)) return [0, 1];
  const power = 10 ** Math.floor(Math.log10(max / maxCount));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => Math.ceil(max / s) <= maxCount) ?? 10 * power;
  const count = Math.ceil(max / step);
  return Array.from({ length: count + 1 }, (_, i) => round(i * step));
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

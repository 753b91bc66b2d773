// Ordinary least squares on one series, with the 95 % prediction interval of a future value. Capacity
// forecasts use it to say when a trend reaches a limit and how sure that date is.

export type XY = { x: number; y: number };

// Everything needed to redraw the line and its interval later (the cockpit does, from stored rows):
// ŷ(x) = yMean + slope·(x − xMean). Centred form, so x may be large (hours since 1970) without
// losing precision in Σx².
export type LinearFit = {
  n: number;
  xMean: number;
  yMean: number;
  slope: number;
  /** Σ(x − x̄)². */
  sxx: number;
  /** Residual standard error s = √(Σ residual² ÷ (n − 2)). */
  residualStd: number;
  /** Two-sided 95 % Student t for n − 2 degrees of freedom. */
  t: number;
};

// Two-sided 95 % critical values of Student's t (t₀.₉₇₅) for 1–30 degrees of freedom, then 40, 60, 120
// and ∞ (the normal 1.960). Between table rows t is interpolated linearly in 1/df, the textbook way,
// which is within 0.001 of the exact value: no gamma functions needed for a date accurate to hours.
const T_975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
const T_975_TAIL: readonly (readonly [number, number])[] = [[30, 2.042], [40, 2.021], [60, 2.0], [120, 1.98], [Infinity, 1.96]];

export function tCritical95(df: number): number {
  if (!(df >= 1 && Number.isInteger(df))) throw new RangeError(`degrees of freedom must be a whole number of at least 1, got ${df}`);
  if (df <= 30) return T_975[df - 1];
  for (let i = 1; i < T_975_TAIL.length; i++) {
    const [hiDf, hiT] = T_975_TAIL[i];
    if (df > hiDf) continue;
    const [loDf, loT] = T_975_TAIL[i - 1];
    const share = (1 / loDf - 1 / df) / (1 / loDf - 1 / hiDf);
    return loT + (hiT - loT) * share;
  }
  return 1.96;
}

// Slope = Σ(x − x̄)(y − ȳ) ÷ Σ(x − x̄)². Needs three points (one degree of freedom for the residuals)
// and two distinct x values; otherwise there is no line to speak of and the answer is null.
export function fitLine(points: readonly XY[]): LinearFit | null {
  const n = points.length;
  if (n < 3) return null;
  // Sum first, divide once: a constant series then has exactly zero slope, not a rounding residue.
  let xSum = 0;
  let ySum = 0;
  for (const p of points) {
    xSum += p.x;
    ySum += p.y;
  }
  const xMean = xSum / n;
  const yMean = ySum / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - xMean) ** 2;
    sxy += (p.x - xMean) * (p.y - yMean);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  let sse = 0;
  for (const p of points) sse += (p.y - (yMean + slope * (p.x - xMean))) ** 2;
  return { n, xMean, yMean, slope, sxx, residualStd: Math.sqrt(sse / (n - 2)), t: tCritical95(n - 2) };
}

export type Prediction = { y: number; low: number; high: number };

// 95 % prediction interval for a single future value: ŷ ± t·s·√(1 + 1/n + (x − x̄)²/Sxx). A prediction
// interval, not a confidence interval of the mean line, because a limit is hit by one actual hour, which
// scatters around the trend as the past hours did (the "1 +"); the other terms are the line's own
// uncertainty, which grows the further x lies from the data. Hourly residuals are correlated (daily
// cycles), so the band is if anything narrower than the truth: Uptrust says "around", never "on".
export function predict(fit: LinearFit, x: number): Prediction {
  const y = fit.yMean + fit.slope * (x - fit.xMean);
  const half = fit.t * fit.residualStd * Math.sqrt(1 + 1 / fit.n + (x - fit.xMean) ** 2 / fit.sxx);
  return { y, low: y - half, high: y + half };
}

// Nearest-rank percentile: the smallest observed value such that at least p% of the samples are ≤ it
// (index ⌈p/100 × n⌉ − 1 of the sorted samples). Uptrust uses nearest-rank, not interpolation, so every
// figure it shows is a value that was actually observed and users can find it on the usage graph.
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

// A thumbnail of a long series of regular readings: every k-th reading counted back from the newest (so
// the newest, the one an SRE looks at first, is always kept), k the smallest step that leaves at most `max`.
// `every` is k, so a caption can say "every k hours" of hourly readings; 1 means nothing was left out.
// The capacity query applies the same rule in SQL with `thinStep` (only the kept readings leave the database);
// forecast-capacity.integration.test.ts holds the two equal.
export function thinStep(count: number, max: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, max)));
}

export function thinReadings<T>(readings: readonly T[], max: number): { kept: T[]; every: number } {
  const every = thinStep(readings.length, max);
  const last = readings.length - 1;
  return { kept: every === 1 ? [...readings] : readings.filter((_, i) => (last - i) % every === 0), every };
}

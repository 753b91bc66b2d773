// The Kubernetes VPA recommender's histogram: buckets that grow by 5 % each (fine where usage is small,
// coarse where it is large), and weights that halve every half-life, so yesterday counts half as much
// as today and last week almost nothing. A percentile answers with the bucket's upper edge, as VPA's
// does, so it is never below the samples that fell into that bucket.

export type HistogramOptions = { firstBucketSize: number; ratio: number; maxValue: number; halfLifeMs: number };

export type DecayingHistogram = {
  add(value: number, weight: number, ts: number): void;
  percentile(p: number): number | undefined;
  totalWeight(): number;
};

// Bucket i starts at first × (ratio^i − 1) / (ratio − 1): the first bucket is `first` wide and each
// next one `ratio` times wider than the one before.
export function createDecayingHistogram(opts: HistogramOptions, referenceTs: number): DecayingHistogram {
  const { firstBucketSize: first, ratio, maxValue, halfLifeMs } = opts;
  const bucketStart = (i: number) => (first * (ratio ** i - 1)) / (ratio - 1);
  const lastIndex = Math.ceil(Math.log(1 + (maxValue * (ratio - 1)) / first) / Math.log(ratio));
  const indexOf = (v: number) => Math.min(lastIndex, Math.max(0, Math.floor(Math.log(1 + (Math.max(0, v) * (ratio - 1)) / first) / Math.log(ratio))));
  const weights = new Map<number, number>();
  let total = 0;
  return {
    add(value, weight, ts) {
      if (!(weight > 0) || !Number.isFinite(value)) return;
      // 2^((t − reference) / half-life): relative to the newest moment, so weights stay ≤ 1 and never overflow.
      const w = weight * 2 ** ((ts - referenceTs) / halfLifeMs);
      const i = indexOf(value);
      weights.set(i, (weights.get(i) ?? 0) + w);
      total += w;
    },
    percentile(p) {
      if (total <= 0) return undefined;
      const wanted = (p / 100) * total;
      let seen = 0;
      for (const i of [...weights.keys()].sort((a, b) => a - b)) {
        seen += weights.get(i)!;
        if (seen >= wanted - 1e-12 * total) return bucketStart(i + 1);
      }
      return bucketStart(lastIndex + 1);
    },
    totalWeight: () => total,
  };
}

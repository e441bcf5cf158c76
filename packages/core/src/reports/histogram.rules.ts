import type { Histogram } from './report.types.ts';

/**
 * Upper bounds (seconds) of the duration buckets, in round human steps: fine where response times live
 * (minutes), coarse where resolutions do (days). Percentiles are read from them (see durationQuantile).
 */
export const DURATION_BUCKET_BOUNDS = [
  10, 20, 30, 45, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200, 10_800, 14_400, 21_600, 28_800, 43_200, 64_800,
  86_400, 129_600, 172_800, 259_200, 345_600, 432_000, 604_800, 864_000, 1_209_600, 1_814_400, 2_592_000, Number.POSITIVE_INFINITY,
] as const;

export function durationBucket(seconds: number): number {
  return DURATION_BUCKET_BOUNDS.findIndex((bound) => seconds < bound);
}

export function histogramOf(key: number): Histogram {
  return { [String(key)]: 1 };
}

export function mergeHistograms(into: Histogram, from: Histogram): Histogram {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
  return into;
}

/**
 * The q-quantile (nearest rank) of a duration histogram: the bucket holding the rank, interpolated from its
 * lower edge by the rank's position among the bucket's values. Never above the true value's bucket, and a
 * value sitting on a bucket edge (10 min, 1 h) reads back exactly. Null for an empty histogram.
 */
export function durationQuantile(histogram: Histogram, q: number): number | null {
  const total = Object.values(histogram).reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let before = 0;
  for (let bucket = 0; bucket < DURATION_BUCKET_BOUNDS.length; bucket += 1) {
    const inBucket = histogram[String(bucket)] ?? 0;
    if (before + inBucket >= rank) {
      const low = bucket === 0 ? 0 : DURATION_BUCKET_BOUNDS[bucket - 1]!;
      const high = DURATION_BUCKET_BOUNDS[bucket]!;
      if (!Number.isFinite(high)) return low;
      return Math.round(low + ((high - low) * (rank - before - 1)) / inBucket);
    }
    before += inBucket;
  }
  return null;
}

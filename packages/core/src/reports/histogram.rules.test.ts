import { describe, expect, it } from 'vitest';
import { durationBucket, durationQuantile, histogramOf, mergeHistograms } from './histogram.rules.ts';

const histogramFrom = (seconds: number[]) => seconds.reduce((histogram, value) => mergeHistograms(histogram, histogramOf(durationBucket(value))), {});

describe('percentiles from the rollup histograms', () => {
  it('a duration on a bucket edge reads back exactly', () => {
    expect(durationQuantile(histogramFrom([600]), 0.5)).toBe(600);
    expect(durationQuantile(histogramFrom([3600]), 0.9)).toBe(3600);
  });

  it('the median and p90 take the nearest rank: 2, 3, 10 and 30 minutes', () => {
    const histogram = histogramFrom([120, 180, 600, 1800]);
    // rank ceil(0.5 × 4) = 2 → 180 s; rank ceil(0.9 × 4) = 4 → 1800 s.
    expect(durationQuantile(histogram, 0.5)).toBe(180);
    expect(durationQuantile(histogram, 0.9)).toBe(1800);
  });

  it('inside a bucket the estimate climbs from its lower edge and never passes the bucket', () => {
    // 650 s, 700 s, 800 s all sit in [600, 900): the ranks 1..3 read 600, 700, 800.
    const histogram = histogramFrom([650, 700, 800]);
    expect(durationQuantile(histogram, 0.34)).toBe(700);
    expect(durationQuantile(histogram, 1)).toBe(800);
  });

  it('nothing counted has no median', () => {
    expect(durationQuantile({}, 0.5)).toBeNull();
  });
});

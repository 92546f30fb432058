import { describe, expect, it } from 'vitest';
import { fixedHistogram } from '../../../core/analysis/eda/histogram.js';

describe('fixed-edge histogram', () => {
  it('counts into [lo, hi) bins of the width plus two open-ended bins, skipping non-finite values', () => {
    const bins = fixedHistogram([-5, -1, -0.5, 0, 0.99, 1, 2, 2.5, NaN, Infinity], -1, 2, 1);
    expect(bins).toEqual([
      { from: null, to: -1, count: 1 },
      { from: -1, to: 0, count: 2 },
      { from: 0, to: 1, count: 2 },
      { from: 1, to: 2, count: 1 },
      { from: 2, to: null, count: 2 },
    ]);
  });

  it('names bad bounds', () => {
    expect(() => fixedHistogram([], 0, 1, 0)).toThrow(/width must be a positive number, got 0/);
    expect(() => fixedHistogram([], 2, 1, 1)).toThrow(/hi must be greater than lo/);
    expect(() => fixedHistogram([], 0, 1, 0.3)).toThrow(/whole number of widths/);
  });
});

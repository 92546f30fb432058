import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../core/analysis/common/random.js';
import { pairedBootstrap } from '../../../../core/analysis/stats/paired-bootstrap.js';

describe('paired bootstrap interval of a mean difference', () => {
  it('identical models: diff 0 and an interval that contains 0', () => {
    const a = [0.1, 0.5, 0.9, 0.3, 0.0, 1.0];
    const r = pairedBootstrap(a, a, { seed: 3 });
    expect(r.diff).toBe(0);
    expect(r.low).toBeLessThanOrEqual(0);
    expect(r.high).toBeGreaterThanOrEqual(0);
    expect(r.resamples).toBe(1000);
  });

  it('a model better on every customer: low > 0; worse on every customer: high < 0', () => {
    const random = createRandom(5);
    const b = Array.from({ length: 200 }, () => random.next());
    const a = b.map((x, i) => x + 0.01 + 0.001 * (i % 7));
    const up = pairedBootstrap(a, b, { seed: 1 });
    expect(up.low).toBeGreaterThan(0);
    expect(up.diff).toBeGreaterThanOrEqual(up.low);
    expect(up.diff).toBeLessThanOrEqual(up.high);
    const down = pairedBootstrap(b, a, { seed: 1 });
    expect(down.high).toBeLessThan(0);
  });

  it('pairs matter: a constant shift on noisy scores is detected only because the pairs are kept', () => {
    const random = createRandom(9);
    const b = Array.from({ length: 300 }, () => random.next());
    const a = b.map((x) => x + 0.002);
    const r = pairedBootstrap(a, b, { seed: 2 });
    expect(r.diff).toBeCloseTo(0.002, 12);
    // Every resampled mean of a constant difference is that constant.
    expect(r.low).toBeCloseTo(0.002, 12);
    expect(r.high).toBeCloseTo(0.002, 12);
  });

  it('a noisy difference around 0 gives an interval containing 0 of about ±1.96 standard errors', () => {
    const random = createRandom(11);
    const n = 2000;
    const d = Array.from({ length: n }, () => (random.next() < 0.5 ? -1 : 1) * random.next());
    const zero = new Array<number>(n).fill(0);
    const r = pairedBootstrap(d, zero, { seed: 4 });
    const mean = d.reduce((s, x) => s + x, 0) / n;
    const se = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) / n);
    expect(r.low).toBeLessThan(mean);
    expect(r.high).toBeGreaterThan(mean);
    expect((r.high - r.low) / (2 * 1.96 * se)).toBeGreaterThan(0.85);
    expect((r.high - r.low) / (2 * 1.96 * se)).toBeLessThan(1.15);
  });

  it('is deterministic for a seed and refuses unpaired, empty or NaN input', () => {
    const random = createRandom(13);
    const a = Array.from({ length: 50 }, () => random.next()), b = Array.from({ length: 50 }, () => random.next());
    expect(pairedBootstrap(a, b, { seed: 7 })).toEqual(pairedBootstrap(a, b, { seed: 7 }));
    expect(pairedBootstrap(a, b, { seed: 7 })).not.toEqual(pairedBootstrap(a, b, { seed: 8 }));
    expect(() => pairedBootstrap([1, 2], [1])).toThrow(RangeError);
    expect(() => pairedBootstrap([], [])).toThrow(RangeError);
    expect(() => pairedBootstrap([NaN], [1])).toThrow(RangeError);
  });
});

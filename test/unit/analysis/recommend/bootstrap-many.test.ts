import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../core/analysis/common/random.js';
import { pairedBootstrapMany } from '../../../../core/analysis/recommend/bootstrap-many.js';
import { pairedBootstrap } from '../../../../core/analysis/stats/paired-bootstrap.js';

// issue #16: recommend-eval bootstraps all its comparisons in one pass; each interval must be the
// one pairedBootstrap gives that pair alone, bit for bit.
describe('pairedBootstrapMany equals pairedBootstrap pair by pair', () => {
  it('for pairs of equal and of different lengths, several seeds and levels', () => {
    const random = createRandom(5);
    const vec = (n: number, p: number) => Float64Array.from({ length: n }, () => (random.next() < p ? random.next() : 0));
    const pairs = [
      { a: vec(300, 0.3), b: vec(300, 0.5) },
      { a: vec(300, 0.9), b: vec(300, 0.1) },
      { a: vec(41, 0.5), b: vec(41, 0.5) },
      { a: vec(300, 0.2), b: vec(300, 0.2) },
      { a: vec(1, 1), b: vec(1, 1) },
    ];
    for (const [seed, level, resamples] of [[1, 0.95, 1000], [7, 0.9, 333], [2, 0.99, 50]] as const) {
      const many = pairedBootstrapMany(pairs, { seed, level, resamples });
      pairs.forEach(({ a, b }, i) => {
        const one = pairedBootstrap(a, b, { seed, level, resamples });
        expect(Object.is(many[i].diff, one.diff) && Object.is(many[i].low, one.low) && Object.is(many[i].high, one.high), `pair ${i}, seed ${seed}`).toBe(true);
        expect(many[i]).toEqual(one);
      });
    }
  });

  it('refuses what pairedBootstrap refuses', () => {
    expect(() => pairedBootstrapMany([{ a: [1, 2], b: [1] }])).toThrow(RangeError);
    expect(() => pairedBootstrapMany([{ a: [], b: [] }])).toThrow(RangeError);
    expect(() => pairedBootstrapMany([{ a: [NaN], b: [0] }])).toThrow(/NaN/);
    expect(pairedBootstrapMany([])).toEqual([]);
  });
});

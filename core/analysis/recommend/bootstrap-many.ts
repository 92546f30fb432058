import { createRandom } from '../common/random.js';
import type { PairedBootstrapResult } from '../stats/paired-bootstrap.js';

/**
 * `pairedBootstrap` (core/analysis/stats/paired-bootstrap.ts) of several (a, b) pairs at once,
 * with the same result for each as a call of its own. Every call with the same seed and the same
 * number of pairs n draws the same indices, so the pairs of equal n share one stream of draws:
 * recommend-eval compares ~8 models with the best baseline on the same customers, and the draws
 * (1,000 × n) were most of the cost (issue #16). Within each pair the resampled sums run over the
 * same indices in the same order, so means, intervals and the observed difference are bit-identical.
 *
 * Each entry: a and b of equal length (≥ 1, no NaN difference); same percentile interval
 * (Efron & Tibshirani 1993, ch. 13; NumPy's linear quantile) as pairedBootstrap.
 */
export function pairedBootstrapMany(pairs: readonly { a: ArrayLike<number>; b: ArrayLike<number> }[], options: { resamples?: number; level?: number; seed?: number } = {}): PairedBootstrapResult[] {
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie in (0, 1), got ${level}`);
  const out: PairedBootstrapResult[] = new Array(pairs.length);
  const byN = new Map<number, number[]>();
  pairs.forEach(({ a, b }, c) => {
    if (b.length !== a.length) throw new RangeError(`a and b must pair up: lengths ${a.length} and ${b.length}`);
    if (a.length === 0) throw new RangeError('a paired bootstrap needs at least one pair');
    (byN.get(a.length) ?? byN.set(a.length, []).get(a.length)!).push(c);
  });
  for (const [n, group] of byN) {
    const C = group.length;
    // Differences interleaved by pair index (d[i·C + c]): one draw reads C neighbours.
    const d = new Float64Array(n * C);
    const sums = new Float64Array(C);
    group.forEach((c, g) => {
      const { a, b } = pairs[c];
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const x = a[i] - b[i];
        if (Number.isNaN(x)) throw new RangeError(`pair ${i} is NaN`);
        d[i * C + g] = x;
        sum += x;
      }
      sums[g] = sum;
    });
    const random = createRandom(seed);
    const means = Array.from({ length: C }, () => new Float64Array(resamples));
    const s = new Float64Array(C);
    for (let r = 0; r < resamples; r++) {
      s.fill(0);
      for (let i = 0; i < n; i++) {
        const at = random.int(n) * C;
        for (let g = 0; g < C; g++) s[g] += d[at + g];
      }
      for (let g = 0; g < C; g++) means[g][r] = s[g] / n;
    }
    group.forEach((c, g) => {
      const m = means[g].sort();
      out[c] = { diff: sums[g] / n, low: quantile(m, (1 - level) / 2), high: quantile(m, (1 + level) / 2), n, resamples };
    });
  }
  return out;
}

/** The q-quantile of sorted `x` by linear interpolation between order statistics (as pairedBootstrap). */
function quantile(x: Float64Array, q: number): number {
  const h = (x.length - 1) * q;
  const lo = Math.floor(h), hi = Math.min(lo + 1, x.length - 1);
  return x[lo] + (h - lo) * (x[hi] - x[lo]);
}

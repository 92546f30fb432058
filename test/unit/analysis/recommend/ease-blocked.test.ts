import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../core/analysis/common/random.js';
import { choleskyInPlace, easeWeights, invertLowerInPlace } from '../../../../core/analysis/recommend/ease.js';
import * as reference from './ease-reference.js';

/** A Gram matrix XᵀX of `rows` random binary rows over n items, plus λ on the diagonal. */
function gram(n: number, rows: number, density: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const g = new Float64Array(n * n);
  for (let u = 0; u < rows; u++) {
    const cols: number[] = [];
    for (let j = 0; j < n; j++) if (random.next() < density) cols.push(j);
    for (const a of cols) for (const b of cols) g[a * n + b]++;
  }
  return g;
}

/** Indices where two arrays differ bit for bit (Object.is: −0 ≠ 0, NaN = NaN). */
function differences(a: Float64Array, b: Float64Array): number[] {
  expect(a.length).toBe(b.length);
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) out.push(i);
  return out;
}

// issue #16: the EASE kernels treat two rows at a time (half the memory traffic); every entry
// must come out of the same operations in the same order as the row-by-row version.
describe('blocked EASE kernels equal the row-by-row reference bit for bit', () => {
  const sizes = [1, 2, 3, 4, 5, 7, 8, 31, 64, 97, 130];
  it.each(sizes)('n = %i: Cholesky, triangular inverse and weights', (n) => {
    for (const [seed, lambda] of [[1, 0.5], [2, 100], [3, 1600]] as const) {
      const g = gram(n, 4 * n + 10, 0.2, seed * 1000 + n);
      const a = Float64Array.from(g), b = Float64Array.from(g);
      for (let i = 0; i < n; i++) { a[i * n + i] += lambda; b[i * n + i] += lambda; }
      choleskyInPlace(a, n);
      reference.choleskyInPlace(b, n);
      expect(differences(a, b)).toEqual([]);
      invertLowerInPlace(a, n);
      reference.invertLowerInPlace(b, n);
      expect(differences(a, b)).toEqual([]);
      expect(differences(easeWeights(g, n, lambda), reference.easeWeights(g, n, lambda))).toEqual([]);
    }
  });

  it('keeps refusing a matrix that is not positive definite', () => {
    const a = Float64Array.from([1, 2, 2, 1]);
    expect(() => choleskyInPlace(a, 2)).toThrow(/not positive definite/);
    const b = Float64Array.from([4, 0, 0, 0, 1, 5, 0, 5, 1]);
    expect(() => choleskyInPlace(b, 3)).toThrow(/pivot 2/);
  });

  it('accepts the old work buffer of length n', () => {
    const n = 9;
    const g = gram(n, 60, 0.3, 7);
    for (let i = 0; i < n; i++) g[i * n + i] += 3;
    const a = Float64Array.from(g), b = Float64Array.from(g);
    choleskyInPlace(a, n); reference.choleskyInPlace(b, n);
    invertLowerInPlace(a, n, new Float64Array(n)); reference.invertLowerInPlace(b, n);
    expect(differences(a, b)).toEqual([]);
  });
});

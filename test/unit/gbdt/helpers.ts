import { createRandom } from '../../../core/analysis/common/random.js';
import type { FeatureMatrix } from '../../../core/analysis/spend/regressor.js';

/** Row-major matrix from rows of numbers (NaN allowed). */
export function matrixOf(rows: number[][], categorical: boolean[] = rows[0].map(() => false)): FeatureMatrix {
  const cols = rows[0].length;
  return { rows: rows.length, cols, values: Float64Array.from(rows.flat()), names: Array.from({ length: cols }, (_, j) => `f${j}`), categorical };
}

/**
 * Seeded regression set: f0 ~ U(0,1), f1 ~ U(−1,1) with 10 % NaN (NaN rows have y shifted +2),
 * f2 a category 0..5 with its own effect; y = sin(3 f0) + f1 + effect + noise·U(−1,1).
 */
export function regressionSet(n: number, seed: number, noise = 0.2): { x: FeatureMatrix; y: Float64Array } {
  const rnd = createRandom(seed);
  const effect = [-1, -0.4, 0, 0.3, 0.9, -0.7];
  const rows: number[][] = [];
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f0 = rnd.next(), f1 = 2 * rnd.next() - 1, f2 = rnd.int(6);
    const miss = rnd.next() < 0.1;
    rows.push([f0, miss ? NaN : f1, f2]);
    y[i] = Math.sin(3 * f0) + (miss ? 2 : f1) + effect[f2] + noise * (2 * rnd.next() - 1);
  }
  return { x: matrixOf(rows, [false, false, true]), y };
}

import { describe, expect, it } from 'vitest';
import { binMatrix, buildHistogram, HistogramPool } from '../../../core/analysis/gbdt/index.js';
import { createRandom } from '../../../core/analysis/common/random.js';
import { matrixOf } from './helpers.js';

/** The readable form of buildHistogram: for each feature, for each row of the slice, in idx order. */
function naive(bins: Uint8Array, rows: number, cols: number, stride: number, idx: Uint32Array, start: number, stop: number, ordered: Float64Array): Float64Array {
  const h = new Float64Array(2 * stride * cols);
  for (let f = 0; f < cols; f++) {
    for (let i = start; i < stop; i++) {
      const e = 2 * (f * stride + bins[f * rows + idx[i]]);
      h[e] += ordered[i - start];
      h[e + 1]++;
    }
  }
  return h;
}

describe('buildHistogram', () => {
  // 1…9 features cover every pass the loop makes: groups of four, a pair, a single one.
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9])('equals the readable per-feature sums bit for bit with %i features, at the root and on a scattered slice', (cols) => {
    const rnd = createRandom(40 + cols);
    const n = 400;
    const rows = Array.from({ length: n }, () => Array.from({ length: cols }, (_, j) => (j % 3 === 2 && rnd.next() < 0.1 ? NaN : rnd.next() * (j + 1))));
    const b = binMatrix(matrixOf(rows), 255, 200_000, 0);
    const stride = 256;
    const pool = new HistogramPool(stride * cols);
    const g = Float64Array.from({ length: n }, () => rnd.next() - 0.5);
    const idx = Uint32Array.from({ length: n }, (_, i) => i);
    const root = pool.take();
    buildHistogram(b, stride, idx, 0, n, g, root);
    expect([...root.sums]).toEqual([...naive(b.bins, n, cols, stride, idx, 0, n, g)]);
    // A node: a shuffled slice of idx with its gradients gathered in that order.
    for (let i = n - 1; i > 0; i--) {
      const k = rnd.int(i + 1);
      [idx[i], idx[k]] = [idx[k], idx[i]];
    }
    const ordered = Float64Array.from(idx.subarray(100, 330), (r) => g[r]);
    const node = pool.take();
    buildHistogram(b, stride, idx, 100, 330, ordered, node);
    expect([...node.sums]).toEqual([...naive(b.bins, n, cols, stride, idx, 100, 330, ordered)]);
  });
});

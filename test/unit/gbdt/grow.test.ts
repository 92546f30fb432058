import { describe, expect, it } from 'vitest';
import { binMatrix, buildHistogram, fitGbdt, HistogramPool, subtractHistogram } from '../../../core/analysis/gbdt/index.js';
import { regressionSet } from './helpers.js';

describe('histograms', () => {
  it('parent − smaller child equals the larger child built from its rows (the subtraction trick)', () => {
    const { x, y } = regressionSet(500, 9);
    const b = binMatrix(x, 255, 200_000, 0);
    const stride = 256;
    const pool = new HistogramPool(stride * b.cols);
    const idx = Uint32Array.from(y.keys());
    const g = Float64Array.from(y, (v) => v - 0.3);
    const parent = pool.take();
    buildHistogram(b, stride, idx, 0, 500, g, parent);
    // Rows with f0 < 0.4 first: a node split in two slices of idx.
    const order = [...idx].sort((p, q) => Number(x.values[p * 3] >= 0.4) - Number(x.values[q * 3] >= 0.4) || p - q);
    idx.set(order);
    const mid = order.findIndex((r) => x.values[r * 3] >= 0.4);
    const ordered = (s: number, e: number) => Float64Array.from(idx.subarray(s, e), (r) => g[r]);
    const small = pool.take(), large = pool.take(), diff = pool.take();
    buildHistogram(b, stride, idx, 0, mid, ordered(0, mid), small);
    buildHistogram(b, stride, idx, mid, 500, ordered(mid, 500), large);
    subtractHistogram(parent, small, diff);
    for (let e = 0; e < diff.sums.length; e++) expect(diff.sums[e]).toBeCloseTo(large.sums[e], 10);
    // Counts of every feature add up to the node's rows.
    let n = 0;
    for (let bin = 0; bin < stride; bin++) n += large.sums[2 * bin + 1];
    expect(n).toBe(500 - mid);
  });
});

describe('tree growth', () => {
  it('keeps to maxLeafNodes, minSamplesLeaf and maxDepth, and leaf rows add up to the training rows', () => {
    const { x, y } = regressionSet(2000, 11);
    for (const opts of [{ maxLeafNodes: 31, minSamplesLeaf: 20 }, { maxLeafNodes: 7, minSamplesLeaf: 100 }, { maxLeafNodes: 31, minSamplesLeaf: 5, maxDepth: 3 }]) {
      const m = fitGbdt(x, y, { maxIter: 5, ...opts });
      for (const t of m.trees) {
        const leaves = [...t.feature.keys()].filter((i) => t.feature[i] < 0);
        expect(leaves.length).toBeLessThanOrEqual(opts.maxLeafNodes);
        expect(leaves.length).toBeGreaterThan(1);
        for (const l of leaves) expect(t.count[l]).toBeGreaterThanOrEqual(opts.minSamplesLeaf);
        expect(leaves.reduce((s, l) => s + t.count[l], 0)).toBe(2000);
        const depth = (node: number): number => (t.feature[node] < 0 ? 0 : 1 + Math.max(depth(t.left[node]), depth(t.right[node])));
        const maxDepth = (opts as { maxDepth?: number }).maxDepth;
        if (maxDepth !== undefined) expect(depth(0)).toBeLessThanOrEqual(maxDepth);
        // Every split's rows are its children's rows.
        t.feature.forEach((f, i) => { if (f >= 0) expect(t.count[t.left[i]] + t.count[t.right[i]]).toBe(t.count[i]); });
      }
    }
  });

  it('grows best-first: fills maxLeafNodes on a rich signal, and no node split later had a larger gain than the one split before it', () => {
    const { x, y } = regressionSet(4000, 12, 0.05);
    const t = fitGbdt(x, y, { maxIter: 1 }).trees[0];
    expect([...t.feature].filter((f) => f < 0).length).toBe(31);
    // Children get ids when their parent is split, so internal nodes ordered by left-child id are in split order.
    const internal = [...t.feature.keys()].filter((i) => t.feature[i] >= 0).sort((a, b) => t.left[a] - t.left[b]);
    for (const s of internal) {
      // Open at that moment: created before this split, split after it.
      const open = internal.filter((o) => o < t.left[s] && t.left[o] > t.left[s]);
      for (const o of open) expect(t.gain[o]).toBeLessThanOrEqual(t.gain[s]);
    }
    expect(internal.some((s) => internal.some((o) => o < t.left[s] && t.left[o] > t.left[s]))).toBe(true);
  });
});

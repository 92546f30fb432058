import { describe, expect, it } from 'vitest';
import { createRandom, sampleIndices } from '../../../../core/analysis/common/random.js';
import { compactLabels } from '../../../../core/analysis/segment/validity/labels.js';
import { silhouette } from '../../../../core/analysis/segment/validity/silhouette.js';
import { silhouetteSweep } from '../../../../core/analysis/segment/validity/silhouette-sweep.js';

/**
 * The pass over pairs that silhouetteSweep replaced (each pair once, both rows' sums updated,
 * sums of all rows kept): the row-by-row version must give the same scores to the last bit.
 */
function pairPass(data: Float64Array, n: number, d: number, labelings: readonly ArrayLike<number>[], sampleSize: number | null, seed: number): number[] {
  let rows: Int32Array | null = null;
  let m = n;
  if (sampleSize !== null && n > sampleSize) {
    rows = sampleIndices(createRandom(seed), n, sampleSize);
    m = sampleSize;
  }
  const sub = rows === null ? data : new Float64Array(m * d);
  if (rows !== null) for (let s = 0; s < m; s++) sub.set(data.subarray(rows[s] * d, rows[s] * d + d), s * d);
  const ids: Int32Array[] = [], ks: number[] = [], offsets: number[] = [];
  let width = 0;
  for (const labels of labelings) {
    const c = compactLabels(rows === null ? labels : Array.from(rows, (r) => labels[r]), m, m - 1);
    ids.push(c.ids);
    ks.push(c.k);
    offsets.push(width);
    width += c.k;
  }
  const sums = new Float64Array(m * width);
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      let s = 0;
      for (let q = 0; q < d; q++) { const e = sub[i * d + q] - sub[j * d + q]; s += e * e; }
      const dist = Math.sqrt(s);
      for (let l = 0; l < labelings.length; l++) {
        sums[i * width + offsets[l] + ids[l][j]] += dist;
        sums[j * width + offsets[l] + ids[l][i]] += dist;
      }
    }
  }
  return labelings.map((_, l) => {
    const k = ks[l], o = offsets[l], ll = ids[l];
    const sizes = new Float64Array(k);
    for (let i = 0; i < m; i++) sizes[ll[i]]++;
    let total = 0;
    for (let i = 0; i < m; i++) {
      const ci = ll[i];
      if (sizes[ci] < 2) continue;
      const a = sums[i * width + o + ci] / (sizes[ci] - 1);
      let b = Infinity;
      for (let c = 0; c < k; c++) if (c !== ci) b = Math.min(b, sums[i * width + o + c] / sizes[c]);
      total += (b - a) / Math.max(a, b);
    }
    return total / m;
  });
}

/** Points around a few centres with a wide spread of scales (rounding differs with summation order). */
function points(seed: number, n: number, d: number): Float64Array {
  const r = createRandom(seed);
  return Float64Array.from({ length: n * d }, (_, i) => (Math.floor(i / d) % 3) * 2.5 + r.next() * 10 ** Math.floor(r.next() * 4 - 2));
}

/** Labelings of a k-sweep: k = 2…kMax, each a mix of the true groups and noise; one with a singleton cluster. */
function sweep(seed: number, n: number, kMax: number): Int32Array[] {
  const r = createRandom(seed);
  const out: Int32Array[] = [];
  for (let k = 2; k <= kMax; k++) out.push(Int32Array.from({ length: n }, (_, i) => (r.next() < 0.7 ? i % k : Math.floor(r.next() * k))));
  const single = Int32Array.from({ length: n }, (_, i) => (i === 5 ? 9 : i % 2));
  out.push(single);
  return out;
}

describe('silhouetteSweep (row by row) gives the pair pass’s scores bit for bit', () => {
  for (const [n, d, kMax, sample] of [[311, 7, 12, null], [250, 60, 20, null], [403, 5, 6, 150], [97, 1, 9, null]] as const) {
    it(`${n}×${d}, k = 2…${kMax}${sample ? `, sample ${sample}` : ''}`, () => {
      const data = points(n + d, n, d);
      const labelings = sweep(kMax, n, kMax);
      const got = silhouetteSweep(data, n, d, labelings, sample, 4);
      expect(got).toEqual(pairPass(data, n, d, labelings, sample, 4));
      // …and each is the one-labeling silhouette (up to its own summation: 1e-12).
      labelings.forEach((labels, l) => expect(Math.abs(got[l] - silhouette(data, n, d, labels, { sampleSize: sample, seed: 4 }))).toBeLessThan(1e-12));
    });
  }
  it('calls onRow once per scored row', () => {
    let rows = 0;
    silhouetteSweep(points(1, 40, 3), 40, 3, sweep(1, 40, 4), 30, 0, () => rows++);
    expect(rows).toBe(30);
  });
});

import { createRandom, sampleIndices } from '../../common/random.js';
import { compactLabels } from './labels.js';

/**
 * Mean silhouette widths of several labelings of the same points (a k-sweep), measuring each
 * pair distance once for all of them: O(n²·(d + L)) instead of O(n²·d·L). Each value equals
 * `silhouette(data, n, d, labels[l], { sampleSize, seed })` (same sample for every labeling:
 * sampleIndices(createRandom(seed), n, sampleSize) when n > sampleSize).
 */
export function silhouetteSweep(data: Float64Array, n: number, d: number, labelings: readonly ArrayLike<number>[], sampleSize: number | null = null, seed = 0, onRow?: () => void): number[] {
  let rows: Int32Array | null = null;
  let m = n;
  if (sampleSize !== null && n > sampleSize) {
    rows = sampleIndices(createRandom(seed), n, sampleSize);
    m = sampleSize;
  }
  const sub = rows === null ? data : new Float64Array(m * d);
  if (rows !== null) for (let s = 0; s < m; s++) sub.set(data.subarray(rows[s] * d, rows[s] * d + d), s * d);
  const L = labelings.length;
  const ids: Int32Array[] = [];
  const ks: number[] = [];
  const offsets: number[] = [];
  let width = 0;
  for (const labels of labelings) {
    const picked = rows === null ? labels : Array.from(rows, (r) => labels[r]);
    const c = compactLabels(picked, m, m - 1);
    ids.push(c.ids);
    ks.push(c.k);
    offsets.push(width);
    width += c.k;
  }
  // sums[i·width + offsets[l] + c] = Σ_{j in cluster c of labeling l} ‖x_i − x_j‖
  const sums = new Float64Array(m * width);
  for (let i = 0; i < m; i++) {
    const oi = i * d;
    for (let j = i + 1; j < m; j++) {
      let s = 0;
      const oj = j * d;
      for (let q = 0; q < d; q++) {
        const e = sub[oi + q] - sub[oj + q];
        s += e * e;
      }
      const dist = Math.sqrt(s);
      const ri = i * width, rj = j * width;
      for (let l = 0; l < L; l++) {
        const ll = ids[l], o = offsets[l];
        sums[ri + o + ll[j]] += dist;
        sums[rj + o + ll[i]] += dist;
      }
    }
    onRow?.();
  }
  const out: number[] = [];
  for (let l = 0; l < L; l++) {
    const k = ks[l], o = offsets[l], ll = ids[l];
    const sizes = new Float64Array(k);
    for (let i = 0; i < m; i++) sizes[ll[i]]++;
    let total = 0;
    for (let i = 0; i < m; i++) {
      const ci = ll[i];
      if (sizes[ci] < 2) continue;
      const base = i * width + o;
      const a = sums[base + ci] / (sizes[ci] - 1);
      let b = Infinity;
      for (let c = 0; c < k; c++) if (c !== ci) b = Math.min(b, sums[base + c] / sizes[c]);
      total += (b - a) / Math.max(a, b);
    }
    out.push(total / m);
  }
  return out;
}

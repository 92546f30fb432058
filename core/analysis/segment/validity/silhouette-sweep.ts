import { createRandom, sampleIndices } from '../../common/random.js';
import { compactLabels } from './labels.js';

/**
 * Mean silhouette widths of several labelings of the same points (a k-sweep), measuring each
 * distance once for all of them: O(n²·(d + L)) instead of O(n²·d·L). Each value equals
 * `silhouette(data, n, d, labels[l], { sampleSize, seed })` (same sample for every labeling:
 * sampleIndices(createRandom(seed), n, sampleSize) when n > sampleSize).
 *
 * Row by row: the distances from row i to every other row (four at a time, each summed over the
 * columns in order, so every value is the one a pair-at-a-time loop gives), then for each labeling
 * the per-cluster sums of row i, in ascending j — the order in which a pass over the pairs (i < j,
 * both rows' sums updated) adds them, so the scores are the same to the last bit. Each distance is
 * computed twice (from both ends), but the sums stay in one small row (width values) instead of
 * being scattered over n rows of sums, and two labelings share a pass over j (two independent
 * chains of additions): 1.1 s of CPU against 1.4–1.9 s for one 3,420 × 60 stratum of the full demo
 * with 19 labelings (docs/decisions/0007, "stop 20"), and O(n + width) memory instead of O(n·width).
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
  const sizes: Float64Array[] = [];
  let width = 0;
  for (const labels of labelings) {
    const picked = rows === null ? labels : Array.from(rows, (r) => labels[r]);
    const c = compactLabels(picked, m, m - 1);
    ids.push(c.ids);
    ks.push(c.k);
    offsets.push(width);
    width += c.k;
    const size = new Float64Array(c.k);
    for (let i = 0; i < m; i++) size[c.ids[i]]++;
    sizes.push(size);
  }
  const totals = new Float64Array(L);
  // sums[offsets[l] + c] = Σ_{j in cluster c of labeling l, j ≠ i} ‖x_i − x_j‖, for the current row i.
  const sums = new Float64Array(width);
  const dist = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    rowDistances(sub, m, d, i, dist);
    sums.fill(0);
    // Two labelings per pass: their sums are distinct, so the two chains of additions overlap.
    let l = 0;
    for (; l + 2 <= L; l += 2) {
      const la = ids[l], oa = offsets[l], lb = ids[l + 1], ob = offsets[l + 1];
      for (let j = 0; j < i; j++) { const v = dist[j]; sums[oa + la[j]] += v; sums[ob + lb[j]] += v; }
      for (let j = i + 1; j < m; j++) { const v = dist[j]; sums[oa + la[j]] += v; sums[ob + lb[j]] += v; }
    }
    if (l < L) {
      const ll = ids[l], o = offsets[l];
      for (let j = 0; j < i; j++) sums[o + ll[j]] += dist[j];
      for (let j = i + 1; j < m; j++) sums[o + ll[j]] += dist[j];
    }
    for (let l = 0; l < L; l++) {
      const k = ks[l], o = offsets[l], ci = ids[l][i], size = sizes[l];
      if (size[ci] < 2) continue;
      const a = sums[o + ci] / (size[ci] - 1);
      let b = Infinity;
      for (let c = 0; c < k; c++) if (c !== ci) b = Math.min(b, sums[o + c] / size[c]);
      totals[l] += (b - a) / Math.max(a, b);
    }
    onRow?.();
  }
  return Array.from(totals, (t) => t / m);
}

/**
 * out[j] = ‖x_i − x_j‖ for every j (out[i] is left alone), each as Σ_q (x_iq − x_jq)² in column
 * order then the square root — the very operations of a one-pair loop ((a − b)² = (b − a)²
 * exactly) — four rows j at a time so the four sums run side by side.
 */
function rowDistances(x: Float64Array, m: number, d: number, i: number, out: Float64Array): void {
  const oi = i * d;
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const o0 = j * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let q = 0; q < d; q++) {
      const v = x[oi + q];
      const e0 = v - x[o0 + q], e1 = v - x[o1 + q], e2 = v - x[o2 + q], e3 = v - x[o3 + q];
      s0 += e0 * e0; s1 += e1 * e1; s2 += e2 * e2; s3 += e3 * e3;
    }
    out[j] = Math.sqrt(s0); out[j + 1] = Math.sqrt(s1); out[j + 2] = Math.sqrt(s2); out[j + 3] = Math.sqrt(s3);
  }
  for (; j < m; j++) {
    const oj = j * d;
    let s = 0;
    for (let q = 0; q < d; q++) { const e = x[oi + q] - x[oj + q]; s += e * e; }
    out[j] = Math.sqrt(s);
  }
}

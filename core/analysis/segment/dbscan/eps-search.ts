import { dotBlock, normErr, rowNorms } from '../kmeans/blocked.js';
import { checkMatrix, checkMinSamples } from './checks.js';
import { sqDistWithin } from './distance.js';

export interface EpsForNoiseShareOptions {
  /** DBSCAN's minSamples (the point itself counted). */
  minSamples?: number;
  /** Wanted share of noise points, in [0, 1]. */
  targetNoise?: number;
}

export const epsForNoiseShareDefaults = { minSamples: 30, targetNoise: 0.05 } as const;

export interface EpsForNoiseShareResult {
  /** The smallest eps at which the noise share is the one closest to the target. */
  eps: number;
  /** The share of noise points DBSCAN(eps, minSamples) leaves. */
  noiseShare: number;
  /** That many points. */
  noise: number;
  /** 1 for each point DBSCAN(eps, minSamples) labels noise (reach > eps): no DBSCAN run needed to know them. */
  isNoise: Uint8Array;
}

/**
 * The DBSCAN eps whose noise share is closest to `targetNoise` (ties: the smaller eps), exactly.
 *
 * With core²(j) the squared distance from j to its minSamples-th nearest point (itself first), j is
 * core at eps iff core(j) ≤ eps, and i is not noise iff some core j (possibly i) lies within eps:
 * reach(i) = min_j max(core(j), ‖x_i − x_j‖) ≤ eps. So noise(eps) = |{i : reach(i) > eps}|, a step
 * function non-increasing in eps whose steps are the sorted reach values: instead of bisecting eps
 * with a DBSCAN count at each probe, we read every candidate's exact noise count off the sorted
 * reaches. Since reach(i) ≤ core(i) (j = i), only i's own minSamples nearest rows can attain the
 * minimum: reach needs no second pass over the data.
 *
 * The k-nearest-neighbour pass is blocked brute force over row pairs (`nearest`), which beat the
 * pivot index's outward search (pivot-index.ts; in 60 dimensions its pivots prune little: 30k × 60
 * uniform, 93 s CPU for the core distances alone, now ~11 s for everything). All distances the
 * result depends on are the direct sums of `sqDistWithin`, as dbscan computes them, so the
 * returned eps admits exactly the counted points. Memory O(n·(d + minSamples)).
 */
export function epsForNoiseShare(data: Float64Array, n: number, d: number, options: EpsForNoiseShareOptions = {}): EpsForNoiseShareResult {
  const { minSamples, targetNoise } = { ...epsForNoiseShareDefaults, ...options };
  checkMatrix(data, n, d);
  checkMinSamples(minSamples);
  if (minSamples > n) throw new RangeError(`minSamples must be at most n = ${n}, got ${minSamples}`);
  if (!(targetNoise >= 0 && targetNoise <= 1)) throw new RangeError(`targetNoise must be in [0, 1], got ${targetNoise}`);
  const reach2 = reachDistances2(data, n, d, minSamples);
  const sorted = reach2.slice().sort();
  // eps = sorted[k] leaves the points with reach² > sorted[k] as noise.
  const target = targetNoise * n;
  let bestK = n - 1, bestNoise = 0;
  for (let k = n - 1; k >= 0; k--) {
    if (k < n - 1 && sorted[k] === sorted[k + 1]) continue;
    const noise = n - 1 - k;
    if (Math.abs(noise - target) <= Math.abs(bestNoise - target)) { bestK = k; bestNoise = noise; }
  }
  let eps = Math.sqrt(sorted[bestK]);
  // dbscan compares squared distances with eps·eps: make sure that product still admits sorted[bestK].
  while (eps * eps < sorted[bestK]) eps = nextUp(eps);
  const isNoise = new Uint8Array(n);
  for (let i = 0; i < n; i++) isNoise[i] = reach2[i] > sorted[bestK] ? 1 : 0;
  return { eps, noiseShare: bestNoise / n, noise: bestNoise, isNoise };
}

/**
 * reach²(i) = min_j max(core²(j), ‖x_i − x_j‖²) for every row, with core²(i) the squared distance
 * to the minSamples-th nearest row (itself included), all from direct `sqDistWithin` sums.
 */
function reachDistances2(data: Float64Array, n: number, d: number, minSamples: number): Float64Array {
  const { index, dist } = nearest(data, n, d, minSamples);
  const m = minSamples;
  const core2 = new Float64Array(n);
  for (let i = 0; i < n; i++) core2[i] = dist[i * m]; // the max-heap's root
  const reach = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Every j that can attain the minimum has ‖x_i − x_j‖² ≤ reach²(i) ≤ core²(i). Those strictly
    // nearer than core(i) are all among i's minSamples nearest; one at exactly core(i) that is
    // not gives max(core²(j), core²(i)) ≥ core²(i), no better than j = i.
    let best = core2[i];
    for (let t = 0; t < m; t++) {
      const j = index[i * m + t], s = dist[i * m + t];
      const r = s > core2[j] ? s : core2[j];
      if (r < best) best = r;
    }
    reach[i] = best;
  }
  return reach;
}

/** Rows per tile of the blocked pass (a multiple of the 3-row register block). */
const TILE = 96;
/** Tile pairs this close in pivot order are always computed first, to fill the heaps with near rows. */
const BAND = 2;

/**
 * For every row i its minSamples nearest rows (itself included; among rows at the same distance,
 * any) as a max-heap of their exact direct squared distances (`sqDistWithin`):
 * index/dist[i·minSamples + t], the root t = 0 being core²(i).
 *
 * One pass over the row pairs in tiles of 96 × 96 (each pair once: both rows' heaps take it),
 * screened by the norm expansion ‖a‖² + ‖b‖² − 2 a·b on column-centred data (blocked.ts, as
 * scikit-learn's euclidean_distances). The expansion is off the direct sum by at most
 * E = normErr(d)·(‖x_i‖² + ‖x_j‖²), so a pair whose expanded value minus E is not below a heap's
 * root cannot enter that heap; the others (few: near rows, and near-ties) are summed directly.
 *
 * Rows are tiled in order of their distance r to a pivot (the row farthest from the mean), and
 * neighbouring tiles go first; a later tile pair is skipped when r proves every pair farther apart
 * than both tiles' heap roots (|r_i − r_j| ≤ ‖x_i − x_j‖), which prunes much of the pass in few
 * dimensions or on separated clusters, and nothing on uniform noise in 60.
 */
function nearest(data: Float64Array, n: number, d: number, minSamples: number) {
  const width = minSamples;
  // Centred copy: distances are unchanged, the norms (and the expansion's rounding) smaller.
  const centred = new Float64Array(n * d);
  for (let q = 0; q < d; q++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * d + q];
    mean /= n;
    for (let i = 0; i < n; i++) centred[i * d + q] = data[i * d + q] - mean;
  }
  const rowNorm = rowNorms(centred, n, d);
  let pivot = 0, maxNorm = 0;
  for (let i = 0; i < n; i++) if (rowNorm[i] > maxNorm) { maxNorm = rowNorm[i]; pivot = i; }
  const errScale = normErr(d);
  const errMax = 2 * errScale * maxNorm;
  const rOf = new Float64Array(n);
  let maxR = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let q = 0; q < d; q++) { const t = centred[i * d + q] - centred[pivot * d + q]; s += t * t; }
    rOf[i] = Math.sqrt(s);
    if (rOf[i] > maxR) maxR = rOf[i];
  }
  const tol = 1e-9 * (maxR + 1e-300);
  // Everything below is by position in r order; order[pos] is the row.
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => rOf[a] - rOf[b] || a - b);
  const x = new Float64Array(n * d), norms = new Float64Array(n), err = new Float64Array(n), r = new Float64Array(n);
  for (let pos = 0; pos < n; pos++) {
    const i = order[pos];
    x.set(centred.subarray(i * d, i * d + d), pos * d);
    norms[pos] = rowNorm[i];
    err[pos] = errScale * rowNorm[i];
    r[pos] = rOf[i];
  }

  // Max-heaps by position, of exact squared distances; entries are rows (not positions).
  const heapVal = new Float64Array(n * width), heapIdx = new Int32Array(n * width), size = new Int32Array(n);
  // top[pos]: the heap's root once full (only smaller values enter), Infinity before.
  const top = new Float64Array(n).fill(Infinity);
  const push = (i: number, v: number, j: number): void => {
    const o = i * width;
    let at = size[i];
    if (at < width) {
      size[i] = at + 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (heapVal[o + parent] >= v) break;
        heapVal[o + at] = heapVal[o + parent];
        heapIdx[o + at] = heapIdx[o + parent];
        at = parent;
      }
      heapVal[o + at] = v;
      heapIdx[o + at] = j;
      if (size[i] === width) top[i] = heapVal[o];
      return;
    }
    // Replace the root and sift down.
    at = 0;
    for (;;) {
      let c = 2 * at + 1;
      if (c >= width) break;
      if (c + 1 < width && heapVal[o + c + 1] > heapVal[o + c]) c++;
      if (heapVal[o + c] <= v) break;
      heapVal[o + at] = heapVal[o + c];
      heapIdx[o + at] = heapIdx[o + c];
      at = c;
    }
    heapVal[o + at] = v;
    heapIdx[o + at] = j;
    top[i] = heapVal[o];
  };
  for (let pos = 0; pos < n; pos++) push(pos, 0, order[pos]);

  const positions = Int32Array.from({ length: n }, (_, i) => i);
  const dots = new Float64Array(TILE * TILE);
  const pair = (i0: number, j0: number): void => {
    const iLen = Math.min(TILE, n - i0), jLen = Math.min(TILE, n - j0);
    dotBlock(x, positions, i0, iLen, d, x.subarray(j0 * d, (j0 + jLen) * d), jLen, dots);
    for (let a = 0; a < iLen; a++) {
      const i = i0 + a, ni = norms[i], ei = err[i], o = a * jLen;
      for (let c = j0 === i0 ? a + 1 : 0; c < jLen; c++) {
        const j = j0 + c;
        const low = ni + norms[j] - 2 * dots[o + c] - ei - err[j]; // ≤ the direct sum
        const ti = top[i], tj = top[j];
        if (low >= ti && low >= tj) continue;
        const s = sqDistWithin(data, order[i], order[j], d, ti > tj ? ti : tj);
        if (s < ti) push(i, s, order[j]);
        if (s < tj) push(j, s, order[i]);
      }
    }
  };
  const maxTop = (t0: number): number => {
    let m = 0;
    for (let t = t0, end = Math.min(n, t0 + TILE); t < end; t++) if (top[t] > m) m = top[t];
    return m;
  };
  for (let i0 = 0; i0 < n; i0 += TILE) {
    for (let j0 = i0; j0 < n && j0 <= i0 + BAND * TILE; j0 += TILE) pair(i0, j0);
  }
  for (let i0 = 0; i0 < n; i0 += TILE) {
    const iEnd = Math.min(n, i0 + TILE);
    const topI = maxTop(i0); // roots only decrease meanwhile: a safe bound for the whole row of tiles
    for (let j0 = i0 + (BAND + 1) * TILE; j0 < n; j0 += TILE) {
      const gap = r[j0] - r[iEnd - 1] - 2 * tol;
      if (gap > 0) {
        const low = gap * gap - errMax; // no direct squared distance of the tile pair is below this
        if (low >= topI && low >= maxTop(j0)) continue;
      }
      pair(i0, j0);
    }
  }

  // By row.
  const index = new Int32Array(n * width), dist = new Float64Array(n * width);
  for (let pos = 0; pos < n; pos++) {
    const i = order[pos];
    index.set(heapIdx.subarray(pos * width, pos * width + width), i * width);
    dist.set(heapVal.subarray(pos * width, pos * width + width), i * width);
  }
  return { index, dist };
}

function nextUp(x: number): number {
  const f = new Float64Array([x]);
  const u = new BigUint64Array(f.buffer);
  u[0] += 1n;
  return f[0];
}

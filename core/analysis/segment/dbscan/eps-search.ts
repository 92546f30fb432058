import { dotBlock, normErr, rowNorms } from '../kmeans/blocked.js';
import { checkMatrix, checkMinSamples } from './checks.js';
import { sqDistWithin } from './distance.js';
import { pca } from '../pca.js';
import { buildTiles, tileGap } from './tiles.js';

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
 * uniform, 93 s CPU for the core distances alone), with every pair screened on partial distances
 * over the principal axes before it is summed (full demo: 17 s → ~10 s of CPU; docs/decisions/0007,
 * "stop 20"). All distances the result depends on are the direct sums of `sqDistWithin`, as dbscan
 * computes them, so the returned eps admits exactly the counted points. Memory O(n·(d + minSamples)).
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
/** Leading principal components in the blocked first screen (measured on the full demo: 12–24 are alike). */
const LEAD = 16;
/** Rotated dimensions added between two checks of the second screen. */
const STEP = 4;

/**
 * For every row i its minSamples nearest rows (itself included; among rows at the same distance,
 * any) as a max-heap of their exact direct squared distances (`sqDistWithin`):
 * index/dist[i·minSamples + t], the root t = 0 being core²(i).
 *
 * A pair (i, j) matters only if its squared distance is below the root of i's heap or j's. The
 * rows are rotated onto their principal axes (an orthogonal map: distances unchanged up to
 * rounding), and the distance is built up over the axes, largest variance first, while it may
 * still matter: (1) over the LEAD leading axes for a whole tile pair at once, blocked through the
 * norm expansion ‖a‖² + ‖b‖² − 2 a·b (blocked.ts; off by at most normErr·(‖a‖² + ‖b‖²)); (2) for
 * the pairs left, axis by axis (STEP at a time) over the rest. A partial sum of squares is a lower
 * bound of the whole; once it, less its error bound (`slack`), reaches both roots, the pair is
 * dropped. On the full demo (60 categories, 16 axes hold 93 % of the variance) most pairs go at
 * step 1, in about a quarter of the multiply-adds of a full dot product. The pairs left are summed
 * directly on the data as given (`sqDistWithin`), as dbscan does: the heaps hold those values.
 *
 * Tiles are k-d tree leaves of at most 96 near rows on the leading axes (tiles.ts). Each tile is
 * first paired with itself, then the tile pairs go in order of their gap (the least distance
 * their bounding balls allow), nearest first, so the heaps fill with near rows early; a tile pair
 * whose gap² exceeds the largest root of both tiles is skipped, and once the gap exceeds every root,
 * the pass stops. Dropping never loses a pair that could enter a heap, so the heaps hold the same
 * distances as a pass over all pairs (the order only decides which of several rows at exactly the
 * minSamples-th distance is kept, which changes no reach value: see reachDistances2).
 */
function nearest(data: Float64Array, n: number, d: number, minSamples: number) {
  const width = minSamples;
  const { rotated, slack: rotSlack } = principalAxes(data, n, d);
  const lead = Math.min(LEAD, d);
  const rowNorm = rowNorms(rotated, n, d);
  let maxNorm = 0;
  for (let i = 0; i < n; i++) if (rowNorm[i] > maxNorm) maxNorm = rowNorm[i];
  // Every rotated squared distance is within slack(i) + slack(j) of the direct sum on the data,
  // slack(i) = slackScale·‖x_i − mean‖²: the rotation's rounding moves a row by at most
  // d·γ_d·‖x − mean‖ (≤ 4e-13·‖x − mean‖ at d = 60), which changes a squared distance by at most
  // 4·d·γ_d·(‖x_i‖² + ‖x_j‖²) (the 8·d²·2⁻⁵³ term, doubled); the expansion and the sums round by
  // less than normErr(d) of the same; the rotation's departure from orthogonality is rotSlack;
  // and 1e-11 to spare.
  const slackScale = 1e-11 + 8 * d * d * 2 ** -53 + normErr(d) + rotSlack;
  const errMax = 2 * slackScale * maxNorm;
  const tol = 1e-9 * (Math.sqrt(maxNorm) + 1e-300);
  const leadRows = new Float64Array(n * lead);
  for (let i = 0; i < n; i++) leadRows.set(rotated.subarray(i * d, i * d + lead), i * lead);
  const tiles = buildTiles(leadRows, n, lead, TILE);
  const { order, start, count } = tiles;
  // Everything below is by position in tile order; order[pos] is the row.
  const x = new Float64Array(n * d), xl = new Float64Array(n * lead), leadNorm = new Float64Array(n), slack = new Float64Array(n);
  for (let pos = 0; pos < n; pos++) {
    const i = order[pos];
    x.set(rotated.subarray(i * d, i * d + d), pos * d);
    xl.set(leadRows.subarray(i * lead, i * lead + lead), pos * lead);
    slack[pos] = slackScale * rowNorm[i];
  }
  rowNorms(xl, n, lead, leadNorm);

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
  const pair = (a: number, b: number): void => {
    const i0 = start[a], iLen = start[a + 1] - i0, j0 = start[b], jLen = start[b + 1] - j0;
    dotBlock(xl, positions, i0, iLen, lead, xl.subarray(j0 * lead, (j0 + jLen) * lead), jLen, dots);
    // Bounds over tile b, taken once: its largest root and slack (roots only shrink meanwhile).
    let topB = 0, slackB = 0;
    for (let j = j0; j < j0 + jLen; j++) {
      if (top[j] > topB) topB = top[j];
      if (slack[j] > slackB) slackB = slack[j];
    }
    for (let p = 0; p < iLen; p++) {
      const i = i0 + p, ni = leadNorm[i], si = slack[i], o = p * jLen, oi = i * d;
      // Most pairs stop here: ‖a‖² − 2a·b at or past this row's threshold, with tile b's bounds.
      const ti0 = top[i], first = (ti0 > topB ? ti0 : topB) + si + slackB - ni;
      for (let c = a === b ? p + 1 : 0; c < jLen; c++) {
        if (leadNorm[j0 + c] - 2 * dots[o + c] >= first) continue;
        const j = j0 + c;
        const ti = top[i], tj = top[j], limit = (ti > tj ? ti : tj) + si + slack[j];
        // A lower bound of the rotated squared distance over the leading axes, then more axes.
        let acc = ni + leadNorm[j] - 2 * dots[o + c];
        if (acc >= limit) continue;
        const oj = j * d;
        let q = lead;
        for (; q + STEP <= d; q += STEP) {
          const e0 = x[oi + q] - x[oj + q], e1 = x[oi + q + 1] - x[oj + q + 1], e2 = x[oi + q + 2] - x[oj + q + 2], e3 = x[oi + q + 3] - x[oj + q + 3];
          acc += e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
          if (acc >= limit) break;
        }
        if (acc >= limit) continue;
        for (; q < d; q++) { const e = x[oi + q] - x[oj + q]; acc += e * e; }
        if (acc >= limit) continue;
        const s = sqDistWithin(data, order[i], order[j], d, ti > tj ? ti : tj);
        if (s < ti) push(i, s, order[j]);
        if (s < tj) push(j, s, order[i]);
      }
    }
  };
  const maxTop = (t: number): number => {
    let m = 0;
    for (let p = start[t], end = start[t + 1]; p < end; p++) if (top[p] > m) m = top[p];
    return m;
  };
  for (let t = 0; t < count; t++) pair(t, t);
  // The other tile pairs by gap, nearest first (ties: by tile numbers, for a fixed order).
  const pairs = count * (count - 1) / 2;
  const gapOf = new Float64Array(pairs), firstOf = new Int32Array(pairs), secondOf = new Int32Array(pairs);
  for (let a = 0, at = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++, at++) { gapOf[at] = tileGap(tiles, lead, a, b) - 4 * tol; firstOf[at] = a; secondOf[at] = b; }
  }
  const byGap = Int32Array.from({ length: pairs }, (_, i) => i).sort((u, v) => gapOf[u] - gapOf[v] || u - v);
  let globalTop = Infinity;
  for (let at = 0; at < pairs; at++) {
    const u = byGap[at], gap = gapOf[u], a = firstOf[u], b = secondOf[u];
    if (gap > 0) {
      // No direct squared distance of the tile pair is below this.
      const low = gap * gap * (1 - 1e-9) - errMax;
      if ((at & 255) === 0) { globalTop = 0; for (let p = 0; p < n; p++) if (top[p] > globalTop) globalTop = top[p]; }
      if (low >= globalTop) break; // and so for every later pair: gaps only grow, roots only shrink
      if (low >= maxTop(a) && low >= maxTop(b)) continue;
    }
    pair(a, b);
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

/**
 * The rows, centred, in the coordinates of their principal axes (largest variance first: pca.ts,
 * all d components), and `slack`, a relative bound on how far the rotation is from preserving
 * squared lengths: d·max|QQᵀ − I| plus a margin. A rotation that is not one to 1e-6 (never seen)
 * is replaced by the identity (the centred rows as they are), which is always safe; so is a
 * matrix with no more rows than columns.
 */
function principalAxes(data: Float64Array, n: number, d: number): { rotated: Float64Array; slack: number } {
  const centred = (): Float64Array => {
    const out = new Float64Array(n * d);
    for (let q = 0; q < d; q++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += data[i * d + q];
      mean /= n;
      for (let i = 0; i < n; i++) out[i * d + q] = data[i * d + q] - mean;
    }
    return out;
  };
  // A full rotation needs d components, which n ≤ d rows cannot give (level-2 pivots of small data).
  if (n <= d || d < 2) return { rotated: centred(), slack: 0 };
  const { scores, components } = pca(data, n, d, { components: d });
  let dev = 0;
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      let s = 0;
      for (let q = 0; q < d; q++) s += components[a * d + q] * components[b * d + q];
      dev = Math.max(dev, Math.abs(s - (a === b ? 1 : 0)));
    }
  }
  if (!(dev * d < 1e-6) || !scores.every(Number.isFinite)) return { rotated: centred(), slack: 0 };
  return { rotated: scores, slack: 2 * d * dev + 1e-12 };
}

function nextUp(x: number): number {
  const f = new Float64Array([x]);
  const u = new BigUint64Array(f.buffer);
  u[0] += 1n;
  return f[0];
}

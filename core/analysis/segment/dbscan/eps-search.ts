import { checkMatrix, checkMinSamples } from './checks.js';
import { sqDistWithin } from './distance.js';
import { buildPivotIndex, mayBeWithin } from './pivot-index.js';
import type { PivotIndex } from './pivot-index.js';

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
}

/**
 * The DBSCAN eps whose noise share is closest to `targetNoise` (ties: the smaller eps), exactly.
 *
 * With core²(j) the squared distance from j to its minSamples-th nearest point (itself first), j is
 * core at eps iff core(j) ≤ eps, and i is not noise iff some core j (possibly i) lies within eps:
 * reach(i) = min_j max(core(j), ‖x_i − x_j‖) ≤ eps. So noise(eps) = |{i : reach(i) > eps}|, a step
 * function non-increasing in eps whose steps are the sorted reach values: instead of bisecting eps
 * with a DBSCAN count at each probe, we read every candidate's exact noise count off the sorted
 * reaches. Cost: two passes of O(n²d) worst case, pruned by the exact pivot index (pivot-index.ts),
 * partial distances and, for reach, skipping j with core(j) ≥ the best so far; memory O(n·d).
 */
export function epsForNoiseShare(data: Float64Array, n: number, d: number, options: EpsForNoiseShareOptions = {}): EpsForNoiseShareResult {
  const { minSamples, targetNoise } = { ...epsForNoiseShareDefaults, ...options };
  checkMatrix(data, n, d);
  checkMinSamples(minSamples);
  if (minSamples > n) throw new RangeError(`minSamples must be at most n = ${n}, got ${minSamples}`);
  if (!(targetNoise >= 0 && targetNoise <= 1)) throw new RangeError(`targetNoise must be in [0, 1], got ${targetNoise}`);
  const index = buildPivotIndex(data, n, d);
  const core2 = coreDistances2(index, minSamples);
  const reach2 = reachDistances2(index, core2);
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
  return { eps, noiseShare: bestNoise / n, noise: bestNoise };
}

/**
 * By position in the pivot index: squared distance to the minSamples-th nearest row, itself
 * included. Rows are visited outwards from the query's position in r₀ order, so the search stops
 * once the r₀ gap on both sides exceeds the current minSamples-th distance.
 */
function coreDistances2(index: PivotIndex, minSamples: number): Float64Array {
  const { n, d, rows, r0, tol } = index;
  const out = new Float64Array(n);
  const heap = new Float64Array(minSamples); // max-heap of the smallest squared distances so far
  for (let i = 0; i < n; i++) {
    let size = 0, lo = i, hi = i + 1;
    for (;;) {
      const bound = size < minSamples ? Infinity : Math.sqrt(heap[0]) + tol;
      const gapLo = lo >= 0 ? r0[i] - r0[lo] : Infinity, gapHi = hi < n ? r0[hi] - r0[i] : Infinity;
      if (!(Math.min(gapLo, gapHi) <= bound)) break;
      const j = gapLo <= gapHi ? lo-- : hi++;
      if (size === minSamples && !mayBeWithin(index, i, j, Math.sqrt(heap[0]))) continue;
      const limit = size < minSamples ? Infinity : heap[0];
      const s = sqDistWithin(rows, i, j, d, limit);
      if (size < minSamples) siftUp(heap, size++, s);
      else if (s < heap[0]) siftDown(heap, size, s);
    }
    out[i] = heap[0];
  }
  return out;
}

/** By position: reach²(i) = min_j max(core²(j), ‖x_i − x_j‖²), searched outwards like coreDistances2. */
function reachDistances2(index: PivotIndex, core2: Float64Array): Float64Array {
  const { n, d, rows, r0, tol } = index;
  const reach = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = core2[i], lo = i - 1, hi = i + 1;
    for (;;) {
      const radius = Math.sqrt(best), bound = radius + tol;
      const gapLo = lo >= 0 ? r0[i] - r0[lo] : Infinity, gapHi = hi < n ? r0[hi] - r0[i] : Infinity;
      if (!(Math.min(gapLo, gapHi) <= bound)) break;
      const j = gapLo <= gapHi ? lo-- : hi++;
      if (core2[j] >= best || !mayBeWithin(index, i, j, radius)) continue;
      const s = sqDistWithin(rows, i, j, d, best);
      const r = s > core2[j] ? s : core2[j];
      if (r < best) best = r;
    }
    reach[i] = best;
  }
  return reach;
}

function siftUp(heap: Float64Array, at: number, value: number): void {
  let i = at;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent] >= value) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = value;
}

/** Replaces the maximum (heap[0]) by value and restores the heap. */
function siftDown(heap: Float64Array, size: number, value: number): void {
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= size) break;
    if (c + 1 < size && heap[c + 1] > heap[c]) c++;
    if (heap[c] <= value) break;
    heap[i] = heap[c];
    i = c;
  }
  heap[i] = value;
}

function nextUp(x: number): number {
  const f = new Float64Array([x]);
  const u = new BigUint64Array(f.buffer);
  u[0] += 1n;
  return f[0];
}

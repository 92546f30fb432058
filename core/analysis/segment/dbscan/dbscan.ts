import { checkMatrix, checkMinSamples } from './checks.js';
import { sqDistWithin } from './distance.js';
import { buildPivotIndex, lowerBound, mayBeWithin } from './pivot-index.js';
import type { PivotIndex } from './pivot-index.js';

export interface DbscanOptions {
  /** Neighbourhood radius (Euclidean); a neighbour lies at distance ≤ eps, as in scikit-learn. */
  eps: number;
  /** Points within eps, the point itself included (scikit-learn's count), for a core point. */
  minSamples?: number;
}

export const dbscanDefaults = { minSamples: 30 } as const;

export interface DbscanResult {
  /** Cluster id per point, 0-based in order of each cluster's first core point; −1 for noise. */
  labels: Int32Array;
  /** 1 where the point is a core point. */
  core: Uint8Array;
  /** Number of clusters. */
  clusters: number;
}

/**
 * DBSCAN (Ester, Kriegel, Sander & Xu 1996) on the rows of a row-major n×d matrix, giving the
 * same labels as scikit-learn's `DBSCAN(eps, min_samples)` up to floating-point ties at exactly eps.
 *
 * Core points: |{j : ‖x_i − x_j‖ ≤ eps}| ≥ minSamples (i itself counted). Clusters are grown from
 * the unlabelled core points in index order. Border points (non-core, within eps of a core point)
 * go, as in scikit-learn's `dbscan_inner`, to the first cluster whose expansion reaches them: the
 * cluster with the lowest first-core index among those with a core point within eps. Which point of
 * a cluster is expanded first does not change that, so the expansion order here is free.
 *
 * Memory is O(n·d): neighbourhoods are never stored (scikit-learn keeps all of them, which passed
 * 19 GB at a dense eps on 30k × 60). Range queries go through an exact pivot index (pivot-index.ts).
 * Pass 1 counts neighbours, stopping at minSamples; pass 2 runs a range query per core point over
 * the points still unlabelled only (labelled points can never change). Distances are abandoned once
 * the partial sum passes eps² (see sqDistWithin).
 */
export function dbscan(data: Float64Array, n: number, d: number, options: DbscanOptions): DbscanResult {
  const { eps, minSamples } = { ...dbscanDefaults, ...options };
  checkMatrix(data, n, d);
  if (!(Number.isFinite(eps) && eps >= 0)) throw new RangeError(`eps must be a finite number ≥ 0, got ${eps}`);
  checkMinSamples(minSamples);
  const index = buildPivotIndex(data, n, d);
  const { rows, r0, order, rank, tol } = index;
  const eps2 = eps * eps;
  const coreAt = coreFlags(index, eps, eps2, minSamples); // by position
  const labels = new Int32Array(n).fill(-1);
  // Unlabelled positions: skip[pos] leads to the first unlabelled position ≥ pos (path-halving).
  const skip = Int32Array.from({ length: n + 1 }, (_, i) => i);
  const open = (pos: number): number => {
    let p = pos;
    while (skip[p] !== p) { skip[p] = skip[skip[p]]; p = skip[p]; }
    return p;
  };
  const take = (pos: number, label: number): void => {
    labels[order[pos]] = label;
    skip[pos] = pos + 1;
  };
  const stack = new Int32Array(n);
  let clusters = 0;
  for (let seed = 0; seed < n; seed++) {
    const seedPos = rank[seed];
    if (labels[seed] !== -1 || !coreAt[seedPos]) continue;
    const label = clusters++;
    take(seedPos, label);
    let top = 0;
    stack[top++] = seedPos;
    while (top > 0) {
      const p = stack[--top];
      const hi = r0[p] + eps + tol;
      for (let q = open(lowerBound(r0, r0[p] - eps - tol)); q < n && r0[q] <= hi; q = open(q + 1)) {
        if (mayBeWithin(index, p, q, eps) && sqDistWithin(rows, p, q, d, eps2) <= eps2) {
          take(q, label);
          if (coreAt[q]) stack[top++] = q;
        }
      }
    }
  }
  const core = new Uint8Array(n);
  for (let pos = 0; pos < n; pos++) core[order[pos]] = coreAt[pos];
  return { labels, core, clusters };
}

/** Pass 1, by position: 1 when at least minSamples rows (itself included) lie within eps. */
function coreFlags(index: PivotIndex, eps: number, eps2: number, minSamples: number): Uint8Array {
  const { n, d, rows, r0, tol } = index;
  const core = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const hi = r0[i] + eps + tol;
    let count = 0;
    for (let j = lowerBound(r0, r0[i] - eps - tol); j < n && r0[j] <= hi; j++) {
      if (mayBeWithin(index, i, j, eps) && sqDistWithin(rows, i, j, d, eps2) <= eps2 && ++count >= minSamples) {
        core[i] = 1;
        break;
      }
    }
  }
  return core;
}

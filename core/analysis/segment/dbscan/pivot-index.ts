/**
 * A pivot index for exact Euclidean range and nearest-neighbour queries without materialising
 * neighbourhoods: rows are copied in order of their distance r₀ to a first pivot, and their distances
 * to P − 1 further pivots are kept. By the triangle inequality ‖x − y‖ ≥ |‖x − p‖ − ‖y − p‖| for every
 * pivot p, so a query of radius ρ only visits the sorted window r₀ ∈ [r₀(x) − ρ, r₀(x) + ρ] and skips
 * rows whose other pivot distances differ by more than ρ. Bounds are widened by `tol` so rounding can
 * never prune a true neighbour; kept rows are then decided by the exact squared distance.
 * Pivots are chosen farthest-first (Gonzalez 1985), starting from the row farthest from row 0.
 * Memory: the n×d copy plus n·P distances.
 */
export interface PivotIndex {
  n: number;
  d: number;
  /** Rows in index order (position). */
  rows: Float64Array;
  /** order[pos] = original row index; rank[row] = position. */
  order: Int32Array;
  rank: Int32Array;
  /** Distance to the first pivot, ascending by position. */
  r0: Float64Array;
  /** Distances to all pivots: piv[pos · P + p]. */
  piv: Float64Array;
  P: number;
  /** Slack added to every pruning bound. */
  tol: number;
}

export function buildPivotIndex(data: Float64Array, n: number, d: number, pivots = 4): PivotIndex {
  const P = Math.min(pivots, n);
  const dist = (i: number, j: number): number => {
    let s = 0;
    for (let k = 0; k < d; k++) { const t = data[i * d + k] - data[j * d + k]; s += t * t; }
    return Math.sqrt(s);
  };
  const raw = new Float64Array(n * P);
  const nearest = new Float64Array(n).fill(Infinity);
  let pivot = 0, far = -1;
  for (let i = 0; i < n; i++) { const v = dist(0, i); if (v > far) { far = v; pivot = i; } }
  let maxR = 0;
  for (let p = 0; p < P; p++) {
    let next = 0, best = -1;
    for (let i = 0; i < n; i++) {
      const v = dist(pivot, i);
      raw[i * P + p] = v;
      if (v > maxR) maxR = v;
      if (v < nearest[i]) nearest[i] = v;
      if (nearest[i] > best) { best = nearest[i]; next = i; }
    }
    pivot = next;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => raw[a * P] - raw[b * P] || a - b);
  const rank = new Int32Array(n), rows = new Float64Array(n * d), r0 = new Float64Array(n), piv = new Float64Array(n * P);
  for (let pos = 0; pos < n; pos++) {
    const i = order[pos];
    rank[i] = pos;
    rows.set(data.subarray(i * d, i * d + d), pos * d);
    r0[pos] = raw[i * P];
    for (let p = 0; p < P; p++) piv[pos * P + p] = raw[i * P + p];
  }
  return { n, d, rows, order, rank, r0, piv, P, tol: 1e-9 * (maxR + 1e-300) };
}

/** First position whose r₀ is ≥ value. */
export function lowerBound(r0: Float64Array, value: number): number {
  let lo = 0, hi = r0.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (r0[mid] < value) lo = mid + 1; else hi = mid; }
  return lo;
}

/** False when some pivot proves positions a and b farther apart than radius. */
export function mayBeWithin(index: PivotIndex, a: number, b: number, radius: number): boolean {
  const { piv, P } = index, bound = radius + index.tol;
  for (let p = 1; p < P; p++) {
    const t = piv[a * P + p] - piv[b * P + p];
    if (t > bound || -t > bound) return false;
  }
  return true;
}

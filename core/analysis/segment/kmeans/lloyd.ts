import { dotBlock, normErr, rowNorms, sqDistFast } from './blocked.js';
import { sqDist } from './check.js';

export interface LloydRun {
  labels: Int32Array;
  centers: Float64Array;
  inertia: number;
  iterations: number;
}

/** Rows per blocked distance computation (scikit-learn's lloyd chunks 256 rows too). */
const BLOCK = 256;
/** Runner-up centres per point with a bound of their own (see lloyd). */
const RUNNERS = 2;

/**
 * Lloyd's iterations from the given k×d `centers`, accelerated with Hamerly's bounds (G. Hamerly
 * 2010, "Making k-means even faster", SDM): per point an upper bound u on the distance to its own
 * centre and a lower bound l on the distance to any other; the point keeps its label without a
 * scan while u ≤ max(l, s_a), s_a = ½·min distance from its centre to another centre. The labels
 * and centres are those of plain Lloyd (up to floating-point ties). Elkan's k bounds per point were
 * tried and were slower here (30k × 60 uniform, k = 2…9: 1.2–2.7× the time); a middle way pays:
 * the two runner-up centres of the last scan keep bounds of their own (each lowered by its own
 * centre's move, not the largest), l covers the rest, and when only runner-ups are in the way
 * their exact distances settle the point (in 60 dimensions this halves the scans).
 *
 * The points whose bounds fail are collected first, grouped by centre a, and scanned in blocks of
 * 256 through the norm expansion (blocked.ts), as scikit-learn's lloyd does, against the centres
 * nearer to c_a than twice the group's largest u only (Elkan's lemma: the others cannot be
 * nearer). Where the expansion's rounding bound leaves the nearest centre in doubt, the candidates
 * are recomputed as Σ (x − c)², so every label is the argmin of the direct squared distances
 * (first index on ties), exactly as a one-pair-at-a-time scan. Label changes are applied in row
 * order after the scan, so the running cluster sums see the same additions in the same order.
 *
 * Stops as scikit-learn's lloyd: when an assignment leaves every label unchanged, or when the
 * centre shift Σ_j ‖c_j − c_j'‖² ≤ `tolAbs`; labels always belong to the returned centres.
 * An empty cluster takes the point farthest from its centre. Inertia = Σ ‖x_i − c_label(i)‖².
 * `norms` are the rows' squared norms (rowNorms), shared by the starts of one kmeans call.
 */
export function lloyd(
  data: Float64Array, n: number, d: number, k: number, init: Float64Array, maxIter: number, tolAbs: number, norms: Float64Array,
): LloydRun {
  const centers = Float64Array.from(init);
  const old = new Float64Array(k * d);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const labels = new Int32Array(n);
  // lower[i]: bound on the distance to every centre but the own one and the runner-ups
  // runnerUp[i·RUNNERS + r], whose own bounds are lowerS[i·RUNNERS + r] (−1: none).
  const upper = new Float64Array(n), lower = new Float64Array(n), lowerS = new Float64Array(n * RUNNERS), runnerUp = new Int32Array(n * RUNNERS).fill(-1);
  const topV = new Float64Array(RUNNERS + 1), topI = new Int32Array(RUNNERS + 1);
  const half = new Float64Array(k), moved = new Float64Array(k);
  const between = new Float64Array(k * k); // ‖c_j − c_h‖
  const todo = new Int32Array(n), grouped = new Int32Array(n), found = new Int32Array(n);
  const start = new Int32Array(k + 1), groupMax = new Float64Array(k);
  const pick = new Int32Array(k), sub = new Float64Array(k * d), subNorm = new Float64Array(k), subErr = new Float64Array(k);
  const dots = new Float64Array(BLOCK * k), dist = new Float64Array(k);
  const errScale = normErr(d);

  /**
   * Nearest centre of the rows rows[from..from+m) among centres pick[0..p) (ascending; every
   * other centre is known to be no nearer): found[i], with the bounds set on the direct distances.
   * `excluded` is the least distance from the rows' centre to a centre not picked (Infinity when
   * all are picked).
   */
  const scan = (rows: Int32Array, from: number, m: number, p: number, excluded: number): void => {
    for (let t = 0; t < p; t++) {
      const j = pick[t];
      sub.set(centers.subarray(j * d, j * d + d), t * d);
    }
    rowNorms(sub, p, d, subNorm);
    for (let t = 0; t < p; t++) subErr[t] = errScale * subNorm[t];
    for (let at = from, end = from + m; at < end; at += BLOCK) {
      const len = at + BLOCK <= end ? BLOCK : end - at;
      dotBlock(data, rows, at, len, d, sub, p, dots);
      for (let r = 0; r < len; r++) {
        const i = rows[at + r], xn = norms[i], o = r * p;
        // The nearest by the expansion (b); then dist_t − err(x, c_t), a lower bound on the direct
        // squared distance, and whether any other centre's reaches b's upper bound.
        const xe = errScale * xn;
        let best = Infinity, b = 0;
        for (let t = 0; t < p; t++) {
          const v = xn + subNorm[t] - 2 * dots[o + t];
          dist[t] = v;
          if (v < best) { best = v; b = t; }
        }
        // Upper bound on b's direct distance; centres whose lower bound does not exceed it might win.
        const reach = best + xe + subErr[b];
        let doubt = false;
        for (let t = 0; t < p; t++) {
          const lo = dist[t] - xe - subErr[t];
          if (t !== b && lo <= reach) doubt = true;
          dist[t] = lo;
        }
        let d1 = reach;
        if (doubt) {
          // Direct distances for the candidates (ascending j, strict <: the first index wins ties).
          d1 = Infinity;
          for (let t = 0; t < p; t++) {
            if (dist[t] > reach) continue;
            dist[t] = sqDist(data, i, centers, pick[t], d);
            if (dist[t] < d1) { d1 = dist[t]; b = t; }
          }
        }
        // dist now holds lower bounds on the direct distances (exact where recomputed): keep the
        // RUNNERS smallest but b's as runner-ups, and the next as the bound on all the rest.
        let filled = 0;
        for (let t = 0; t < p; t++) {
          if (t === b) continue;
          const v = dist[t];
          if (filled === RUNNERS + 1 && v >= topV[RUNNERS]) continue;
          let at = filled < RUNNERS + 1 ? filled++ : RUNNERS;
          while (at > 0 && topV[at - 1] > v) { topV[at] = topV[at - 1]; topI[at] = topI[at - 1]; at--; }
          topV[at] = v;
          topI[at] = t;
        }
        const u = upper[i];
        found[i] = pick[b];
        upper[i] = Math.sqrt(d1);
        // Unpicked centres: ‖x − c_j‖ ≥ ‖c_a − c_j‖ − ‖x − c_a‖ (less a hair for rounding).
        let far = (excluded - u) * (1 - 1e-9);
        if (!(far > 0)) far = 0;
        const runners = filled < RUNNERS ? filled : RUNNERS;
        const restV = filled > RUNNERS ? topV[RUNNERS] : Infinity;
        const rest = restV > 0 ? Math.sqrt(restV) : 0;
        lower[i] = far < rest ? far : rest;
        for (let r = 0; r < RUNNERS; r++) {
          if (r < runners) {
            runnerUp[i * RUNNERS + r] = pick[topI[r]];
            lowerS[i * RUNNERS + r] = topV[r] > 0 ? Math.sqrt(topV[r]) : 0;
          } else {
            runnerUp[i * RUNNERS + r] = -1;
          }
        }
      }
    }
  };
  const move = (i: number, from: number, to: number): void => {
    const oi = i * d;
    if (from >= 0) {
      counts[from]--;
      for (let q = 0; q < d; q++) sums[from * d + q] -= data[oi + q];
    }
    counts[to]++;
    for (let q = 0; q < d; q++) sums[to * d + q] += data[oi + q];
    labels[i] = to;
  };

  for (let i = 0; i < n; i++) todo[i] = i;
  for (let j = 0; j < k; j++) pick[j] = j;
  scan(todo, 0, n, k, Infinity);
  for (let i = 0; i < n; i++) move(i, -1, found[i]);

  let iterations = 0;
  while (iterations < maxIter) {
    iterations++;
    fillEmpty(data, n, d, k, centers, labels, counts, upper, lower, move);
    old.set(centers);
    let shift = 0, max1 = 0, max2 = 0, arg1 = -1;
    for (let j = 0; j < k; j++) {
      const inv = 1 / counts[j];
      for (let q = 0; q < d; q++) centers[j * d + q] = sums[j * d + q] * inv;
      const m2 = sqDist(centers, j, old, j, d);
      shift += m2;
      const m = moved[j] = Math.sqrt(m2);
      if (m > max1) { max2 = max1; max1 = m; arg1 = j; } else if (m > max2) max2 = m;
    }
    for (let j = 0; j < k; j++) {
      let m = Infinity;
      for (let h = 0; h < k; h++) {
        if (h === j) continue;
        const c = between[j * k + h] = Math.sqrt(sqDist(centers, j, centers, h, d));
        if (c < m) m = c;
      }
      half[j] = 0.5 * m;
    }
    let m = 0;
    groupMax.fill(0);
    start.fill(0);
    for (let i = 0; i < n; i++) {
      const a = labels[i], o = i * RUNNERS;
      upper[i] += moved[a];
      let l = lower[i] -= a === arg1 ? max2 : max1;
      for (let r = 0; r < RUNNERS; r++) {
        const s = runnerUp[o + r];
        if (s < 0 || s === a) continue;
        const ls = lowerS[o + r] -= moved[s];
        if (ls < l) l = ls;
      }
      const bound = half[a] > l ? half[a] : l;
      if (upper[i] <= bound) continue;
      const u = upper[i] = Math.sqrt(sqDistFast(data, i, centers, a, d));
      if (u <= bound) continue;
      // When only runner-ups' bounds are in the way, a few more distances may settle it (as Elkan).
      if (u <= lower[i] && u > half[a]) {
        let settled = true;
        for (let r = 0; r < RUNNERS && settled; r++) {
          const s = runnerUp[o + r];
          if (s < 0 || s === a || lowerS[o + r] >= u) continue;
          const ds = lowerS[o + r] = Math.sqrt(sqDistFast(data, i, centers, s, d));
          if (ds < u) settled = false;
        }
        if (settled) continue;
      }
      todo[m++] = i;
      start[a + 1]++;
      if (u > groupMax[a]) groupMax[a] = u;
    }
    // The rows to scan, grouped by their centre a (row order kept within a group). A centre j with
    // ‖c_a − c_j‖ ≥ 2·u(x) is no nearer to x than c_a (Elkan's lemma 1), so each group is scanned
    // against the centres nearer to c_a than twice the group's largest upper bound only (all of
    // them on structureless data; a few on well-separated clusters).
    for (let a = 0; a < k; a++) start[a + 1] += start[a];
    for (let t = 0; t < m; t++) { const i = todo[t]; grouped[start[labels[i]]++] = i; }
    for (let a = k; a > 0; a--) start[a] = start[a - 1];
    start[0] = 0;
    for (let a = 0; a < k; a++) {
      const size = start[a + 1] - start[a];
      if (size === 0) continue;
      const reach = 2 * groupMax[a] * (1 + 1e-9);
      let p = 0, excluded = Infinity;
      for (let j = 0; j < k; j++) {
        const c = j === a ? 0 : between[a * k + j];
        if (c <= reach) pick[p++] = j;
        else if (c < excluded) excluded = c;
      }
      scan(grouped, start[a], size, p, excluded);
    }
    let changed = 0;
    for (let t = 0; t < m; t++) {
      const i = todo[t], a = labels[i], b = found[i];
      if (b !== a) { move(i, a, b); changed++; }
    }
    if (changed === 0 || shift <= tolAbs) break;
  }
  // Centres of the final labels are the ones the labels were assigned to (see above); inertia exactly.
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += sqDist(data, i, centers, labels[i], d);
  return { labels, centers, inertia, iterations };
}

/** Gives every empty cluster the point currently farthest from its own centre. */
function fillEmpty(
  data: Float64Array, n: number, d: number, k: number, centers: Float64Array, labels: Int32Array, counts: Float64Array,
  upper: Float64Array, lower: Float64Array, move: (i: number, from: number, to: number) => void,
): void {
  for (let j = 0; j < k; j++) {
    if (counts[j] > 0) continue;
    let far = -1, farD = -1;
    for (let i = 0; i < n; i++) {
      if (counts[labels[i]] < 2) continue;
      const s = sqDist(data, i, centers, labels[i], d);
      if (s > farD) { farD = s; far = i; }
    }
    if (far < 0) continue;
    move(far, labels[far], j);
    upper[far] = 0;
    lower[far] = 0;
  }
}

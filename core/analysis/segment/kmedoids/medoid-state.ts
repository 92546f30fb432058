/**
 * The bookkeeping FasterPAM (Schubert & Rousseeuw 2021, Information Systems 101, 101804)
 * keeps instead of PAM's n × n matrix: for every point its nearest and second-nearest medoid and
 * both distances, and for every medoid its removal loss — what the total deviation (TD) would grow
 * by if that medoid were simply dropped (its points fall back to their second-nearest medoid).
 * With these, the change of TD for replacing medoid slot i by a candidate point c is known for all
 * k slots at once from the n distances d(o, c) alone (`swapDeltas`), the O(k) saving over PAM's
 * per-pair sums. Memory O(n d) (a reordered copy of the rows, grouped-rows.ts) instead of O(n²);
 * distances are Euclidean between rows of the n×d data, computed on the fly exactly as `euclidean`
 * in dissimilarity.ts (its `squaredDistance`: one function, so a distance is the same double
 * whichever module computes it).
 */
import { squaredDistance } from './dissimilarity.js';
import { createGroupedRows, firstAbove, type GroupedRows, regroup } from './grouped-rows.js';

export interface MedoidState {
  readonly data: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly k: number;
  /** Row of the medoid in each slot (not sorted: a swap replaces one slot). */
  readonly medoids: Int32Array;
  readonly isMedoid: Uint8Array;
  /** Slot of each point's nearest medoid, and the distance to it. */
  readonly near: Int32Array;
  readonly dNear: Float64Array;
  /** Slot of the second-nearest medoid (−1 when k = 1), its distance and that distance's square. */
  readonly sec: Int32Array;
  readonly dSec: Float64Array;
  readonly dSecSq: Float64Array;
  /** Removal loss per slot: Σ over the slot's points of dSec − dNear. */
  readonly loss: Float64Array;
  /** Σ dNear (recomputed after every swap, not updated by differences). */
  total: number;
  /** The rows in scan order (grouped-rows.ts), refreshed with the rest. */
  readonly groups: GroupedRows;
}


/**
 * For k = 1 no second medoid exists. A common finite stand-in for "second nearest" keeps the
 * formulas of `swapDeltas` exact (its removal-loss terms cancel); it must exceed every distance:
 * twice the largest distance from row 0 bounds them all (triangle inequality).
 */
function farBound(data: Float64Array, n: number, d: number): number {
  let m = 0;
  for (let o = 0; o < n; o++) m = Math.max(m, squaredDistance(data, d, o, 0));
  return 2 * Math.sqrt(m) + 1;
}

/** The state for `medoids` (distinct rows) over `data` (row-major n×d). */
export function createMedoidState(data: Float64Array, n: number, d: number, medoids: ArrayLike<number>): MedoidState {
  const k = medoids.length;
  const s: MedoidState = {
    data, n, d, k, medoids: Int32Array.from(medoids), isMedoid: new Uint8Array(n),
    near: new Int32Array(n), dNear: new Float64Array(n), sec: new Int32Array(n), dSec: new Float64Array(n), dSecSq: new Float64Array(n),
    loss: new Float64Array(k), total: 0, groups: createGroupedRows(n, d, k),
  };
  for (let i = 0; i < k; i++) {
    if (s.isMedoid[s.medoids[i]]) throw new RangeError(`medoids must be distinct rows, got ${s.medoids[i]} twice`);
    s.isMedoid[s.medoids[i]] = 1;
  }
  const far = k === 1 ? farBound(data, n, d) : 0;
  for (let o = 0; o < n; o++) {
    if (k === 1) {
      s.near[o] = 0;
      s.dNear[o] = Math.sqrt(squaredDistance(data, d, o, s.medoids[0]));
      s.sec[o] = -1;
      s.dSec[o] = far;
      s.dSecSq[o] = far * far;
    } else {
      nearestTwo(s, o);
    }
  }
  refreshLoss(s);
  return s;
}

/** Nearest and second-nearest slot of point o over all k medoids (ties: the lower slot first). */
function nearestTwo(s: MedoidState, o: number): void {
  let n1 = -1, n2 = -1, q1 = Infinity, q2 = Infinity;
  for (let i = 0; i < s.k; i++) {
    const q = squaredDistance(s.data, s.d, o, s.medoids[i]);
    if (q < q1) { n2 = n1; q2 = q1; n1 = i; q1 = q; } else if (q < q2) { n2 = i; q2 = q; }
  }
  s.near[o] = n1;
  s.dNear[o] = Math.sqrt(q1);
  s.sec[o] = n2;
  s.dSec[o] = Math.sqrt(q2);
  s.dSecSq[o] = q2;
}

/** Removal losses, TD and the scan layout from scratch, O(n d + n log n). */
function refreshLoss(s: MedoidState): void {
  s.loss.fill(0);
  let total = 0;
  for (let o = 0; o < s.n; o++) {
    s.loss[s.near[o]] += s.dSec[o] - s.dNear[o];
    total += s.dNear[o];
  }
  s.total = total;
  regroup(s, s.groups);
}

/**
 * Change of TD for replacing the medoid in slot i by non-medoid row c, for every slot i, into
 * `delta` (length k). Per point o with δ = d(o, c):
 * - δ < dNear: o moves to c whichever medoid goes: δ − dNear for every slot (the shared part);
 *   the removal loss of o's nearest medoid counted dSec − dNear for o, which no longer applies.
 * - dNear ≤ δ < dSec: only if o's nearest medoid goes does o go to c instead of its second:
 *   its removal-loss term dSec − dNear becomes δ − dNear.
 * - δ ≥ dSec: nothing changes; the removal loss stands.
 * All three are one formula, shared += min(δ, dNear) − dNear and, for o's nearest slot,
 * + min(δ, dSec) − min(δ, dNear) − (dSec − dNear), computed without branches (min(a, b) =
 * (a + b − |a − b|) / 2): on the LRFMV customers about half of the points scanned are near enough
 * to count, a coin flip the CPU cannot predict, and the mispredicted branches cost more than √ and
 * the arithmetic (9.7 → 5.5 ns per pair measured here). The rounding of that min is a few ulps per
 * point, far below the swap threshold. Points that cannot count are skipped in whole runs
 * (grouped-rows.ts).
 */
export function swapDeltas(s: MedoidState, c: number, delta: Float64Array): void {
  const { d, k } = s;
  const { start, data, dNear, dSec, key } = s.groups;
  delta.set(s.loss);
  let shared = 0;
  const y = c * d;
  for (let i = 0; i < k; i++) {
    // Skip the group's points with dNear + dSec ≤ d(c, medoid i), less a rounding margin.
    const dc = Math.sqrt(squaredDistance(s.data, d, c, s.medoids[i]));
    const from = firstAbove(key, start[i], start[i + 1], dc * (1 - 1e-12)), to = start[i + 1];
    let acc = 0;
    if (d === 5) {
      // The LRFMV job's case, unrolled: ~25 % faster than the loop over coordinates in V8.
      const c0 = s.data[y], c1 = s.data[y + 1], c2 = s.data[y + 2], c3 = s.data[y + 3], c4 = s.data[y + 4];
      for (let p = from, x = from * 5; p < to; p++, x += 5) {
        const u0 = data[x] - c0, u1 = data[x + 1] - c1, u2 = data[x + 2] - c2, u3 = data[x + 3] - c3, u4 = data[x + 4] - c4;
        const dist = Math.sqrt(u0 * u0 + u1 * u1 + u2 * u2 + u3 * u3 + u4 * u4), dn = dNear[p], ds = dSec[p];
        const minNear = 0.5 * (dist + dn - Math.abs(dist - dn)), minSec = 0.5 * (dist + ds - Math.abs(dist - ds));
        shared += minNear - dn;
        acc += minSec - minNear - (ds - dn);
      }
    } else {
      for (let p = from, x = from * d; p < to; p++, x += d) {
        let q = 0;
        for (let t = 0; t < d; t++) {
          const u = data[x + t] - s.data[y + t];
          q += u * u;
        }
        const dist = Math.sqrt(q), dn = dNear[p], ds = dSec[p];
        const minNear = 0.5 * (dist + dn - Math.abs(dist - dn)), minSec = 0.5 * (dist + ds - Math.abs(dist - ds));
        shared += minNear - dn;
        acc += minSec - minNear - (ds - dn);
      }
    }
    delta[i] += acc;
  }
  for (let i = 0; i < k; i++) delta[i] += shared;
}

/**
 * Puts row c in slot i (replacing its medoid) and brings the nearest/second bookkeeping, removal
 * losses and TD up to date: O(n) distances, plus k for each point that had the old medoid as its
 * nearest or second (its new second may be any medoid).
 */
export function applySwap(s: MedoidState, i: number, c: number): void {
  if (s.isMedoid[c]) throw new RangeError(`row ${c} is already a medoid`);
  s.isMedoid[s.medoids[i]] = 0;
  s.isMedoid[c] = 1;
  s.medoids[i] = c;
  const { data, d, n, near, dNear, sec, dSec, dSecSq } = s;
  for (let o = 0; o < n; o++) {
    const q = squaredDistance(data, d, o, c);
    if (s.k === 1) {
      dNear[o] = Math.sqrt(q);
    } else if (near[o] === i || sec[o] === i) {
      nearestTwo(s, o);
    } else if (q < dSecSq[o]) {
      const dist = Math.sqrt(q);
      if (dist < dNear[o]) {
        sec[o] = near[o];
        dSec[o] = dNear[o];
        dSecSq[o] = squaredDistance(data, d, o, s.medoids[near[o]]);
        near[o] = i;
        dNear[o] = dist;
      } else {
        sec[o] = i;
        dSec[o] = dist;
        dSecSq[o] = q;
      }
    }
  }
  refreshLoss(s);
}

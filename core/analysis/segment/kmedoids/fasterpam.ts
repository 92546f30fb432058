/**
 * FasterPAM: Schubert, E. & Rousseeuw, P. J. (2021), "Fast and eager k-medoids clustering: O(k)
 * runtime improvement of the PAM, CLARA, and CLARANS algorithms", Information Systems 101, 101804
 * (after their 2019 SISAP FastPAM paper). PAM's swap phase looks at every (medoid, non-medoid)
 * pair and applies only the best swap of a whole O(k n²) pass; FasterPAM
 * - evaluates a candidate c against all k medoids at once in O(n) (medoid-state.ts: nearest and
 *   second-nearest medoid per point, removal loss per medoid), and
 * - is eager: it applies the best swap for c as soon as it lowers the total deviation, then goes
 *   on with the next candidate, cycling through the rows (in a seeded random order) until n − 1
 *   candidates in a row bring no improvement — a local optimum in PAM's sense (no single swap
 *   lowers the total deviation), usually reached in two or three passes.
 * Distances are Euclidean, computed on the fly from the n×d rows: O(n d) memory, so 25,000
 * customers need no 5 GB matrix.
 *
 * The result is a local optimum like PAM's, not necessarily the same one, and which one depends on
 * the start. On 3,000 real LRFMV customers (k = 4) FasterPAM from LAB, the paper's start for large
 * n, ended 0.65 % above R's pam for 8 seeds in 20 (0.15 % below it for 5), from random rows for 1
 * in 20. So the default start ('sample') spends a little on choosing the basin, in CLARA's way
 * (Kaufman & Rousseeuw 1990, ch. 3; the 2021 paper's FasterCLARA runs FasterPAM on samples): FasterPAM
 * from random rows on `samples` random subsets of `sampleSize` rows, keep the medoids with the
 * smallest total deviation over all rows, and run FasterPAM on all rows from there (0 seeds in 20
 * above R's pam there; measurements in docs/decisions/0011-fasterpam.md).
 */
import { createRandom, type Random, sampleIndices } from '../../common/random.js';
import { checkK, checkMatrix, squaredDistance } from './dissimilarity.js';
import { type FasterPamInit, initialMedoids } from './init.js';
import { applySwap, createMedoidState, swapDeltas } from './medoid-state.js';
import type { KMedoidsResult } from './pam.js';

export interface FasterPamOptions {
  /** Number of medoids, 1..n − 1. */
  k: number;
  /**
   * Starting medoids: 'sample' (default; see the module comment), 'lab' (linear approximative
   * BUILD), 'build' (PAM's BUILD, O(k n²)) or 'random'.
   */
  init?: FasterPamInit | 'sample';
  /** init 'sample': number of subsets (default 10). */
  samples?: number;
  /** init 'sample': rows per subset (default 1,000; all rows when n is smaller). */
  sampleSize?: number;
  /** Explicit starting rows (k distinct), overriding `init`. */
  medoids?: ArrayLike<number>;
  /** Upper bound on passes over the candidates (the paper's maxiter); default 100. */
  maxPasses?: number;
  seed?: number;
}

export const fasterPamDefaults = { init: 'sample', samples: 10, sampleSize: 1000, maxPasses: 100, seed: 0 } as const satisfies Omit<FasterPamOptions, 'k'>;

export interface FasterPamResult extends KMedoidsResult {
  /** Passes over the candidates, the last one being the pass that found nothing more. */
  passes: number;
}

/**
 * Swaps are applied only when they lower the total deviation by more than this share of it: a
 * change is summed over n terms in an order other than the total's, so below ~n ε it is rounding,
 * and accepting rounding "gains" could cycle.
 */
const RELATIVE_TOLERANCE = 1e-12;

/** FasterPAM k-medoids on the rows of `data` (row-major n×d), Euclidean; see the module comment. */
export function fasterPam(data: Float64Array, n: number, d: number, options: FasterPamOptions): FasterPamResult {
  checkMatrix(data, n, d);
  const { k } = options;
  checkK(k, n);
  const o = { ...fasterPamDefaults, ...options };
  for (const name of ['maxPasses', 'samples', 'sampleSize'] as const) {
    if (!(Number.isInteger(o[name]) && o[name] >= 1)) throw new RangeError(`${name} must be a positive integer, got ${o[name]}`);
  }
  if (o.init === 'sample' && o.sampleSize <= k) throw new RangeError(`sampleSize must exceed k = ${k}, got ${o.sampleSize}`);
  const random = createRandom(o.seed);
  let start: Int32Array;
  if (options.medoids) {
    start = Int32Array.from(options.medoids);
    if (start.length !== k || start.some((m) => !(Number.isInteger(m) && m >= 0 && m < n))) {
      throw new RangeError(`medoids must be ${k} distinct rows in 0..${n - 1}, got [${[...start].join(', ')}]`);
    }
  } else {
    start = o.init === 'sample' ? sampledStart(data, n, d, k, o.samples, Math.min(n, o.sampleSize), o.maxPasses, random) : initialMedoids(data, n, d, k, o.init, random);
  }
  return swapPhase(data, n, d, start, o.maxPasses, random);
}

/**
 * The 'sample' start: FasterPAM from random rows on each of `samples` random subsets of `size`
 * rows; the subset medoids with the smallest total deviation over all n rows win (the first on
 * ties). When size = n every "subset" is all rows in another order, i.e. best of `samples` restarts.
 */
function sampledStart(data: Float64Array, n: number, d: number, k: number, samples: number, size: number, maxPasses: number, random: Random): Int32Array {
  let best = new Int32Array(0), bestTotal = Infinity;
  const sub = new Float64Array(size * d);
  for (let t = 0; t < samples; t++) {
    const rows = sampleIndices(random, n, size).sort();
    for (let p = 0; p < size; p++) sub.set(data.subarray(rows[p] * d, rows[p] * d + d), p * d);
    const fit = swapPhase(sub, size, d, sampleIndices(random, size, k), maxPasses, random);
    const medoids = Int32Array.from(fit.medoids, (p) => rows[p]);
    const total = totalDeviation(data, n, d, medoids);
    if (total < bestTotal) { bestTotal = total; best = medoids; }
  }
  return best;
}

/** Σ over rows of the distance to the nearest of `medoids`. */
function totalDeviation(data: Float64Array, n: number, d: number, medoids: Int32Array): number {
  let total = 0;
  for (let j = 0; j < n; j++) {
    let q = Infinity;
    for (let m = 0; m < medoids.length; m++) q = Math.min(q, squaredDistance(data, d, j, medoids[m]));
    total += Math.sqrt(q);
  }
  return total;
}

/** FasterPAM's eager swap phase from `start` (k distinct rows); see the module comment. */
function swapPhase(data: Float64Array, n: number, d: number, start: Int32Array, maxPasses: number, random: Random): FasterPamResult {
  const k = start.length;
  const s = createMedoidState(data, n, d, start);

  // Candidates in a seeded random order: the rows' own order (e.g. by customer id or date) may
  // bunch similar rows, and an eager pass would then try many near-equal swaps one after another.
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }

  const delta = new Float64Array(k);
  let lastSwap = -1, passes = 0, swaps = 0;
  search: while (passes < maxPasses) {
    passes++;
    for (let t = 0; t < n; t++) {
      if (t === lastSwap) break search; // every other candidate tried since the last swap
      const c = order[t];
      if (s.isMedoid[c]) continue;
      swapDeltas(s, c, delta);
      let best = 0;
      for (let i = 1; i < k; i++) if (delta[i] < delta[best]) best = i;
      if (delta[best] < -RELATIVE_TOLERANCE * s.total) {
        applySwap(s, best, c);
        swaps++;
        lastSwap = t;
      }
    }
    if (lastSwap < 0) break; // the first pass found no improving swap
  }
  return finish(data, n, d, s.medoids, swaps, passes);
}

/** Medoids ascending; each row's cluster is its nearest medoid (the first on ties), as pam's. */
export function finish(data: Float64Array, n: number, d: number, slots: Int32Array, iterations: number, passes: number): FasterPamResult {
  const medoids = Int32Array.from(slots).sort();
  const labels = new Int32Array(n);
  let total = 0;
  for (let j = 0; j < n; j++) {
    let best = 0, bestQ = squaredDistance(data, d, j, medoids[0]);
    for (let m = 1; m < medoids.length; m++) {
      const q = squaredDistance(data, d, j, medoids[m]);
      if (q < bestQ) { bestQ = q; best = m; }
    }
    labels[j] = best;
    total += Math.sqrt(bestQ);
  }
  return { medoids, labels, totalDeviation: total, iterations, passes };
}

/**
 * K-prototypes clustering of mixed numeric and categorical data, Huang (1997), "Clustering large
 * data sets with mixed numeric and categorical values", PAKDD, and Huang (1998), Data Mining and
 * Knowledge Discovery 2, 283–304.
 *
 * Dissimilarity of object i to prototype c: Σ_f (x_if − μ_cf)² + γ · |{a : x_ia ≠ m_ca}|.
 * Cost = Σ_i d(i, prototype of i). Batch iteration: assign every object to its nearest prototype
 * (keeping its current one on ties), then set numeric centres to cluster means and categorical
 * modes to the most frequent code (current mode kept on ties, else the smallest code); stop when
 * no label changes or after maxIter updates. Both steps can only lower the cost, so costHistory
 * (the cost after each assignment) never increases. A cluster that empties keeps its prototype.
 * Initial prototypes: Cao et al. (2009) density-based (see cao.ts); extra starts (nInit > 1)
 * draw the first prototype with probability ∝ density from the seeded generator and keep the
 * lowest final cost.
 * γ default: Huang's suggestion, ½ × the mean sample standard deviation (n − 1) of the numeric
 * columns — 0.5 for standardised columns; 1 when there are no numeric columns.
 */
import { createRandom } from '../../common/random.js';
import { caoDensity, caoInit } from './cao.js';
import { checkInteger, checkMixedData } from './checks.js';

export interface KPrototypesOptions {
  k: number;
  /** Weight of one categorical mismatch; default ½ × mean numeric standard deviation. */
  gamma?: number;
  maxIter?: number;
  seed?: number;
  nInit?: number;
}

export const kprototypesDefaults = { maxIter: 100, seed: 0, nInit: 1 } as const;

export interface KPrototypesResult {
  labels: Int32Array;
  /** k×p row-major cluster means. */
  numericCenters: Float64Array;
  /** k×q row-major cluster modes (category codes). */
  categoricalModes: Int32Array;
  cost: number;
  /** Cost after each assignment step of the best start; never increases. */
  costHistory: number[];
  /** Prototype updates performed in the best start. */
  iterations: number;
  gamma: number;
}

/** K-prototypes on num (n×p, standardised) and cat (n×q codes); see the module comment. */
export function kprototypes(
  num: Float64Array, cat: Int32Array, n: number, p: number, q: number, options: KPrototypesOptions,
): KPrototypesResult {
  checkMixedData(num, cat, n, p, q);
  const { k } = options;
  const { maxIter, seed, nInit } = { ...kprototypesDefaults, ...stripUndefined(options) };
  checkInteger('k', k, 1, n);
  checkInteger('maxIter', maxIter, 1);
  checkInteger('nInit', nInit, 1);
  checkInteger('seed', seed, -(2 ** 53), 2 ** 53);
  const gamma = options.gamma ?? defaultGamma(num, n, p);
  if (!(Number.isFinite(gamma) && gamma >= 0)) throw new RangeError(`gamma must be a finite number ≥ 0, got ${gamma}`);

  const dens = caoDensity(cat, n, q);
  const random = createRandom(seed);
  let best: KPrototypesResult | null = null;
  for (let r = 0; r < nInit; r++) {
    const first = r === 0 ? undefined : drawByDensity(dens, random.next());
    const start = caoInit(num, cat, n, p, q, k, gamma, dens, first);
    const res = iterate(num, cat, n, p, q, k, gamma, maxIter, start);
    if (best === null || res.cost < best.cost) best = res;
  }
  return best!;
}

/** Huang's default γ: ½ × mean sample standard deviation of the numeric columns (1 if p = 0). */
export function defaultGamma(num: Float64Array, n: number, p: number): number {
  if (p === 0 || n < 2) return p === 0 ? 1 : 0.5;
  let sum = 0;
  for (let f = 0; f < p; f++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += num[i * p + f];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) { const t = num[i * p + f] - mean; ss += t * t; }
    sum += Math.sqrt(ss / (n - 1));
  }
  return (0.5 * sum) / p;
}

function iterate(
  num: Float64Array, cat: Int32Array, n: number, p: number, q: number, k: number, gamma: number,
  maxIter: number, start: Int32Array,
): KPrototypesResult {
  const centers = new Float64Array(k * p), modes = new Int32Array(k * q);
  for (let c = 0; c < k; c++) {
    for (let f = 0; f < p; f++) centers[c * p + f] = num[start[c] * p + f];
    for (let a = 0; a < q; a++) modes[c * q + a] = cat[start[c] * q + a];
  }
  const levels = new Int32Array(q);
  for (let i = 0; i < n * q; i++) if (cat[i] + 1 > levels[i % q]) levels[i % q] = cat[i] + 1;
  const labels = new Int32Array(n).fill(-1);
  const costHistory: number[] = [];
  let iterations = 0;
  for (;;) {
    let changed = 0, cost = 0;
    for (let i = 0; i < n; i++) {
      // d(i, c) = Σ_f (x_if − μ_cf)² + γ · #{a : x_ia ≠ m_ca}
      const cur = labels[i];
      let bestC = cur, bestD = cur >= 0 ? dissim(num, cat, p, q, gamma, centers, modes, i, cur) : Infinity;
      for (let c = 0; c < k; c++) {
        if (c === cur) continue;
        const d = dissim(num, cat, p, q, gamma, centers, modes, i, c);
        if (d < bestD) { bestD = d; bestC = c; }
      }
      if (bestC !== cur) { labels[i] = bestC; changed++; }
      cost += bestD;
    }
    costHistory.push(cost);
    if ((changed === 0 && iterations > 0) || iterations >= maxIter) break;
    update(num, cat, n, p, q, k, labels, levels, centers, modes);
    iterations++;
  }
  return {
    labels, numericCenters: centers, categoricalModes: modes, cost: costHistory[costHistory.length - 1],
    costHistory, iterations, gamma,
  };
}

function dissim(
  num: Float64Array, cat: Int32Array, p: number, q: number, gamma: number,
  centers: Float64Array, modes: Int32Array, i: number, c: number,
): number {
  let s = 0;
  for (let f = 0; f < p; f++) { const t = num[i * p + f] - centers[c * p + f]; s += t * t; }
  let mis = 0;
  for (let a = 0; a < q; a++) if (cat[i * q + a] !== modes[c * q + a]) mis++;
  return s + gamma * mis;
}

/** Means and modes of each non-empty cluster (an empty cluster keeps its prototype). */
function update(
  num: Float64Array, cat: Int32Array, n: number, p: number, q: number, k: number, labels: Int32Array,
  levels: Int32Array, centers: Float64Array, modes: Int32Array,
): void {
  const sizes = new Float64Array(k), sums = new Float64Array(k * p);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    sizes[c]++;
    for (let f = 0; f < p; f++) sums[c * p + f] += num[i * p + f];
  }
  for (let c = 0; c < k; c++) {
    if (sizes[c] > 0) for (let f = 0; f < p; f++) centers[c * p + f] = sums[c * p + f] / sizes[c];
  }
  for (let a = 0; a < q; a++) {
    const L = levels[a], counts = new Int32Array(k * L);
    for (let i = 0; i < n; i++) counts[labels[i] * L + cat[i * q + a]]++;
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) continue;
      let mode = modes[c * q + a], top = mode < L ? counts[c * L + mode] : -1;
      for (let v = 0; v < L; v++) if (counts[c * L + v] > top) { top = counts[c * L + v]; mode = v; }
      modes[c * q + a] = mode;
    }
  }
}

/** Index drawn with probability ∝ dens, from a uniform u in [0, 1). */
function drawByDensity(dens: Float64Array, u: number): number {
  let total = 0;
  for (let i = 0; i < dens.length; i++) total += dens[i];
  let acc = 0;
  const target = u * total;
  for (let i = 0; i < dens.length; i++) { acc += dens[i]; if (acc > target) return i; }
  return dens.length - 1;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}


/**
 * TIFU-KNN (Hu, He, Cao, Wu, Li & Ni, "Modeling Personalized Item Frequency Information for
 * Next-basket Recommendation", SIGIR 2020): a next-basket recommender built from time-decayed
 * personal item frequencies (PIF) blended with those of the nearest customers.
 *
 * For customer u with training baskets (receipts) b_1 … b_n in time order (day, then receipt order),
 * each a binary item vector:
 * - **groups**: the baskets are cut into G = ⌈n / m⌉ consecutive groups of m baskets, counted from
 *   the newest, so the oldest group holds the remainder (1 … m baskets);
 * - **within a group** of baskets c_1 … c_s (time order): g = (1/s) Σ_i r_b^(s−i) · c_i;
 * - **across groups** g_1 … g_G (time order): PIF vector v_u = (1/G) Σ_j r_g^(G−j) · g_j;
 * - **neighbours** N_k(u): the k customers (u itself and customers without training baskets left
 *   out) whose vectors are nearest to v_u in Euclidean distance (as the paper; ties: lower index);
 * - **prediction**: p_u = α · v_u + (1 − α) · (1/|N|) Σ_{w ∈ N_k(u)} v_w; products ranked by p_u
 *   descending, ties by code; products with p_u = 0 follow in global popularity order (receipts),
 *   and a customer without training baskets gets global popularity.
 *
 * Defaults k = 300, m = 7, r_b = 0.9, r_g = 0.7, α = 0.7: the setting the authors' published code
 * runs on TaFeng (a grocery data set); they tune k, m, r_g and α per data set, and so does the
 * harness on its validation days (`chooseTifu`).
 *
 * Cost: vectors are sparse (CSR, one entry per distinct product of the customer); the neighbour
 * search for one customer is one pass over the inverted lists of its products (sparse dot products)
 * plus one pass over all customers (‖v_w‖² − 2·v_u·v_w), O(Σ_{i ∈ u} |customers of i| + U log k),
 * done on demand for the customers asked (the evaluation asks only evaluated customers) and
 * remembered for the last customer (recommend, score and reason of one customer share it).
 */
import { REASONS, say } from './reasons.js';
import { checkQuery, checkTraining, codeRanks, rankByCount, receiptCounts, TopK } from './ranking.js';
import type { Recommender, TrainingData } from './types.js';

export interface TifuOptions {
  /** Nearest customers blended in (paper: k). */
  k?: number;
  /** Baskets per group (paper: m). */
  groupSize?: number;
  /** Decay within a group (paper: r_b). */
  withinDecay?: number;
  /** Decay across groups (paper: r_g). */
  groupDecay?: number;
  /** Weight of the customer's own vector against the neighbours' mean (paper: α). */
  alpha?: number;
}

export const TIFU_DEFAULTS: Required<TifuOptions> = { k: 300, groupSize: 7, withinDecay: 0.9, groupDecay: 0.7, alpha: 0.7 };

/** The PIF vectors of every customer (CSR, products ascending within a customer) and their squared norms. */
export interface PifVectors {
  start: Int32Array;
  items: Int32Array;
  values: Float64Array;
  norm2: Float64Array;
}

/** Receipts of each customer in time order (day, then receipt index), as CSR over receipt indices. */
function receiptsByCustomer(train: TrainingData): { start: Int32Array; receipts: Int32Array } {
  const U = train.customerCount, R = train.receiptCustomer.length;
  const start = new Int32Array(U + 1);
  for (let r = 0; r < R; r++) start[train.receiptCustomer[r] + 1]++;
  for (let u = 0; u < U; u++) start[u + 1] += start[u];
  const fill = start.slice(0, U);
  const order = Array.from({ length: R }, (_, r) => r);
  const day = train.receiptDay;
  if (day) order.sort((a, b) => day[a] - day[b] || a - b);
  const receipts = new Int32Array(R);
  for (const r of order) receipts[fill[train.receiptCustomer[r]]++] = r;
  return { start, receipts };
}

/** The time-decayed personal item-frequency vectors of all customers (the formulas above). */
export function pifVectors(train: TrainingData, groupSize: number, withinDecay: number, groupDecay: number, byCustomer = receiptsByCustomer(train)): PifVectors {
  const P = checkTraining(train);
  const U = train.customerCount;
  const { start: cs, receipts } = byCustomer;
  const { receiptStart: rs, receiptItems: ri } = train;
  const acc = new Float64Array(P);
  const touched: number[] = [];
  const start = new Int32Array(U + 1);
  const items: number[] = [];
  const values: number[] = [];
  const norm2 = new Float64Array(U);
  for (let u = 0; u < U; u++) {
    const n = cs[u + 1] - cs[u];
    touched.length = 0;
    if (n > 0) {
      const G = Math.ceil(n / groupSize);
      const firstSize = n - (G - 1) * groupSize; // the oldest group holds the remainder
      let q = cs[u];
      for (let j = 1; j <= G; j++) {
        const s = j === 1 ? firstSize : groupSize;
        const gw = groupDecay ** (G - j) / G;
        for (let i = 1; i <= s; i++, q++) {
          const w = (gw * withinDecay ** (s - i)) / s;
          if (w === 0) continue;
          const r = receipts[q];
          for (let x = rs[r]; x < rs[r + 1]; x++) {
            const p = ri[x];
            if (acc[p] === 0) touched.push(p);
            acc[p] += w;
          }
        }
      }
      touched.sort((a, b) => a - b);
      let s2 = 0;
      for (const p of touched) {
        items.push(p);
        values.push(acc[p]);
        s2 += acc[p] * acc[p];
        acc[p] = 0;
      }
      norm2[u] = s2;
    }
    start[u + 1] = items.length;
  }
  return { start, items: Int32Array.from(items), values: Float64Array.from(values), norm2 };
}

/** Max-heap of the k nearest (largest distance on top; ties: the larger index on top). */
class Nearest {
  readonly idx: Int32Array;
  readonly dist: Float64Array;
  size = 0;
  constructor(readonly k: number) {
    this.idx = new Int32Array(k);
    this.dist = new Float64Array(k);
  }
  private worse(a: number, b: number): boolean {
    return this.dist[a] > this.dist[b] || (this.dist[a] === this.dist[b] && this.idx[a] > this.idx[b]);
  }
  private swap(a: number, b: number): void {
    const i = this.idx[a], d = this.dist[a];
    this.idx[a] = this.idx[b]; this.dist[a] = this.dist[b];
    this.idx[b] = i; this.dist[b] = d;
  }
  offer(v: number, d: number): void {
    if (this.k === 0) return;
    if (this.size === this.k) {
      if (d > this.dist[0] || (d === this.dist[0] && v > this.idx[0])) return;
      this.idx[0] = v; this.dist[0] = d;
      this.down(0);
      return;
    }
    let i = this.size++;
    this.idx[i] = v; this.dist[i] = d;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let top = i;
      if (l < this.size && this.worse(l, top)) top = l;
      if (r < this.size && this.worse(r, top)) top = r;
      if (top === i) return;
      this.swap(i, top);
      i = top;
    }
  }
  /** Indices nearest first. */
  sorted(): Int32Array {
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((a, b) => this.dist[a] - this.dist[b] || this.idx[a] - this.idx[b]);
    return Int32Array.from(order, (i) => this.idx[i]);
  }
}

export interface TifuModel extends Recommender {
  /** The k nearest customers of `customer`, nearest first (empty without training baskets). */
  neighboursOf(customer: number): Int32Array;
  /**
   * Top-n lists for every (k, α) of a grid (each k ≤ the fitted k), from one neighbour search and
   * one pass over the neighbours' vectors: lists[i][j] is for ks[i] and alphas[j] (validation grids).
   */
  listsFor(customer: number, n: number, ks: readonly number[], alphas: readonly number[]): Int32Array[][];
}

/** TIFU-KNN (see the file comment). */
export function tifuKnn(options: TifuOptions = {}): TifuModel {
  const o = { ...TIFU_DEFAULTS, ...options };
  if (!Number.isInteger(o.k) || o.k < 1) throw new RangeError(`k must be a positive integer, got ${o.k}`);
  if (!Number.isInteger(o.groupSize) || o.groupSize < 1) throw new RangeError(`groupSize must be a positive integer, got ${o.groupSize}`);
  for (const [name, x] of [['withinDecay', o.withinDecay], ['groupDecay', o.groupDecay], ['alpha', o.alpha]] as const) {
    if (!(x >= 0 && x <= 1)) throw new RangeError(`${name} must lie in [0, 1], got ${x}`);
  }
  let state: {
    v: PifVectors; U: number; P: number; rank: Int32Array; popular: Int32Array;
    postStart: Int32Array; postCustomer: Int32Array; postValue: Float64Array;
    dot: Float64Array; pred: Float64Array; counts: Int32Array; train: TrainingData; byCustomer: { start: Int32Array; receipts: Int32Array };
  } | null = null;
  let last: { customer: number; near: Int32Array } | null = null;
  let scored: { customer: number; values: Map<number, number> } | null = null;
  const notFitted = (): never => {
    throw new Error('tifu-knn: call fit() first');
  };
  const has = (u: number) => u >= 0 && u < state!.U && state!.v.start[u + 1] > state!.v.start[u];

  const neighboursOf = (u: number): Int32Array => {
    if (!state) return notFitted();
    if (last?.customer === u) return last.near;
    const s = state;
    let near: Int32Array = new Int32Array(0);
    if (has(u)) {
      const { v, postStart, postCustomer, postValue, dot } = s;
      const touched: number[] = [];
      for (let q = v.start[u]; q < v.start[u + 1]; q++) {
        const p = v.items[q], w = v.values[q];
        for (let x = postStart[p]; x < postStart[p + 1]; x++) {
          const c = postCustomer[x];
          if (dot[c] === 0) touched.push(c);
          dot[c] += w * postValue[x];
        }
      }
      const heap = new Nearest(Math.min(o.k, s.U));
      const nu = v.norm2[u];
      for (let c = 0; c < s.U; c++) {
        if (c === u || v.start[c + 1] === v.start[c]) continue;
        heap.offer(c, Math.max(0, nu + v.norm2[c] - 2 * dot[c]));
      }
      for (const c of touched) dot[c] = 0;
      near = heap.sorted();
    }
    last = { customer: u, near };
    return near;
  };

  /**
   * Top-n lists for each (k, α): one pass over the nearest customers' vectors, their running sum in
   * state.pred, snapshots at each k; score = a · v_u + w · Σ v_c with a = α, w = (1 − α)/k (a = 1
   * without neighbours). `scores`, when given, receives the scores of the first (k, α).
   */
  const gridLists = (u: number, n: number, ks: readonly number[], alphas: readonly number[], exclude?: Set<number> | null, scores?: Map<number, number>): Int32Array[][] => {
    const s = state!;
    const out = ks.map(() => alphas.map(() => new Int32Array(0)));
    const near = neighboursOf(u);
    const { v, pred } = s;
    const own = new Map<number, number>();
    const touched: number[] = [];
    if (has(u)) for (let q = v.start[u]; q < v.start[u + 1]; q++) own.set(v.items[q], v.values[q]);
    const order = ks.map((k, i) => [k, i] as const).sort((x, y) => x[0] - y[0]);
    let done = 0;
    for (const [k, i] of order) {
      const upto = Math.min(k, near.length);
      for (; done < upto; done++) {
        const c = near[done];
        for (let q = v.start[c]; q < v.start[c + 1]; q++) {
          const p = v.items[q];
          if (pred[p] === 0 && !own.has(p)) touched.push(p);
          pred[p] += v.values[q];
        }
      }
      alphas.forEach((alpha, j) => {
        const a = upto > 0 ? alpha : 1, w = upto > 0 ? (1 - alpha) / upto : 0;
        const top = new TopK(Math.min(n, s.P), s.rank);
        const offer = (p: number, x: number) => {
          if (i === 0 && j === 0) scores?.set(p, x);
          if (x > 0 && !exclude?.has(p)) top.offer(p, x);
        };
        for (const [p, x] of own) offer(p, a * x + w * pred[p]);
        if (w > 0) for (const p of touched) offer(p, w * pred[p]);
        const got = Array.from(top.result());
        if (got.length < n) {
          // Products nobody near bought follow in global popularity order (a customer without history gets only these).
          const inList = new Set(got);
          for (let x = 0; x < s.popular.length && got.length < n; x++) {
            const p = s.popular[x];
            if (!inList.has(p) && !exclude?.has(p)) got.push(p);
          }
        }
        out[i][j] = Int32Array.from(got);
      });
    }
    for (const p of touched) pred[p] = 0;
    for (const p of own.keys()) pred[p] = 0;
    return out;
  };

  return {
    name: 'tifu-knn',
    neighboursOf,
    fit(train) {
      const P = checkTraining(train);
      const U = train.customerCount;
      const byCustomer = receiptsByCustomer(train);
      const v = pifVectors(train, o.groupSize, o.withinDecay, o.groupDecay, byCustomer);
      const rank = codeRanks(train.codes);
      // Inverted lists: product → (customer, value).
      const postStart = new Int32Array(P + 1);
      for (let q = 0; q < v.items.length; q++) postStart[v.items[q] + 1]++;
      for (let p = 0; p < P; p++) postStart[p + 1] += postStart[p];
      const fill = postStart.slice(0, P);
      const postCustomer = new Int32Array(v.items.length), postValue = new Float64Array(v.items.length);
      for (let u = 0; u < U; u++) {
        for (let q = v.start[u]; q < v.start[u + 1]; q++) {
          const at = fill[v.items[q]]++;
          postCustomer[at] = u;
          postValue[at] = v.values[q];
        }
      }
      const counts = receiptCounts(train, P);
      const popular = rankByCount(counts, rank);
      state = { v, U, P, rank, popular, postStart, postCustomer, postValue, dot: new Float64Array(U), pred: new Float64Array(P), counts, train, byCustomer };
      last = null;
      scored = null;
    },
    recommend(customer, k, exclude) {
      checkQuery(customer, k);
      if (!state) return notFitted();
      return gridLists(customer, k, [o.k], [o.alpha], exclude)[0][0];
    },
    listsFor(customer, n, ks, alphas) {
      checkQuery(customer, n);
      if (!state) return notFitted();
      for (const k of ks) if (!(Number.isInteger(k) && k >= 1 && k <= o.k)) throw new RangeError(`every k must be an integer in 1..${o.k}, got ${k}`);
      return gridLists(customer, n, ks, alphas);
    },
    score(customer, product) {
      if (!state) return notFitted();
      if (scored?.customer !== customer) {
        const values = new Map<number, number>();
        gridLists(customer, 0, [o.k], [o.alpha], null, values);
        scored = { customer, values };
      }
      return scored.values.get(product) ?? 0;
    },
    reason(customer, product, lang) {
      if (!state) return notFitted();
      const s = state;
      const { receiptStart: rs, receiptItems: ri, receiptDay: rd, endDay } = s.train;
      const own = s.byCustomer;
      let receipts = 0, lastDay = -Infinity;
      if (has(customer)) {
        for (let q = own.start[customer]; q < own.start[customer + 1]; q++) {
          const r = own.receipts[q];
          for (let x = rs[r]; x < rs[r + 1]; x++) {
            if (ri[x] !== product) continue;
            receipts++;
            if (rd && rd[r] > lastDay) lastDay = rd[r];
            break;
          }
        }
      }
      const near = neighboursOf(customer);
      let alsoBought = 0;
      for (const c of near) {
        for (let q = s.v.start[c]; q < s.v.start[c + 1]; q++) if (s.v.items[q] === product) { alsoBought++; break; }
      }
      if (receipts === 0 && alsoBought === 0) return say(REASONS.popular(s.counts[product] ?? 0), lang);
      const daysAgo = receipts > 0 && Number.isFinite(lastDay) && endDay !== undefined ? endDay - lastDay : null;
      return say(REASONS.tifu(receipts, daysAgo, alsoBought, near.length), lang);
    },
  };
}

export interface TifuGrid {
  k: readonly number[];
  groupSize: readonly number[];
  groupDecay: readonly number[];
  alpha: readonly number[];
  withinDecay: number;
}

/** The validation grid the harness searches by default (k × m × r_g × α; r_b fixed at 0.9). */
export const DEFAULT_TIFU_GRID: TifuGrid = { k: [100, 300, 900], groupSize: [3, 7], groupDecay: [0.6, 0.8, 1], alpha: [0.3, 0.5, 0.7, 0.9], withinDecay: 0.9 };

/**
 * Picks TIFU-KNN's parameters on a validation split as EASE's λ: every (m, r_g) fits the vectors
 * once on `train`; every (k, α) reuses that fit's neighbour search; `score(lists)` rates the lists
 * (e.g. nDCG@10 of `lists(u)` over the validation customers). The best score wins; ties keep the
 * first in grid order. Returns the winner and every candidate's score.
 */
export function chooseTifu(
  train: TrainingData,
  customers: readonly number[],
  n: number,
  grid: TifuGrid,
  score: (lists: (u: number) => Int32Array) => number,
  onFit?: () => void,
): { best: Required<TifuOptions>; scores: { options: Required<TifuOptions>; score: number }[] } {
  const scores: { options: Required<TifuOptions>; score: number }[] = [];
  const kMax = Math.max(...grid.k);
  for (const groupSize of grid.groupSize) {
    for (const groupDecay of grid.groupDecay) {
      onFit?.();
      const m = tifuKnn({ k: kMax, groupSize, groupDecay, withinDecay: grid.withinDecay });
      m.fit(train);
      const lists = new Map<number, Int32Array[][]>();
      for (const u of customers) lists.set(u, m.listsFor(u, n, grid.k, grid.alpha));
      grid.k.forEach((k, i) => {
        grid.alpha.forEach((alpha, j) => {
          scores.push({ options: { k, groupSize, groupDecay, withinDecay: grid.withinDecay, alpha }, score: score((u) => lists.get(u)?.[i][j] ?? new Int32Array(0)) });
        });
      });
    }
  }
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i].score > scores[best].score) best = i;
  return { best: scores[best].options, scores };
}

/**
 * Baseline recommenders of SPEC §3.7 (issue #5): global popularity, the customer's own repeat
 * purchases, segment popularity, item-kNN and EASE. Popularity is counted in receipts; every
 * ranking breaks ties by product code in STRING order ascending ('P10' < 'P9'), so results are
 * reproducible. All are pure and deterministic.
 */
import { REASONS, say } from './reasons.js';
import { easeWeights } from './ease.js';
import {
  checkQuery, checkTraining, codeOrder, codeRanks, historyItems, rankByCount, receiptCounts, TopK, trainingItems,
  type CustomerItems,
} from './ranking.js';
import type { Recommender, TrainingData } from './types.js';

/** Walks `order`, skipping `exclude` and `skip`, appending to `out` until it holds k items. */
function fillFrom(out: number[], order: ArrayLike<number>, k: number, exclude: Set<number> | null | undefined, skip?: Set<number>): void {
  for (let i = 0; i < order.length && out.length < k; i++) {
    const p = order[i];
    if (exclude?.has(p) || skip?.has(p)) continue;
    out.push(p);
  }
}

function notFitted(name: string): never {
  throw new Error(`${name}: call fit() before recommend()`);
}

/**
 * g-topfreq: global popularity — products ranked by the number of training receipts containing
 * them (ties by code), the same list for everyone (the classic "most popular" baseline, e.g.
 * Cremonesi, Koren & Turrin 2010, "Performance of recommender algorithms on top-N tasks").
 */
export function gTopFreq(): Recommender & { readonly order: Int32Array; readonly counts: Int32Array } {
  let order: Int32Array | null = null;
  let counts: Int32Array = new Int32Array(0);
  return {
    name: 'g-topfreq',
    get order() { return order ?? notFitted('g-topfreq'); },
    get counts() { return counts; },
    fit(train) {
      const P = checkTraining(train);
      counts = receiptCounts(train, P);
      order = rankByCount(counts, codeRanks(train.codes));
    },
    recommend(customer, k, exclude) {
      checkQuery(customer, k);
      if (!order) notFitted('g-topfreq');
      const out: number[] = [];
      fillFrom(out, order, k, exclude);
      return Int32Array.from(out);
    },
    reason(_customer, product, lang) {
      return say(REASONS.popular(counts[product] ?? 0), lang);
    },
    score(_customer, product) {
      return counts[product] ?? 0;
    },
  };
}

/**
 * p-topfreq: the customer's own repeat purchases — the customer's products ranked by the number of
 * that customer's receipts containing them (ties by code), then filled from g-topfreq skipping
 * duplicates. A customer without history gets g-topfreq.
 */
export function pTopFreq(): Recommender {
  const global = gTopFreq();
  let ci: CustomerItems | null = null;
  return {
    name: 'p-topfreq',
    fit(train) {
      global.fit(train);
      ci = trainingItems(train).ci;
    },
    recommend(customer, k, exclude) {
      checkQuery(customer, k);
      if (!ci) notFitted('p-topfreq');
      const own = historyItems(ci, customer);
      const out: number[] = [];
      fillFrom(out, own, k, exclude);
      if (out.length < k) fillFrom(out, global.order, k, exclude, new Set(out));
      return Int32Array.from(out);
    },
    reason(customer, product, lang) {
      if (ci && customer + 1 < ci.start.length) {
        for (let i = ci.start[customer]; i < ci.start[customer + 1]; i++) {
          if (ci.items[i] === product) return say(REASONS.own(ci.counts[i]), lang);
        }
      }
      return global.reason!(customer, product, lang);
    },
    score(customer, product) {
      if (ci && customer + 1 < ci.start.length) {
        for (let i = ci.start[customer]; i < ci.start[customer + 1]; i++) if (ci.items[i] === product) return ci.counts[i];
      }
      return global.score!(customer, product);
    },
  };
}

/**
 * segment-pop: popularity within the customer's segment — products ranked by the number of
 * receipts of that segment's customers containing them (ties by code), then filled from g-topfreq.
 * `segments[u]` is customer u's segment (any integer ≥ 0); a negative, non-integer or missing
 * entry means no segment, and such a customer gets g-topfreq.
 */
export function segmentPop(segments: ArrayLike<number>): Recommender {
  const global = gTopFreq();
  const segOf = (u: number): number => {
    const s = u < segments.length ? segments[u] : -1;
    return Number.isInteger(s) && s >= 0 ? s : -1;
  };
  let lists: Map<number, { order: Int32Array; counts: Map<number, number> }> | null = null;
  return {
    name: 'segment-pop',
    fit(train) {
      global.fit(train);
      const rank = codeRanks(train.codes);
      const bySeg = new Map<number, Map<number, number>>();
      const { receiptCustomer: rc, receiptStart: rs, receiptItems: ri } = train;
      const seenIn = new Map<number, number>();
      for (let r = 0; r < rc.length; r++) {
        const s = segOf(rc[r]);
        if (s < 0) continue;
        let m = bySeg.get(s);
        if (!m) bySeg.set(s, (m = new Map()));
        for (let i = rs[r]; i < rs[r + 1]; i++) {
          const p = ri[i];
          if (seenIn.get(p) === r) continue;
          seenIn.set(p, r);
          m.set(p, (m.get(p) ?? 0) + 1);
        }
      }
      lists = new Map();
      for (const [s, m] of bySeg) {
        const order = Int32Array.from([...m.keys()].sort((a, b) => m.get(b)! - m.get(a)! || rank[a] - rank[b]));
        lists.set(s, { order, counts: m });
      }
    },
    recommend(customer, k, exclude) {
      checkQuery(customer, k);
      if (!lists) notFitted('segment-pop');
      const seg = lists.get(segOf(customer));
      const out: number[] = [];
      if (seg) fillFrom(out, seg.order, k, exclude);
      if (out.length < k) fillFrom(out, global.order, k, exclude, new Set(out));
      return Int32Array.from(out);
    },
    reason(customer, product, lang) {
      const s = segOf(customer);
      const n = lists?.get(s)?.counts.get(product);
      return n ? say(REASONS.segment(n), lang) : global.reason!(customer, product, lang);
    },
    score(customer, product) {
      return lists?.get(segOf(customer))?.counts.get(product) ?? global.score!(customer, product);
    },
  };
}

export interface ItemKnnOptions {
  /** Neighbours kept per item (the most similar, ties by code). Default 100. */
  neighbours?: number;
}

/**
 * item-kNN (Sarwar et al. 2001, "Item-based collaborative filtering recommendation algorithms";
 * Deshpande & Karypis 2004, "Item-based top-N recommendation algorithms"). X is the binary
 * customer×item matrix of the training data (1 if the customer bought the item in any receipt);
 * sim(i, j) = cosine = |C_i ∩ C_j| / √(|C_i|·|C_j|) with C_i the customers who bought i, for i ≠ j
 * (an item is not its own neighbour). Each item keeps its `neighbours` most similar items N(i).
 * score(u, j) = Σ_{i ∈ history(u), j ∈ N(i)} sim(i, j). Nothing is excluded by default — items the
 * customer already bought compete like any other — and products are ranked by score descending,
 * ties (including all zero-score products, which come last) by code.
 */
export function itemKnn(options: ItemKnnOptions = {}): Recommender & { similarity(i: number, j: number): number } {
  const cap = options.neighbours ?? 100;
  if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`neighbours must be a positive integer, got ${cap}`);
  let state: { ci: CustomerItems; rank: Int32Array; byCode: Int32Array; nStart: Int32Array; nItems: Int32Array; nSims: Float64Array; labels: readonly string[] } | null = null;
  let scratch = new Float64Array(0); // scores of one customer, all zero between calls
  const scoresOf = (customer: number, scores: Float64Array, touched: number[]): void => {
    const { ci, nStart, nItems, nSims } = state!;
    for (const i of historyItems(ci, customer)) {
      for (let q = nStart[i]; q < nStart[i + 1]; q++) {
        const j = nItems[q];
        if (scores[j] === 0) touched.push(j);
        scores[j] += nSims[q];
      }
    }
  };
  return {
    name: 'item-knn',
    fit(train) {
      const P = checkTraining(train);
      const { ci, rank } = trainingItems(train);
      const U = train.customerCount;
      // Item → customers (transpose of the customer CSR).
      const cStart = new Int32Array(P + 1);
      for (let q = 0; q < ci.items.length; q++) cStart[ci.items[q] + 1]++;
      for (let p = 0; p < P; p++) cStart[p + 1] += cStart[p];
      const fill = cStart.slice(0, P);
      const cItems = new Int32Array(ci.items.length);
      for (let u = 0; u < U; u++) for (let q = ci.start[u]; q < ci.start[u + 1]; q++) cItems[fill[ci.items[q]]++] = u;
      // Co-occurrence row by row, then the top `cap` cosine neighbours.
      const co = new Int32Array(P);
      const touched: number[] = [];
      const nStart = new Int32Array(P + 1);
      const nItemsL: number[] = [];
      const nSimsL: number[] = [];
      for (let i = 0; i < P; i++) {
        touched.length = 0;
        for (let a = cStart[i]; a < cStart[i + 1]; a++) {
          const u = cItems[a];
          for (let q = ci.start[u]; q < ci.start[u + 1]; q++) {
            const j = ci.items[q];
            if (j === i) continue;
            if (co[j] === 0) touched.push(j);
            co[j]++;
          }
        }
        const ni = cStart[i + 1] - cStart[i];
        const top = new TopK(Math.min(cap, touched.length), rank);
        for (const j of touched) {
          top.offer(j, co[j] / Math.sqrt(ni * (cStart[j + 1] - cStart[j])));
          co[j] = 0;
        }
        for (let t = 0; t < top.size; t++) { nItemsL.push(top.items[t]); nSimsL.push(top.scores[t]); }
        nStart[i + 1] = nItemsL.length;
      }
      state = { ci, rank, byCode: codeOrder(rank), nStart, nItems: Int32Array.from(nItemsL), nSims: Float64Array.from(nSimsL), labels: train.labels ?? train.codes };
    },
    score(customer, product) {
      if (!state) notFitted('item-knn');
      const { ci, nStart, nItems, nSims } = state;
      let sum = 0;
      for (const i of historyItems(ci, customer)) for (let q = nStart[i]; q < nStart[i + 1]; q++) if (nItems[q] === product) sum += nSims[q];
      return sum;
    },
    similarity(i, j) {
      if (!state) notFitted('item-knn');
      const { nStart, nItems, nSims } = state;
      for (let q = nStart[i]; q < nStart[i + 1]; q++) if (nItems[q] === j) return nSims[q];
      return 0;
    },
    recommend(customer, k, exclude) {
      checkQuery(customer, k);
      if (!state) notFitted('item-knn');
      const P = state.rank.length;
      if (scratch.length !== P) scratch = new Float64Array(P);
      const scores = scratch;
      const touched: number[] = [];
      scoresOf(customer, scores, touched);
      const top = new TopK(Math.min(k, P), state.rank);
      for (const j of touched) {
        if (!exclude?.has(j)) top.offer(j, scores[j]);
        scores[j] = 0;
      }
      const out = Array.from(top.result());
      // Zero-score products tie at 0: they follow in code order.
      if (out.length < k) {
        const skip = new Set(touched);
        fillFrom(out, state.byCode, k, exclude, skip);
      }
      return Int32Array.from(out);
    },
    reason(customer, product, lang) {
      if (!state) notFitted('item-knn');
      const { ci, nStart, nItems, nSims, labels } = state;
      let best = -1, bestSim = 0;
      for (const i of historyItems(ci, customer)) {
        for (let q = nStart[i]; q < nStart[i + 1]; q++) {
          if (nItems[q] === product && (nSims[q] > bestSim || (nSims[q] === bestSim && best >= 0 && state.rank[i] < state.rank[best]))) { best = i; bestSim = nSims[q]; }
        }
      }
      return say(best >= 0 ? REASONS.itemKnn(labels[best], bestSim) : REASONS.noSimilar(), lang);
    },
  };
}

export interface EaseOptions {
  /** L2 regularisation λ > 0 (default 200; pick it with `chooseLambda` on a validation split). */
  lambda?: number;
  /** Only the `maxItems` products in most receipts (ties by code) are modelled; default 2,000. */
  maxItems?: number;
}

/**
 * EASE (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW '19): X is the
 * binary customer×item matrix of the training data, G = XᵀX + λI, P = G⁻¹ and
 * B = I − P·diag(1/diag(P)), i.e. B_ij = −P_ij / P_jj, B_ii = 0; scores of customer u = x_u·B.
 * Restricted to the `maxItems` products in most receipts (products in no receipt are never
 * modelled), so the dense Cholesky solve is O(maxItems³); other products are never recommended.
 * Ranked by score descending (scores may be negative), ties by code; repeat items are not excluded.
 */
export function ease(options: EaseOptions = {}): Recommender & { readonly items: Int32Array; readonly weights: Float64Array; scores(customer: number): Float64Array } {
  const lambda = options.lambda ?? 200;
  const maxItems = options.maxItems ?? 2000;
  if (!(lambda > 0) || !Number.isFinite(lambda)) throw new RangeError(`lambda must be a positive finite number, got ${lambda}`);
  if (!Number.isInteger(maxItems) || maxItems < 1) throw new RangeError(`maxItems must be a positive integer, got ${maxItems}`);
  let state: { items: Int32Array; col: Int32Array; B: Float64Array; ci: CustomerItems; rank: Int32Array; labels: readonly string[] } | null = null;
  let last: { customer: number; s: Float64Array } | null = null; // the last customer's scores, for score()
  const scores = (customer: number): Float64Array => {
    if (!state) notFitted('ease');
    const { items, col, B, ci } = state;
    const n = items.length;
    const s = new Float64Array(n);
    for (const p of historyItems(ci, customer)) {
      const a = col[p];
      if (a < 0) continue;
      const ra = a * n;
      for (let j = 0; j < n; j++) s[j] += B[ra + j];
    }
    return s;
  };
  return {
    name: 'ease',
    get items() { return state ? state.items : notFitted('ease'); },
    get weights() { return state ? state.B : notFitted('ease'); },
    scores,
    score(customer, product) {
      if (!state) notFitted('ease');
      if (last === null || last.customer !== customer) last = { customer, s: scores(customer) };
      const a = state.col[product];
      return a >= 0 ? last.s[a] : 0;
    },
    fit(train) {
      last = null;
      const P = checkTraining(train);
      const rank = codeRanks(train.codes);
      const counts = receiptCounts(train, P);
      const order = rankByCount(counts, rank);
      let n = 0;
      while (n < Math.min(maxItems, P) && counts[order[n]] > 0) n++;
      const items = order.slice(0, n);
      const col = new Int32Array(P).fill(-1);
      for (let a = 0; a < n; a++) col[items[a]] = a;
      const { ci } = trainingItems(train);
      state = { items, col, B: easeWeights(easeGram(train, ci, col, n), n, lambda), ci, rank, labels: train.labels ?? train.codes };
    },
    recommend(customer, k, exclude) {
      checkQuery(customer, k);
      if (!state) notFitted('ease');
      const s = scores(customer);
      const top = new TopK(Math.min(k, s.length), state.rank);
      for (let a = 0; a < s.length; a++) {
        const p = state.items[a];
        if (!exclude?.has(p)) top.offer(p, s[a]);
      }
      return top.result();
    },
    reason(customer, product, lang) {
      if (!state) notFitted('ease');
      const { items, col, B, ci, labels } = state;
      const n = items.length;
      const j = col[product];
      if (j < 0) return say(REASONS.notModelled(), lang);
      let best = -1, bestW = 0;
      for (const p of historyItems(ci, customer)) {
        const a = col[p];
        if (a >= 0 && B[a * n + j] > bestW) { best = p; bestW = B[a * n + j]; }
      }
      return say(best >= 0 ? REASONS.easeLink(labels[best], bestW) : REASONS.noLink(), lang);
    },
  };
}

/**
 * G = XᵀX over the n modelled items (`col[p]` its column, −1 not modelled), computed once per
 * training data and n: choosing λ fits EASE several times on the same receipts (issue #16), and
 * easeWeights only reads G. Cached like trainingItems, while the receipts' lengths match.
 */
function easeGram(train: TrainingData, ci: CustomerItems, col: Int32Array, n: number): Float64Array {
  const key = `${n}:${train.receiptCustomer.length}:${train.receiptItems.length}:${train.codes.length}`;
  let byKey = gramCache.get(train);
  const hit = byKey?.get(key);
  if (hit) return hit;
  const G = new Float64Array(n * n);
  const cols: number[] = [];
  for (let u = 0; u < train.customerCount; u++) {
    cols.length = 0;
    for (let q = ci.start[u]; q < ci.start[u + 1]; q++) { const a = col[ci.items[q]]; if (a >= 0) cols.push(a); }
    for (const a of cols) { const ra = a * n; for (const b of cols) G[ra + b] += 1; }
  }
  if (!byKey) gramCache.set(train, (byKey = new Map()));
  byKey.set(key, G);
  return G;
}
const gramCache = new WeakMap<TrainingData, Map<string, Float64Array>>();

/** Default λ candidates for EASE. */
export const DEFAULT_LAMBDAS: readonly number[] = [50, 100, 200, 500, 1000];

/**
 * Picks EASE's λ on a validation split. The caller drives it: it splits the TRAINING period again
 * by time (e.g. the last N weeks before the cutoff as validation), and `fitAndScore(λ)` fits
 * `ease({ lambda: λ })` on the earlier part and returns a higher-is-better score on the validation
 * part (e.g. nDCG@10 from `evaluate`). The test period is never touched. Returns the λ with the
 * highest score (ties: the first candidate) and every candidate's score; NaN scores never win.
 */
export function chooseLambda(
  candidates: readonly number[] = DEFAULT_LAMBDAS,
  fitAndScore: (lambda: number) => number,
): { lambda: number; scores: { lambda: number; score: number }[] } {
  if (candidates.length === 0) throw new RangeError('candidates must hold at least one λ');
  const scores = candidates.map((lambda) => {
    if (!(lambda > 0) || !Number.isFinite(lambda)) throw new RangeError(`every λ must be a positive finite number, got ${lambda}`);
    return { lambda, score: fitAndScore(lambda) };
  });
  let best = -1;
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i].score)) continue;
    if (best < 0 || scores[i].score > scores[best].score) best = i;
  }
  if (best < 0) throw new Error('chooseLambda: every candidate scored NaN');
  return { lambda: scores[best].lambda, scores };
}

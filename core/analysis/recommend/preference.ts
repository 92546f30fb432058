import { REASONS, say } from './reasons.js';
import { checkQuery, checkTraining, codeRanks, TopK } from './ranking.js';
import type { Recommender, TrainingData } from './types.js';

/**
 * The preference score of seed 002 (SPEC §3.3): per (customer, product) with history, at a
 * reference day, a 0–5 score from three parts. The seed shows the parts but not its bins (its
 * tables are images), so ours are documented here and in docs/recommend.md:
 *
 * - `buy_level` (0–2) from n, the customer's purchase receipts with the product:
 *   n = 1 → 0, 2 → 0.5, 3–4 → 1, 5–9 → 1.5, ≥ 10 → 2 (steps at roughly doubling counts);
 * - `low_clac` (0–1.5) = 1.5 × the share of the customer's purchases (product-receipt pairs) that
 *   fall in the product's category (대분류): products of the customer's favourite categories score;
 * - `range_score` (0–1.5) = 1.5 × min(1, (reference − last purchase) / interval), where interval is
 *   the customer's mean gap between purchases of the product, or — after a single purchase — the
 *   largest such gap seen in the product's category (the seed's rule); 0 when neither exists. A
 *   product whose usual gap has passed is "due".
 *
 * score = buy_level + low_clac + range_score ∈ [0, 5].
 */
export interface PreferencePurchase {
  customer: number;
  product: number;
  day: number;
}

export interface PreferenceScore {
  customer: number;
  product: number;
  score: number;
  buyLevel: number;
  lowClac: number;
  rangeScore: number;
  purchases: number;
  lastDay: number;
  /** Mean gap in days (or the category's largest gap after one purchase; NaN when none). */
  interval: number;
}

export function buyLevel(n: number): number {
  return n >= 10 ? 2 : n >= 5 ? 1.5 : n >= 3 ? 1 : n >= 2 ? 0.5 : 0;
}

/** Purchases as columns: one entry per purchase receipt of a product (customer, product, day). */
export interface PurchaseColumns {
  customer: Int32Array;
  product: Int32Array;
  day: Int32Array;
}

/** Preference scores as columns, one row per (customer, product) pair, sorted by customer then product. */
export interface PreferenceTable {
  customer: Int32Array;
  product: Int32Array;
  score: Float64Array;
  buyLevel: Float64Array;
  lowClac: Float64Array;
  rangeScore: Float64Array;
  purchases: Int32Array;
  lastDay: Int32Array;
  interval: Float64Array;
}

/**
 * Scores every (customer, product) pair of the purchases (days before `reference`), with
 * `category[product]` an integer category (−1 unknown, a group of its own). Typed arrays
 * throughout: 4M purchases of the full demo take ≈ 0.2 GB less than objects would per million.
 */
export function preferenceTable(purchases: PurchaseColumns, category: ArrayLike<number>, reference: number): PreferenceTable {
  const n = purchases.customer.length;
  let U = 0, P = 0, d0 = Infinity, d1 = -Infinity, C = 0;
  for (let i = 0; i < n; i++) {
    U = Math.max(U, purchases.customer[i] + 1);
    P = Math.max(P, purchases.product[i] + 1);
    d0 = Math.min(d0, purchases.day[i]);
    d1 = Math.max(d1, purchases.day[i]);
  }
  for (let p = 0; p < P; p++) C = Math.max(C, category[p] + 1);
  const catOf = (p: number) => (category[p] >= 0 ? category[p] : C); // unknown: group C
  // Sort by (customer, product, day) through one exact numeric key (< 2^53 for any realistic data).
  const span = Number.isFinite(d0) ? d1 - d0 + 1 : 1;
  if (U * P * span >= 2 ** 53) throw new RangeError('preferenceTable: too many customers × products × days for one sort key');
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (purchases.customer[i] * P + purchases.product[i]) * span + (purchases.day[i] - d0);
  keys.sort();
  // Pairs: runs of equal (customer, product). Integer division of keys < 2^53, corrected for rounding.
  const div = (k: number, d: number) => {
    let q = Math.floor(k / d);
    if (q * d > k) q--;
    else if ((q + 1) * d <= k) q++;
    return q;
  };
  const pairKey = (k: number) => div(k, span);
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || pairKey(keys[i]) !== pairKey(keys[i - 1])) m++;
  const t: PreferenceTable = {
    customer: new Int32Array(m), product: new Int32Array(m), score: new Float64Array(m), buyLevel: new Float64Array(m), lowClac: new Float64Array(m),
    rangeScore: new Float64Array(m), purchases: new Int32Array(m), lastDay: new Int32Array(m), interval: new Float64Array(m),
  };
  const firstDay = new Int32Array(m);
  const maxGap = new Float64Array(C + 1).fill(-1);
  for (let i = 0, j = -1; i < n; i++) {
    const pk = pairKey(keys[i]);
    const day = (keys[i] - pk * span) + d0;
    if (i === 0 || pk !== pairKey(keys[i - 1])) {
      j++;
      t.customer[j] = div(pk, P);
      t.product[j] = pk - t.customer[j] * P;
      firstDay[j] = day;
    } else {
      const c = catOf(t.product[j]);
      maxGap[c] = Math.max(maxGap[c], day - t.lastDay[j]);
    }
    t.purchases[j]++;
    t.lastDay[j] = day;
  }
  // Per customer: purchases in total and by category (pairs are grouped by customer).
  const byCat = new Float64Array(C + 1);
  for (let a = 0; a < m; ) {
    let b = a;
    let total = 0;
    while (b < m && t.customer[b] === t.customer[a]) {
      byCat[catOf(t.product[b])] += t.purchases[b];
      total += t.purchases[b];
      b++;
    }
    for (let j = a; j < b; j++) {
      const nj = t.purchases[j];
      const interval = nj >= 2 ? (t.lastDay[j] - firstDay[j]) / (nj - 1) : maxGap[catOf(t.product[j])] >= 0 ? maxGap[catOf(t.product[j])] : NaN;
      t.interval[j] = interval;
      t.buyLevel[j] = buyLevel(nj);
      t.lowClac[j] = 1.5 * (byCat[catOf(t.product[j])] / total);
      t.rangeScore[j] = interval > 0 ? 1.5 * Math.min(1, (reference - t.lastDay[j]) / interval) : 0;
      t.score[j] = t.buyLevel[j] + t.lowClac[j] + t.rangeScore[j];
    }
    for (let j = a; j < b; j++) byCat[catOf(t.product[j])] = 0;
    a = b;
  }
  return t;
}

/** The rows of a preference table as objects. */
export function tableRows(t: PreferenceTable): PreferenceScore[] {
  return Array.from(t.customer, (customer, j) => ({
    customer, product: t.product[j], score: t.score[j], buyLevel: t.buyLevel[j], lowClac: t.lowClac[j], rangeScore: t.rangeScore[j], purchases: t.purchases[j], lastDay: t.lastDay[j], interval: t.interval[j],
  }));
}

/**
 * Scores every (customer, product) pair of `purchases` (one entry per purchase receipt of the
 * product; days before `reference`), with `category[product]` an integer category (−1 unknown),
 * as objects sorted by customer then product (see preferenceTable).
 */
export function preferenceScores(purchases: readonly PreferencePurchase[], category: ArrayLike<number>, reference: number): PreferenceScore[] {
  return tableRows(preferenceTable({
    customer: Int32Array.from(purchases, (p) => p.customer), product: Int32Array.from(purchases, (p) => p.product), day: Int32Array.from(purchases, (p) => p.day),
  }, category, reference));
}

/**
 * The seed's validation table: for thresholds 0.0, 0.5 … 4.5, the share of pairs scoring at least
 * the threshold that were bought again (`again(customer, product)`) — with the number of pairs.
 */
export function validationTable(scores: readonly PreferenceScore[], again: (customer: number, product: number) => boolean): { threshold: number; pairs: number; share: number | null }[] {
  const rows = Array.from({ length: 10 }, (_, i) => ({ threshold: i / 2, pairs: 0, hits: 0 }));
  for (const s of scores) {
    const hit = again(s.customer, s.product);
    for (const r of rows) {
      if (s.score + 1e-12 < r.threshold) break;
      r.pairs++;
      if (hit) r.hits++;
    }
  }
  return rows.map((r) => ({ threshold: r.threshold, pairs: r.pairs, share: r.pairs > 0 ? r.hits / r.pairs : null }));
}

/** Every (customer, product, day) purchase of the training receipts as columns, and the last training day. */
export function trainingPurchases(train: TrainingData, model: string): { purchases: PurchaseColumns; last: number } {
  if (!train.receiptDay) throw new Error(`${model} needs receipt days`);
  const n = train.receiptItems.length;
  const purchases: PurchaseColumns = { customer: new Int32Array(n), product: Int32Array.from(train.receiptItems), day: new Int32Array(n) };
  let last = -Infinity;
  for (let r = 0; r < train.receiptCustomer.length; r++) {
    const day = train.receiptDay[r];
    if (day > last) last = day;
    purchases.customer.fill(train.receiptCustomer[r], train.receiptStart[r], train.receiptStart[r + 1]);
    purchases.day.fill(day, train.receiptStart[r], train.receiptStart[r + 1]);
  }
  return { purchases, last };
}

/**
 * preference-score as a recommender: the customer's own products ranked by their preference score
 * at the day after the last training receipt (ties by code); nothing for products never bought
 * (the learned score-model covers those), so a list can be shorter than k.
 */
export function preferenceRecommender(category: ArrayLike<number>): Recommender {
  let byCustomer: Map<number, PreferenceScore[]> | null = null;
  let rank: Int32Array = new Int32Array(0);
  return {
    name: 'preference-score',
    fit(train: TrainingData) {
      checkTraining(train);
      rank = codeRanks(train.codes);
      const { purchases, last } = trainingPurchases(train, 'preference-score');
      byCustomer = new Map();
      for (const s of tableRows(preferenceTable(purchases, category, last + 1))) (byCustomer.get(s.customer) ?? byCustomer.set(s.customer, []).get(s.customer)!).push(s);
    },
    recommend(customer, k, exclude) {
      checkQuery(customer, k);
      if (!byCustomer) throw new Error('preference-score: call fit() first');
      const own = byCustomer.get(customer) ?? [];
      const top = new TopK(Math.min(k, own.length), rank);
      for (const s of own) if (!exclude?.has(s.product)) top.offer(s.product, s.score);
      return top.result();
    },
    score(customer, product) {
      return byCustomer?.get(customer)?.find((s) => s.product === product)?.score ?? 0;
    },
    reason(customer, product, lang) {
      const s = byCustomer?.get(customer)?.find((x) => x.product === product);
      if (!s) return say(REASONS.neverBought(), lang);
      return say(REASONS.preference(s.score, s.buyLevel, s.lowClac, s.rangeScore, Number.isFinite(s.interval) ? Math.round(s.interval) : null), lang);
    },
  };
}

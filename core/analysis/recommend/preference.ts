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

/**
 * Scores every (customer, product) pair of `purchases` (one entry per purchase receipt of the
 * product; days before `reference`), with `category[product]` an integer category (−1 unknown).
 */
export function preferenceScores(purchases: readonly PreferencePurchase[], category: ArrayLike<number>, reference: number): PreferenceScore[] {
  // Group by customer then product, days ascending.
  const sorted = [...purchases].sort((a, b) => a.customer - b.customer || a.product - b.product || a.day - b.day);
  const pairs: { customer: number; product: number; days: number[] }[] = [];
  for (const p of sorted) {
    const last = pairs[pairs.length - 1];
    if (last && last.customer === p.customer && last.product === p.product) last.days.push(p.day);
    else pairs.push({ customer: p.customer, product: p.product, days: [p.day] });
  }
  // The largest gap per category, over every customer's repeated products.
  const maxGap = new Map<number, number>();
  for (const pr of pairs) {
    const c = category[pr.product];
    for (let i = 1; i < pr.days.length; i++) maxGap.set(c, Math.max(maxGap.get(c) ?? 0, pr.days[i] - pr.days[i - 1]));
  }
  // Per customer: purchases in total and by category.
  const total = new Map<number, number>(), byCat = new Map<string, number>();
  for (const pr of pairs) {
    total.set(pr.customer, (total.get(pr.customer) ?? 0) + pr.days.length);
    const key = `${pr.customer}:${category[pr.product]}`;
    byCat.set(key, (byCat.get(key) ?? 0) + pr.days.length);
  }
  return pairs.map((pr) => {
    const n = pr.days.length;
    const lastDay = pr.days[n - 1];
    const interval = n >= 2 ? (lastDay - pr.days[0]) / (n - 1) : (maxGap.get(category[pr.product]) ?? NaN);
    const bl = buyLevel(n);
    const lc = 1.5 * ((byCat.get(`${pr.customer}:${category[pr.product]}`) ?? 0) / (total.get(pr.customer) ?? 1));
    const rs = interval > 0 ? 1.5 * Math.min(1, (reference - lastDay) / interval) : 0;
    return { customer: pr.customer, product: pr.product, score: bl + lc + rs, buyLevel: bl, lowClac: lc, rangeScore: rs, purchases: n, lastDay, interval };
  });
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

/** Every (customer, product, day) purchase of the training receipts, and the last training day. */
export function trainingPurchases(train: TrainingData, model: string): { purchases: PreferencePurchase[]; last: number } {
  if (!train.receiptDay) throw new Error(`${model} needs receipt days`);
  const purchases: PreferencePurchase[] = [];
  let last = -Infinity;
  for (let r = 0; r < train.receiptCustomer.length; r++) {
    const day = train.receiptDay[r];
    if (day > last) last = day;
    for (let q = train.receiptStart[r]; q < train.receiptStart[r + 1]; q++) purchases.push({ customer: train.receiptCustomer[r], product: train.receiptItems[q], day });
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
      for (const s of preferenceScores(purchases, category, last + 1)) (byCustomer.get(s.customer) ?? byCustomer.set(s.customer, []).get(s.customer)!).push(s);
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
    reason(customer, product) {
      const s = byCustomer?.get(customer)?.find((x) => x.product === product);
      if (!s) return 'never bought';
      const every = Number.isFinite(s.interval) ? `; you buy it every ~${Math.round(s.interval)} days` : '';
      return `score ${s.score.toFixed(1)} = buy level ${s.buyLevel} + category share ${s.lowClac.toFixed(1)} + interval ${s.rangeScore.toFixed(1)}${every}`;
    },
  };
}

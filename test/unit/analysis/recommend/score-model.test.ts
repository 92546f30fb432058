import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../core/analysis/common/random.js';
import {
  historyOf, pickRetailer, scoreModelRecommender, ScoreGrads, ScoreNet, stampMission, trainScoreModel, weightedSampleTop, type ScorePairs,
} from '../../../../core/analysis/recommend/index.js';
import type { TrainingData } from '../../../../core/analysis/recommend/types.js';

/** Planted scores: score = TABLE[customer group][product group] + small noise, a random 40 % of pairs observed. */
const TABLE = [
  [4.5, 0.5, 2.5, 1.0],
  [0.5, 4.0, 1.0, 3.0],
  [2.0, 1.5, 4.5, 0.5],
  [3.5, 3.0, 0.5, 4.0],
];
function planted(customers: number, products: number, seed: number): { pairs: ScorePairs; age: Float64Array; gender: Int32Array } {
  const r = createRandom(seed);
  const cu: number[] = [], pr: number[] = [], sc: number[] = [];
  for (let u = 0; u < customers; u++) {
    for (let p = 0; p < products; p++) {
      if (r.next() >= 0.4) continue;
      cu.push(u); pr.push(p);
      sc.push(TABLE[u % 4][p % 4] + (r.next() - 0.5) * 0.2);
    }
  }
  // Demographics unrelated to the score (and some missing), so the embeddings must carry the signal.
  const age = Float64Array.from({ length: customers }, (_, u) => (u % 7 === 0 ? NaN : 20 + 10 * (u % 6)));
  const gender = Int32Array.from({ length: customers }, (_, u) => (u % 5 === 0 ? -1 : u % 2));
  return { pairs: { customer: Int32Array.from(cu), product: Int32Array.from(pr), score: Float32Array.from(sc) }, age, gender };
}

describe('score-model network (hand-written backprop)', () => {
  it('gradients of the batch loss (MSE + L2 on embeddings) match central finite differences for every parameter', () => {
    const random = createRandom(7);
    const demo = { age: [30, NaN, 55], gender: [0, 1, -1], genderLevels: 2 };
    const net = new ScoreNet(3, 4, 3, 5, demo, random);
    // Biases away from 0 so the check covers them too (and most ReLUs are away from their kink).
    for (let j = 0; j < net.b1.length; j++) net.b1[j] = 0.3 * (random.next() - 0.3);
    net.b2[0] = 1.7;
    const pairs: ScorePairs = { customer: Int32Array.from([0, 1, 2, 0, 2, 1]), product: Int32Array.from([0, 1, 3, 2, 0, 3]), score: Float32Array.from([4, 1, 2.5, 0.5, 3, 5]) };
    const order = [0, 1, 2, 3, 4, 5];
    const l2 = 0.5;
    const g = new ScoreGrads(net);
    g.clear(net.dim);
    net.batch(pairs, order, 0, order.length, l2, g);
    const params = net.params();
    let checked = 0, largest = 0;
    for (const name of ['cust', 'prod', 'w1', 'b1', 'w2', 'b2'] as const) {
      const w = params[name];
      for (let i = 0; i < w.length; i++) {
        const orig = w[i];
        w[i] = orig + 1e-3;
        const hi = w[i];
        const lossHi = net.batch(pairs, order, 0, order.length, l2, null).loss;
        w[i] = orig - 1e-3;
        const lo = w[i];
        const lossLo = net.batch(pairs, order, 0, order.length, l2, null).loss;
        w[i] = orig;
        const numeric = (lossHi - lossLo) / (hi - lo);
        const analytic = g[name][i];
        expect(Math.abs(numeric - analytic), `${name}[${i}]: numeric ${numeric} vs analytic ${analytic}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric)));
        largest = Math.max(largest, Math.abs(numeric));
        checked++;
      }
    }
    // Every parameter was checked, and the gradient is far from trivially zero.
    expect(checked).toBe(3 * 3 + 4 * 3 + net.w1.length + 5 + 5 + 1);
    expect(largest).toBeGreaterThan(0.5);
  });
});

describe('score-model training', () => {
  it('learns planted (customer group × product group) scores: validation RMSE far below the mean baseline', () => {
    // Small data (2.6k pairs, 10 batches per epoch): a larger step and a lighter penalty than the defaults tuned on the demo data.
    const { pairs, age, gender } = planted(160, 40, 3);
    const epochs: number[] = [];
    const m = trainScoreModel(pairs, 160, 40, { age, gender }, { epochs: 30, seed: 5, lr: 0.005, l2: 0.01, onEpoch: (e) => epochs.push(e.epoch) });
    expect(epochs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(m.history).toHaveLength(30);
    expect(m.validPairs).toBe(Math.round(pairs.score.length * 0.1));
    expect(m.trainPairs + m.validPairs).toBe(pairs.score.length);
    expect(m.baselineRmse).toBeGreaterThan(1.2); // the table's spread
    expect(m.validRmse).toBeLessThan(0.5);
    expect(m.validRmse).toBeLessThan(0.35 * m.baselineRmse);
    expect(m.history[29].validRmse).toBeLessThan(m.history[0].validRmse);
    // A never-observed pair is predicted from the groups.
    const seen = new Set(Array.from(pairs.customer, (u, k) => `${u}:${pairs.product[k]}`));
    let err = 0, n = 0;
    for (let u = 0; u < 160; u++) for (let p = 0; p < 40; p++) if (!seen.has(`${u}:${p}`)) { err += (m.predict(u, p) - TABLE[u % 4][p % 4]) ** 2; n++; }
    expect(Math.sqrt(err / n)).toBeLessThan(0.6);
    // predictAll agrees with predict.
    const all = m.predictAll(17);
    for (let p = 0; p < 40; p++) expect(all[p]).toBeCloseTo(m.predict(17, p), 4);
  });

  it('is deterministic for a seed and differs for another seed; shouldStop ends training between batches', () => {
    const { pairs, age, gender } = planted(60, 20, 11);
    const a = trainScoreModel(pairs, 60, 20, { age, gender }, { epochs: 3, seed: 9 });
    const b = trainScoreModel(pairs, 60, 20, { age, gender }, { epochs: 3, seed: 9 });
    const c = trainScoreModel(pairs, 60, 20, { age, gender }, { epochs: 3, seed: 10 });
    expect(b.history).toEqual(a.history);
    expect(Array.from(b.net.w1)).toEqual(Array.from(a.net.w1));
    expect(b.predict(3, 4)).toBe(a.predict(3, 4));
    expect(c.history).not.toEqual(a.history);
    let calls = 0;
    const s = trainScoreModel(pairs, 60, 20, {}, { epochs: 5, batch: 16, shouldStop: () => ++calls > 3 });
    expect(s.stopped).toBe(true);
    expect(s.history).toHaveLength(0);
    expect(calls).toBe(4);
    // A throwing hook (the job's ctx.throwIfCancelled) cancels training.
    const abort = Object.assign(new Error('cancelled'), { name: 'AbortError' });
    let batches = 0;
    expect(() => trainScoreModel(pairs, 60, 20, {}, { epochs: 5, batch: 16, shouldStop: () => { if (++batches > 10) throw abort; return false; } })).toThrow(abort);
    expect(batches).toBe(11);
  });
});

describe('score-model recommender', () => {
  it('recommends only products the customer never bought in training, ranked by predicted score', () => {
    // 30 customers, 12 products in 3 categories; customers buy within "their" category on several days.
    const r = createRandom(2);
    const receipts: [number, number[], number][] = [];
    for (let u = 0; u < 30; u++) for (let t = 0; t < 6; t++) {
      const items = new Set<number>();
      for (let i = 0; i < 3; i++) items.add((u % 3) * 4 + r.int(4));
      if (r.next() < 0.3) items.add(r.int(12));
      receipts.push([u, [...items], 10 * t + (u % 5)]);
    }
    const receiptStart = new Int32Array(receipts.length + 1);
    const items: number[] = [];
    receipts.forEach(([, ps], i) => { items.push(...ps); receiptStart[i + 1] = items.length; });
    const train: TrainingData = {
      codes: Array.from({ length: 12 }, (_, p) => `P${p}`), customerCount: 31,
      receiptCustomer: Int32Array.from(receipts, (x) => x[0]), receiptStart, receiptItems: Int32Array.from(items), receiptDay: Int32Array.from(receipts, (x) => x[2]),
    };
    const category = Int32Array.from({ length: 12 }, (_, p) => Math.floor(p / 4));
    const m = scoreModelRecommender({ category, epochs: 5, gender: Int32Array.from({ length: 31 }, (_, u) => u % 2) });
    m.fit(train);
    expect(m.fitted!.trainPairs + m.fitted!.validPairs).toBeGreaterThan(100);
    const history = historyOf(train);
    let nonEmpty = 0;
    for (let u = 0; u < 31; u++) {
      const own = history(u);
      const list = Array.from(m.recommend(u, 12));
      for (const p of list) expect(own.has(p), `customer ${u} already bought ${p}`).toBe(false);
      expect(list).toHaveLength(12 - own.size); // every product was bought by someone
      for (let i = 1; i < list.length; i++) expect(m.score!(u, list[i])).toBeLessThanOrEqual(m.score!(u, list[i - 1]) + 1e-9);
      if (list.length > 0) nonEmpty++;
      if (list.length > 1) {
        const ex = new Set([list[0]]);
        expect(Array.from(m.recommend(u, 12, ex))).toEqual(list.slice(1));
        expect(m.reason!(u, list[0])).toMatch(/^predicted score -?\d+\.\d for a product you have not bought yet/);
      }
    }
    expect(nonEmpty).toBeGreaterThan(25);
    // Customer 30 has no history: every product is a candidate (mean embedding + demographics).
    expect(m.recommend(30, 12)).toHaveLength(12);
  });
});

describe("the seed's uses of the predicted score", () => {
  it('pickRetailer draws a retailer with probability proportional to the spend share', () => {
    const shares = [0.34, 0.001, 0.47, 0.12, 0.0, 0.058]; // the seed's customer 13 (A05 set to 0)
    const total = shares.reduce((a, b) => a + b, 0);
    const counts = new Array<number>(shares.length).fill(0);
    const random = createRandom(4);
    const N = 200_000;
    for (let i = 0; i < N; i++) counts[pickRetailer(shares, random)]++;
    shares.forEach((s, i) => expect(Math.abs(counts[i] / N - s / total), `retailer ${i}`).toBeLessThan(0.004));
    expect(counts[4]).toBe(0);
    expect(pickRetailer([0, 0], random)).toBe(-1);
    expect(pickRetailer([0, 2, 0], random)).toBe(1);
  });

  it('weightedSampleTop samples only among the top 30, with probability proportional to the predicted score', () => {
    // Products 0..49 with scores 0.1·(50 − p): the top 30 are products 0..29 (score 5.0 … 2.1).
    const preds = Array.from({ length: 50 }, (_, p) => ({ product: p, score: 0.1 * (50 - p) }));
    const shuffled = [...preds].reverse();
    const random = createRandom(8);
    const counts = new Map<number, number>();
    const N = 100_000;
    for (let i = 0; i < N; i++) {
      const s = weightedSampleTop(shuffled, 30, random)!;
      counts.set(s.product, (counts.get(s.product) ?? 0) + 1);
    }
    expect(Math.max(...counts.keys())).toBe(29);
    const total = preds.slice(0, 30).reduce((a, b) => a + b.score, 0);
    for (const p of [0, 15, 29]) expect(Math.abs(counts.get(p)! / N - preds[p].score / total), `product ${p}`).toBeLessThan(0.004);
    expect(weightedSampleTop([], 30, random)).toBeNull();
    // Ties at the cut are broken by rank: with rank reversing the index, the higher index wins.
    const tied = [{ product: 0, score: 1 }, { product: 1, score: 1 }];
    expect(weightedSampleTop(tied, 1, random, [1, 0])!.product).toBe(1);
    expect(weightedSampleTop(tied, 1, random)!.product).toBe(0);
  });

  it('stampMission picks the 5 categories with the highest MEAN predicted score and their best products', () => {
    // Category: products → scores. Category 6 has the single best product but a low mean.
    const byCat: Record<number, number[]> = {
      0: [3.0, 3.0, 3.0], // mean 3.0
      1: [4.0, 1.0], // mean 2.5
      2: [2.9, 2.9, 2.8, 2.7, 2.6, 2.5], // mean 2.733
      3: [3.5], // mean 3.5
      4: [1.0, 1.2], // mean 1.1
      5: [2.0, 2.2, 2.1], // mean 2.1
      6: [4.9, 0.1, 0.1, 0.1], // mean 1.3
    };
    const preds: { product: number; score: number }[] = [];
    const category: number[] = [];
    for (const [c, scores] of Object.entries(byCat)) for (const s of scores) { preds.push({ product: category.length, score: s }); category.push(Number(c)); }
    preds.push({ product: category.length, score: 5 }); category.push(-1); // no category: ignored
    const m = stampMission(preds, category, 5, 4);
    expect(m.map((x) => x.category)).toEqual([3, 0, 2, 1, 5]);
    expect(m[0].mean).toBeCloseTo(3.5, 12);
    expect(m[2].mean).toBeCloseTo(16.4 / 6, 12);
    expect(m[2].products.map((p) => p.score)).toEqual([2.9, 2.9, 2.8, 2.7]);
    expect(m[3].products.map((p) => p.score)).toEqual([4.0, 1.0]);
    // Ties among products by index (default rank): category 0's three 3.0 products in index order.
    expect(m[1].products.map((p) => p.product)).toEqual([0, 1, 2]);
  });
});

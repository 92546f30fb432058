import { beforeAll, describe, expect, it } from 'vitest';
import { amountBin, repeatBucket, sequenceRecommender, sessionStarts, type SequenceEventsInput } from '../../../../core/analysis/recommend/sequence.js';
import type { TrainingData } from '../../../../core/analysis/recommend/types.js';
import { tfWasmReady } from '../../../../core/jobs/recommend/tf-wasm.js';

/**
 * Planted sequences: 3 groups of customers each walk a cycle of 5 products (group g:
 * 5g → 5g+1 → … → 5g+4 → 5g), one product per day, starting at a random point, with a few
 * random pseudo-product events (partner uses) in between. The next product is fully determined by
 * the latest one — order a popularity model cannot see (every product of the cycle is bought
 * equally often).
 */
function planted(customers: number, days: number, seed = 7) {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  const ev = { customer: [] as number[], day: [] as number[], item: [] as number[], amount: [] as number[], source: [] as number[] };
  const receipts: [number, number, number][] = [];
  const start: number[] = [];
  for (let u = 0; u < customers; u++) {
    const g = u % 3;
    let pos = Math.floor(rnd() * 5);
    start.push(pos);
    for (let day = 0; day < days; day++) {
      if (rnd() < 0.2) {
        ev.customer.push(u); ev.day.push(day); ev.item.push(-1 - (u % 2)); ev.amount.push(10); ev.source.push(1);
      }
      const p = 5 * g + pos;
      ev.customer.push(u); ev.day.push(day); ev.item.push(p); ev.amount.push(1000 * (1 + rnd())); ev.source.push(0);
      receipts.push([u, day, p]);
      pos = (pos + 1) % 5;
    }
  }
  const events: SequenceEventsInput = {
    customer: Int32Array.from(ev.customer), day: Int32Array.from(ev.day), hourKey: new Int8Array(ev.customer.length).fill(-1), source: Int32Array.from(ev.source),
    item: Int32Array.from(ev.item), amount: Float64Array.from(ev.amount), pseudo: [{ code: 'partner B01', kind: 'partner', group: 'B01' }, { code: 'partner C01', kind: 'partner', group: 'C01' }],
  };
  const codes = Array.from({ length: 15 }, (_, p) => `P${String(p).padStart(2, '0')}`);
  const train = (cutoff: number): TrainingData => {
    const rs = receipts.filter((r) => r[1] < cutoff);
    return {
      codes, customerCount: customers, receiptCustomer: Int32Array.from(rs, (r) => r[0]), receiptDay: Int32Array.from(rs, (r) => r[1]),
      receiptStart: Int32Array.from({ length: rs.length + 1 }, (_, i) => i), receiptItems: Int32Array.from(rs, (r) => r[2]), endDay: cutoff,
    };
  };
  const category = Int32Array.from({ length: 15 }, (_, p) => Math.floor(p / 5));
  const category2 = Int32Array.from({ length: 15 }, (_, p) => p % 5);
  /** The product customer u buys on `day`. */
  const productOn = (u: number, day: number) => 5 * (u % 3) + ((start[u] + day) % 5);
  return { events, train, category, category2, productOn };
}

describe('sequence (seed 001, SDM-like)', () => {
  beforeAll(async () => {
    await tfWasmReady();
  });

  it('bins standardised amounts by the 3-sigma rule into 8 bins', () => {
    expect([-9, -3.01, -3, -2.5, -0.1, 0, 0.99, 2.5, 3, 99].map(amountBin)).toEqual([0, 0, 1, 1, 3, 4, 4, 6, 7, 7]);
    expect(amountBin(NaN)).toBe(4);
  });

  it('buckets history products by count (1, 2, 3–4, 5–9, ≥ 10) × days since last (0–7 … > 120)', () => {
    expect(repeatBucket(1, 0)).toBe(1);
    expect(repeatBucket(1, 7)).toBe(1);
    expect(repeatBucket(1, 8)).toBe(2);
    expect(repeatBucket(2, 0)).toBe(7);
    expect(repeatBucket(4, 30)).toBe(1 + 2 * 6 + 2);
    expect(repeatBucket(9, 60)).toBe(1 + 3 * 6 + 3);
    expect(repeatBucket(10, 121)).toBe(30);
    expect(repeatBucket(500, 9999)).toBe(30);
  });

  it('cuts sessions where the customer, day, hour key or source changes', () => {
    const e: SequenceEventsInput = {
      customer: Int32Array.from([0, 0, 0, 0, 1, 1]), day: Int32Array.from([1, 1, 1, 2, 2, 2]), hourKey: Int8Array.from([9, 9, 10, -1, -1, -1]),
      source: Int32Array.from([0, 0, 0, 0, 0, 1]), item: Int32Array.from([0, 1, 2, 3, 4, 5]), amount: new Float64Array(6), pseudo: [],
    };
    expect(Array.from(sessionStarts(e))).toEqual([0, 2, 3, 4, 5, 6]);
  });

  it('learns the planted order: the next product follows the latest, for every customer', () => {
    const data = planted(90, 40);
    const progress: number[] = [];
    const m = sequenceRecommender({ events: data.events, category: data.category, category2: data.category2, epochs: 12, batchSize: 128, dim: 16, shortLength: 4, longLength: 10, seed: 3, onProgress: (p) => progress.push(p.loss) });
    m.fit(data.train(30));
    let right = 0;
    for (let u = 0; u < 90; u++) if (m.recommend(u, 1)[0] === data.productOn(u, 30)) right++;
    // Popularity (or the customer's own frequency) ties all 5 products of the cycle: ≈ 20 %.
    expect(right / 90).toBeGreaterThanOrEqual(0.9);
    const report = m.report()!;
    expect(report.losses[report.losses.length - 1]).toBeLessThan(report.losses[0]);
    expect(progress.length).toBeGreaterThan(12);
    // Probabilities: the scores of a customer's list are descending and sum to ≤ 1.
    const list = m.recommend(0, 15);
    expect(list.length).toBe(15);
    const scores = Array.from(list, (p) => m.score!(0, p));
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]);
    expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(m.reason!(0, list[0])).toMatch(/next-purchase model: \d+\.\d % chance for P\d\d/);
    m.dispose();
  });

  it('uses only events before the cutoff, honours exclude, and is deterministic for a seed', () => {
    const data = planted(60, 30);
    const fit = () => {
      const m = sequenceRecommender({ events: data.events, category: data.category, category2: data.category2, epochs: 6, batchSize: 128, dim: 8, shortLength: 4, longLength: 10, seed: 11 });
      m.fit(data.train(20));
      return m;
    };
    const a = fit(), b = fit();
    for (let u = 0; u < 60; u++) expect(Array.from(a.recommend(u, 5))).toEqual(Array.from(b.recommend(u, 5)));
    // The report counts only sessions before day 20 (one product session per day, some partner sessions).
    expect(a.report()!.sessions).toBeLessThan(60 * 20 * 2);
    expect(a.report()!.sessions).toBeGreaterThanOrEqual(60 * 20);
    const top = a.recommend(5, 3);
    const without = a.recommend(5, 3, new Set([top[0]]));
    expect(Array.from(without)).not.toContain(top[0]);
    expect(without[0]).toBe(top[1]);
    // A customer index without history still gets a full list (from the product biases).
    expect(a.recommend(10_000, 4).length).toBe(4);
    a.dispose(); b.dispose();
  });

  it('refuses events that are not sorted by customer, then day', () => {
    const data = planted(6, 5);
    const events = { ...data.events, day: data.events.day.slice().reverse() };
    const m = sequenceRecommender({ events, category: data.category, category2: data.category2, epochs: 1 });
    expect(() => m.fit(data.train(4))).toThrow(/sorted by customer, then day/);
  });

  it('stops between batches when cancelled and keeps no half-trained model', () => {
    const data = planted(30, 20);
    let calls = 0;
    const m = sequenceRecommender({ events: data.events, category: data.category, category2: data.category2, epochs: 50, batchSize: 32, dim: 8, checkCancel: () => { if (++calls > 5) throw Object.assign(new Error('cancelled'), { name: 'AbortError' }); } });
    expect(() => m.fit(data.train(15))).toThrow('cancelled');
    expect(() => m.recommend(0, 3)).toThrow(/fit/);
  });
});

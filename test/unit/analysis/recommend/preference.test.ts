import { describe, expect, it } from 'vitest';
import { buyLevel, preferenceScores, validationTable, type PreferencePurchase } from '../../../../core/analysis/recommend/index.js';
import { createRandom } from '../../../../core/analysis/common/random.js';

describe('preference score (seed 002, documented bins)', () => {
  it('buy level steps at 2, 3, 5 and 10 purchases', () => {
    expect([1, 2, 3, 4, 5, 9, 10, 40].map(buyLevel)).toEqual([0, 0.5, 1, 1, 1.5, 1.5, 2, 2]);
  });

  it('adds buy level, category share and the due-ness of the usual interval, by hand', () => {
    // Customer 0: product 0 (category 0) on days 0, 10, 20; product 1 (category 1) once on day 5.
    // Customer 1: product 2 (category 1) on days 0 and 30 — the largest gap in category 1 (30 days).
    const purchases = [
      { customer: 0, product: 0, day: 0 }, { customer: 0, product: 0, day: 10 }, { customer: 0, product: 0, day: 20 },
      { customer: 0, product: 1, day: 5 }, { customer: 1, product: 2, day: 0 }, { customer: 1, product: 2, day: 30 },
    ];
    const category = [0, 1, 1];
    const s = preferenceScores(purchases, category, 25);
    const get = (c: number, p: number) => s.find((x) => x.customer === c && x.product === p)!;
    // (0, 0): n = 3 → 1; share 3/4 → 1.125; mean gap 10, 5 days since → 0.75.
    expect(get(0, 0)).toMatchObject({ buyLevel: 1, purchases: 3, lastDay: 20, interval: 10 });
    expect(get(0, 0).lowClac).toBeCloseTo(1.125, 12);
    expect(get(0, 0).rangeScore).toBeCloseTo(0.75, 12);
    expect(get(0, 0).score).toBeCloseTo(2.875, 12);
    // (0, 1): one purchase → the category's largest gap, 30 days; 20 days since → 1.5 × 2/3 = 1.
    expect(get(0, 1)).toMatchObject({ buyLevel: 0, interval: 30 });
    expect(get(0, 1).lowClac).toBeCloseTo(0.375, 12);
    expect(get(0, 1).rangeScore).toBeCloseTo(1, 12);
    // (1, 2): overdue is capped: −5 days since the last purchase gives a negative ratio, so check a
    // reference after it instead: at day 25 the last purchase (30) is in the future → range score < 0
    // is not possible in practice (scores use purchases before the reference); here n = 2 → 0.5.
    expect(get(1, 2).buyLevel).toBe(0.5);
    expect(get(1, 2).lowClac).toBeCloseTo(1.5, 12);
  });

  it('the validation table counts pairs at or above each threshold and the share bought again', () => {
    const scores = [0.2, 1.0, 2.6, 4.9].map((score, i) => ({ customer: i, product: 0, score, buyLevel: 0, lowClac: 0, rangeScore: 0, purchases: 1, lastDay: 0, interval: NaN }));
    const table = validationTable(scores, (c) => c >= 2);
    expect(table).toHaveLength(10);
    expect(table[0]).toEqual({ threshold: 0, pairs: 4, share: 0.5 });
    expect(table[2]).toEqual({ threshold: 1, pairs: 3, share: 2 / 3 });
    expect(table[5]).toEqual({ threshold: 2.5, pairs: 2, share: 1 });
    expect(table[9]).toEqual({ threshold: 4.5, pairs: 1, share: 1 });
  });

  it('equals a direct object-by-object computation on random data (unknown categories, same-day repeats, long spans)', () => {
    const rnd = createRandom(5);
    const category = Array.from({ length: 40 }, (_, p) => (p % 7 === 0 ? -1 : p % 5));
    const purchases: PreferencePurchase[] = Array.from({ length: 3000 }, () => ({ customer: rnd.int(60), product: rnd.int(40), day: 18_000 + rnd.int(4000) }));
    purchases.push({ ...purchases[0] }, { ...purchases[1] }); // the same receipt day twice
    const reference = 22_001;
    // Reference: group by (customer, product), days ascending.
    const groups = new Map<string, number[]>();
    for (const p of purchases) (groups.get(`${p.customer},${p.product}`) ?? groups.set(`${p.customer},${p.product}`, []).get(`${p.customer},${p.product}`)!).push(p.day);
    const maxGap = new Map<number, number>(), total = new Map<number, number>(), byCat = new Map<string, number>();
    for (const [key, days] of groups) {
      days.sort((a, b) => a - b);
      const [c, p] = key.split(',').map(Number);
      for (let i = 1; i < days.length; i++) maxGap.set(category[p], Math.max(maxGap.get(category[p]) ?? 0, days[i] - days[i - 1]));
      total.set(c, (total.get(c) ?? 0) + days.length);
      byCat.set(`${c},${category[p]}`, (byCat.get(`${c},${category[p]}`) ?? 0) + days.length);
    }
    const ours = preferenceScores(purchases, category, reference);
    expect(ours.length).toBe(groups.size);
    for (let i = 1; i < ours.length; i++) expect(ours[i].customer * 100 + ours[i].product).toBeGreaterThan(ours[i - 1].customer * 100 + ours[i - 1].product);
    for (const s of ours) {
      const days = groups.get(`${s.customer},${s.product}`)!;
      const n = days.length;
      const interval = n >= 2 ? (days[n - 1] - days[0]) / (n - 1) : (maxGap.get(category[s.product]) ?? NaN);
      const lowClac = 1.5 * byCat.get(`${s.customer},${category[s.product]}`)! / total.get(s.customer)!;
      const range = interval > 0 ? 1.5 * Math.min(1, (reference - days[n - 1]) / interval) : 0;
      expect(s.purchases).toBe(n);
      expect(s.lastDay).toBe(days[n - 1]);
      if (Number.isNaN(interval)) expect(s.interval).toBeNaN();
      else expect(s.interval).toBeCloseTo(interval, 12);
      expect(s.lowClac).toBeCloseTo(lowClac, 12);
      expect(s.score).toBeCloseTo(buyLevel(n) + lowClac + range, 12);
    }
  });
});

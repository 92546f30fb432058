import { describe, expect, it } from 'vitest';
import { calendarOf } from '../../../core/analysis/spend/calendar.js';
import type { SpendData } from '../../../core/analysis/spend/data.js';
import { buildFeatures, layoutOf, lpayClass, specialProducts } from '../../../core/analysis/spend/features.js';
import { syntheticSpend } from './synthetic.js';

const DAY0 = Date.UTC(2021, 0, 4) / 86_400_000; // a Monday

function tiny(lines: [number, number, number, number, number][]): SpendData {
  return {
    customer: Int32Array.from(lines, (l) => l[0]), product: Int32Array.from(lines, (l) => l[1]), day: Int32Array.from(lines, (l) => DAY0 + l[2]),
    quantity: Float64Array.from(lines, (l) => l[3]), amount: Float64Array.from(lines, (l) => l[4]),
    hour: null, channel: null, retailer: null, retailerLevels: [], customerCodes: ['a', 'b'], productCodes: ['x', 'y'], attributes: null, lpay: null,
  };
}

const col = (f: ReturnType<typeof buildFeatures>, row: number, name: string) => f.x.values[row * f.x.cols + f.x.names.indexOf(name)];

describe('spend features', () => {
  it('computes each history feature by hand from the lines of earlier days only', () => {
    // customer, product, day, quantity, amount
    const data = tiny([[0, 0, 0, 2, 20], [1, 0, 0, 2, 20], [0, 0, 1, 1, 10], [0, 0, 3, 1, 10], [0, 0, 3, 5, 70]]);
    const f = buildFeatures(data, new Uint8Array(2), DAY0, DAY0 + 3);
    expect(f.x.rows).toBe(5);
    // Day 0: nothing before → the product was never bought: percentages and means missing.
    for (const n of ['buy_ct_pct', 'buy_am_pct', 'preference', 're_buy_mean', 'product_mean', 'pair_mean']) expect(col(f, 0, n)).toBeNaN();
    // Day 1, customer 0: before it 2 of 4 units and 20 of 40 won → 50 %; one purchase day → no interval.
    expect(col(f, 2, 'buy_ct_pct')).toBeCloseTo(50, 12);
    expect(col(f, 2, 'buy_am_pct')).toBeCloseTo(50, 12);
    expect(col(f, 2, 're_buy_mean')).toBeNaN();
    expect(col(f, 2, 'pair_mean')).toBeCloseTo(Math.log1p(20), 12);
    // Day 3 (both lines of the day see the same history): 3 of 5 units, 30 of 50 won, days 0 and 1 → interval 1.
    for (const r of [3, 4]) {
      expect(col(f, r, 'buy_ct_pct')).toBeCloseTo(60, 12);
      expect(col(f, r, 'buy_am_pct')).toBeCloseTo(60, 12);
      expect(col(f, r, 'preference')).toBeCloseTo(60, 12);
      expect(col(f, r, 're_buy_mean')).toBeCloseTo(1, 12);
      expect(col(f, r, 'pair_mean')).toBeCloseTo((Math.log1p(20) + Math.log1p(10)) / 2, 12);
      expect(col(f, r, 'product_mean')).toBeCloseTo((2 * Math.log1p(20) + Math.log1p(10)) / 3, 12);
      expect(col(f, r, 'weekday')).toBe(3); // Thursday
    }
    // Customer 1 never bought before day 0 and has no later line; the final history holds everyone.
    expect(f.history.productQty[0]).toBe(11);
  });

  it('leaks nothing: changing every amount and quantity of day d leaves day d\'s features alone and changes later days\'', () => {
    const data = syntheticSpend({ customers: 30, products: 12, days: 40, perDay: 25, seed: 3, full: true });
    const specials = specialProducts(data, data.day[0], data.day[data.day.length - 1]);
    const first = data.day[0], d = first + 20;
    const before = buildFeatures(data, specials, first, first + 39);
    const changed = { ...data, amount: Float64Array.from(data.amount), quantity: Float64Array.from(data.quantity) };
    for (let i = 0; i < data.day.length; i++) {
      if (data.day[i] !== d) continue;
      changed.amount[i] = changed.amount[i] * 7 + 13;
      changed.quantity[i] = changed.quantity[i] + 4;
    }
    const after = buildFeatures(changed, specials, first, first + 39);
    const cols = before.x.cols;
    let sameDay = 0, laterDiffer = 0;
    for (let r = 0; r < before.x.rows; r++) {
      const day = data.day[before.line[r]];
      const a = Array.from(before.x.values.subarray(r * cols, (r + 1) * cols)), b = Array.from(after.x.values.subarray(r * cols, (r + 1) * cols));
      if (day <= d) {
        expect(b).toEqual(a); // toEqual treats NaN as equal to NaN
        if (day === d) sameDay++;
      } else if (a.some((v, j) => !Object.is(v, b[j]))) laterDiffer++;
    }
    expect(sameDay).toBe(25);
    expect(laterDiffer).toBeGreaterThan(100);
  });

  it('lists only the features the data has', () => {
    const full = layoutOf(syntheticSpend({ customers: 5, products: 3, days: 2, perDay: 2, seed: 1, full: true }));
    expect(full.names).toEqual(['product_mean', 'pair_mean', 'buy_ct_pct', 'buy_am_pct', 'preference', 're_buy_mean', 'lpay_class', 'specials_cnt', 'gender', 'age_band', 'region', 'channel', 'hour', 'deal_type', 'month', 'day', 'weekday', 'holiday', 'season']);
    expect(full.names.filter((_, j) => full.categorical[j])).toEqual(['gender', 'age_band', 'region', 'channel', 'deal_type']);
    const bare = layoutOf(syntheticSpend({ customers: 5, products: 3, days: 2, perDay: 2, seed: 1, full: false }));
    expect(bare.names).toEqual(['product_mean', 'pair_mean', 'buy_ct_pct', 'buy_am_pct', 'preference', 're_buy_mean', 'specials_cnt', 'month', 'day', 'weekday', 'holiday', 'season']);
    // Only a region (UCI's country): no gender or age band column.
    const d = syntheticSpend({ customers: 5, products: 3, days: 2, perDay: 2, seed: 1, full: false });
    const none = new Int32Array(5).fill(-1);
    const regionOnly = layoutOf({ ...d, attributes: { gender: none, genderLevels: [], ageBand: none, ageBandLevels: [], region: Int32Array.from([0, 1, 0, 1, -1]), regionLevels: ['FR', 'UK'] } });
    expect(regionOnly.names.filter((n) => ['gender', 'age_band', 'region'].includes(n))).toEqual(['region']);
  });

  it('counts L.pay payments of earlier days only, in tiers 0–3', () => {
    expect([0, 1, 4, 5, 19, 20, 300].map(lpayClass)).toEqual([0, 1, 1, 2, 2, 3, 3]);
    const data = { ...tiny([[0, 0, 0, 1, 10], [0, 0, 2, 1, 10], [0, 0, 5, 1, 10]]), lpay: { customer: Int32Array.from([0, 0, 0, 0, 0, 0]), day: Int32Array.from([DAY0, DAY0, DAY0 + 1, DAY0 + 2, DAY0 + 2, DAY0 + 4]) } };
    const f = buildFeatures(data, new Uint8Array(2), DAY0, DAY0 + 5);
    expect([0, 1, 2].map((r) => col(f, r, 'lpay_class'))).toEqual([0, 1, 2]); // 0, 3, then 6 payments before
  });

  it('marks as special the top decile of products by the spread of their log unit price in the given period only', () => {
    // 10 products with 2 lines each; product 7's unit prices differ most inside days 0–1; product 3's only on day 5.
    const lines: [number, number, number, number, number][] = [];
    for (let p = 0; p < 10; p++) lines.push([0, p, 0, 1, 100], [0, p, 1, 1, p === 7 ? 1000 : 100 + p]);
    lines.push([0, 3, 5, 1, 100_000]);
    const data = { ...tiny(lines.sort((a, b) => a[2] - b[2])), productCodes: Array.from({ length: 10 }, (_, i) => `P${i}`) };
    const s = specialProducts(data, DAY0, DAY0 + 1);
    expect(Array.from(s)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    const counted = buildFeatures(data, s, DAY0, DAY0 + 5);
    expect(col(counted, counted.x.rows - 1, 'specials_cnt')).toBe(2); // the two earlier lines of product 7
  });

  it('gives the calendar of a day: Chuseok 2021-09-21 is a Tuesday holiday in autumn', () => {
    expect(calendarOf(Date.UTC(2021, 8, 21) / 86_400_000)).toEqual({ month: 9, day: 21, weekday: 1, holiday: 1, season: 3 });
    expect(calendarOf(Date.UTC(2021, 11, 26) / 86_400_000)).toEqual({ month: 12, day: 26, weekday: 6, holiday: 0, season: 0 });
  });

  it('refuses lines out of day order', () => {
    expect(() => buildFeatures(tiny([[0, 0, 2, 1, 1], [0, 0, 1, 1, 1]]), new Uint8Array(2), DAY0, DAY0 + 3)).toThrow(/day order/);
  });
});

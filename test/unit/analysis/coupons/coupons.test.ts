import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../core/analysis/common/random.js';
import {
  bootstrapSlope, couponProfiles, couponSensitivity, dtwDistance, eligibleRows, levelSlope, matchOffers, monthLabel,
  sensitiveShareBySegment, TooFewProfilesError, type CouponLines,
} from '../../../../core/analysis/coupons/index.js';
import type { CouponOffer } from '../../../../core/model/coupons.js';
import { COUPON_FLAT_VERDICT } from '../../../../core/model/coupons.js';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
const USED = 2, CLICKED = 1, NOT = 0;

/** Lines from [customer, day, discount (NaN: no offer), status] tuples. */
function lines(rows: [number, number, number, number][]): CouponLines {
  return {
    customer: Int32Array.from(rows, (r) => r[0]), day: Int32Array.from(rows, (r) => r[1]),
    discount: Float64Array.from(rows, (r) => r[2]), status: Uint8Array.from(rows, (r) => r[3]),
  };
}

/** `n` lines of one customer at one level and day: `used` used, `clicked` clicked, the rest not used. */
function offers(customer: number, d: number, level: number, n: number, used: number, clicked = 0): [number, number, number, number][] {
  return Array.from({ length: n }, (_, i) => [customer, d, level, i < used ? USED : i < used + clicked ? CLICKED : NOT]);
}

/**
 * Hand case, 3 customers × 3 levels (minOffers 3):
 *  5: 10 % 1/4 used (1 clicked), 20 % 2/4, 30 % 4/4 → rates .25, .5, 1; slope 10·(1 − .25)/200 = .0375
 *  7: 1/3 at every level → slope 0
 *  9: only 2 offers at 10 % → left out
 * Both clustered: level means .291667, .416667, .666667, slope 10·(.666667 − .291667)/200 = .01875.
 */
function handCase(): CouponLines {
  const jan = day(2019, 1, 10), feb = day(2019, 2, 10);
  return lines([
    ...offers(5, jan, 10, 4, 1, 1), ...offers(5, feb, 20, 4, 2), ...offers(5, feb, 30, 4, 4),
    ...offers(7, jan, 10, 3, 1), ...offers(7, jan, 20, 3, 1), ...offers(7, jan, 30, 3, 1), [7, jan, NaN, USED],
    ...offers(9, jan, 10, 2, 2), ...offers(9, jan, 20, 3, 3), ...offers(9, jan, 30, 3, 3),
  ]);
}

describe('coupon profiles and slopes: hand-computed case', () => {
  it('counts offered, used and clicked lines per level and month', () => {
    const p = couponProfiles(handCase());
    expect([...p.customers]).toEqual([5, 7, 9]);
    expect(p.levels).toEqual([10, 20, 30]);
    expect(p.months.map(monthLabel)).toEqual(['2019-01', '2019-02']);
    expect([...p.offered]).toEqual([4, 4, 4, 3, 3, 3, 2, 3, 3]);
    expect([...p.used]).toEqual([1, 2, 4, 1, 1, 1, 2, 3, 3]);
    expect([...p.clicked]).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...p.monthOffered]).toEqual([4, 8, 9, 0, 8, 0]);
    expect([...p.monthUsed]).toEqual([1, 6, 3, 0, 8, 0]);
    expect(p.offeredLines).toBe(29);
    expect(p.unmatchedLines).toBe(1);
    expect([...eligibleRows(p, 3)]).toEqual([0, 1]);
    expect([...eligibleRows(p, 2)]).toEqual([0, 1, 2]);
  });

  it('slopes and the gated verdict', () => {
    const r = couponSensitivity(handCase(), { k: 2, minOffers: 3 });
    expect(r.profiles.customers.length).toBe(3);
    expect([...r.rows]).toEqual([0, 1]);
    expect(r.slope).toBeCloseTo(0.01875, 12);
    // Two customers: a resample is {7,7} (slope 0) a quarter of the time, {5,5} (.0375) a quarter, so the 95 % interval is [0, .0375] exactly.
    expect(r.slopeLow).toBe(0);
    expect(r.slopeHigh).toBeCloseTo(0.0375, 12);
    expect(r.risesWithDiscount).toBe(false);
    expect(r.verdict).toBe(COUPON_FLAT_VERDICT);
    // One customer per cluster, by ascending slope: customer 7, then customer 5.
    expect([...r.cluster]).toEqual([1, 0, -1]);
    const [flat, steep] = r.clusters;
    expect(flat).toMatchObject({ size: 1, slope: 0, slopeLow: 0, slopeHigh: 0, sensitive: false });
    expect(flat.meanUseRate).toBeCloseTo(1 / 3, 12);
    expect(steep.useRateByLevel).toEqual([0.25, 0.5, 1]);
    // One customer: every resample is that customer, so each level's interval is its rate.
    expect(steep.useRateLow).toEqual([0.25, 0.5, 1]);
    expect(steep.useRateHigh).toEqual([0.25, 0.5, 1]);
    expect(steep.clickRateByLevel).toEqual([0.25, 0, 0]);
    expect(steep.meanUseRate).toBeCloseTo(7 / 12, 12);
    expect(steep.useRateByMonth).toEqual([0.25, 0.75]);
    expect(steep.slope).toBeCloseTo(0.0375, 12);
    expect(steep.slopeLow).toBeCloseTo(0.0375, 12);
    // Its own interval is above 0, but use does not rise overall: not called sensitive.
    expect(steep.sensitive).toBe(false);
  });

  it('levelSlope is the OLS slope of the pooled points', () => {
    const r = createRandom(3);
    const levels = [5, 10, 25, 40];
    const rates = Float64Array.from({ length: 20 * 4 }, () => r.next());
    const rows = Int32Array.from({ length: 20 }, (_, i) => i);
    let sx = 0, sy = 0, sxy = 0, sxx = 0;
    for (let i = 0; i < 80; i++) {
      const x = levels[i % 4], y = rates[i];
      sx += x; sy += y; sxy += x * y; sxx += x * x;
    }
    expect(levelSlope(rates, rows, levels)).toBeCloseTo((80 * sxy - sx * sy) / (80 * sxx - sx * sx), 12);
    expect(() => levelSlope(rates, rows, [10])).toThrow('levels must hold at least 2 discount levels, got 1');
    const a = bootstrapSlope(rates, rows, levels, 200, 0.9, 1), b = bootstrapSlope(rates, rows, levels, 200, 0.9, 1);
    expect(a).toEqual(b);
    expect(a.low).toBeLessThanOrEqual(a.slope);
    expect(a.high).toBeGreaterThanOrEqual(a.slope);
    // Each level's mean lies inside its interval, and the interval narrows with a lower level of confidence.
    const c = bootstrapSlope(rates, rows, levels, 200, 0.5, 1);
    levels.forEach((_, l) => {
      let m = 0;
      for (let i = 0; i < 20; i++) m += rates[i * 4 + l] / 20;
      expect(a.levelLow[l]).toBeLessThan(m);
      expect(a.levelHigh[l]).toBeGreaterThan(m);
      expect(c.levelHigh[l] - c.levelLow[l]).toBeLessThan(a.levelHigh[l] - a.levelLow[l]);
    });
  });

  it('refuses in one sentence', () => {
    expect(() => couponSensitivity(handCase(), { k: 3 })).toThrow(TooFewProfilesError);
    expect(() => couponSensitivity(handCase(), { k: 3 })).toThrow('only 2 of 3 customers with coupon offers have at least 3 offered lines at every discount level; k = 3 needs at least 3 (lower minOffers or k)');
    expect(() => couponSensitivity(lines(offers(1, 0, 10, 5, 1)))).toThrow('coupon sensitivity needs at least 2 discount levels among the offered lines, got 1 (10 %)');
    expect(() => couponSensitivity(handCase(), { k: 1 })).toThrow('k must be an integer ≥ 2, got 1');
  });
});

const LEVELS = [10, 20, 30];
/** Seed 004's calendar: 10 % in Jan/Apr/Jul/Oct, 20 % in Feb/May/Aug/Nov, 30 % in Mar/Jun/Sep/Dec. */
const monthOfLevel = (l: number, q: number) => 1 + 3 * q + l;

/** `n` customers (ids from `first`) using a coupon with probability p[level], `perMonth` offers a month for 12 months. */
function planted(seed: number, groups: { n: number; p: number[] }[], perMonth = 4): { lines: CouponLines; group: Map<number, number> } {
  const r = createRandom(seed);
  const rows: [number, number, number, number][] = [];
  const group = new Map<number, number>();
  let id = 1;
  groups.forEach((g, gi) => {
    for (let c = 0; c < g.n; c++, id++) {
      group.set(id, gi);
      for (let q = 0; q < 4; q++) for (let l = 0; l < 3; l++) for (let k = 0; k < perMonth; k++) rows.push([id, day(2019, monthOfLevel(l, q), 1 + k), LEVELS[l], r.next() < g.p[l] ? USED : r.next() < 0.3 ? CLICKED : NOT]);
    }
  });
  return { lines: lines(rows), group };
}

/** Share of the group-g customers in cluster c. */
function shareIn(result: ReturnType<typeof couponSensitivity>, group: Map<number, number>, g: number, c: number): number {
  let n = 0, hit = 0;
  result.rows.forEach((row) => {
    if (group.get(result.profiles.customers[row]) !== g) return;
    n++;
    if (result.cluster[row] === c) hit++;
  });
  return hit / n;
}

describe('coupon sensitivity on planted fixtures', () => {
  const sensitive = { n: 60, p: [0.1, 0.3, 0.55] }, flat = { n: 140, p: [0.15, 0.15, 0.15] };

  it('kmeans: one rising group and one flat group → 2 clusters, the rising one sensitive', () => {
    const { lines: l, group } = planted(11, [flat, sensitive]);
    const r = couponSensitivity(l);
    expect(r.risesWithDiscount).toBe(true);
    expect(r.verdict).toMatch(/^coupon use rises with the discount/);
    expect(r.clusters.map((c) => c.sensitive)).toEqual([false, true]);
    expect(shareIn(r, group, 1, 1)).toBeGreaterThan(0.9);
    expect(shareIn(r, group, 0, 0)).toBeGreaterThan(0.9);
    const s = r.clusters[1];
    expect(s.useRateByLevel[0]).toBeLessThan(s.useRateByLevel[2]);
    expect(s.slope).toBeGreaterThan(0.015);
    expect(r.clusters[0].slopeLow).toBeLessThanOrEqual(0);
    expect(r.clusters[0].size + r.clusters[1].size).toBe(200);
    // Deterministic: same data, same seed, same result.
    expect(couponSensitivity(l)).toEqual(r);
  });

  it('dtw: the monthly series (levels follow the months, as seed 004) separate the same groups', () => {
    const { lines: l, group } = planted(12, [flat, sensitive]);
    const r = couponSensitivity(l, { method: 'dtw' });
    expect(r.risesWithDiscount).toBe(true);
    expect(r.clusters[1].sensitive).toBe(true);
    // Monthly series of 4 offers are noisier than rates over 16: 47 of the 60 planted customers land in the
    // steep cluster (78 %), and the 13 left in the other give it a small but real rise of its own.
    expect(shareIn(r, group, 1, 1)).toBeGreaterThan(0.75);
    expect(shareIn(r, group, 0, 0)).toBeGreaterThan(0.9);
    expect(r.clusters[0].slope).toBeLessThan(r.clusters[1].slope / 4);
    expect(r.clusters[1].useRateByMonth).toHaveLength(12);
  });

  it('flat data: no rise, the plain sentence, no sensitive cluster', () => {
    const { lines: l } = planted(13, [{ n: 200, p: [0.15, 0.15, 0.15] }]);
    const r = couponSensitivity(l);
    expect(r.risesWithDiscount).toBe(false);
    expect(r.slopeLow).toBeLessThanOrEqual(0);
    expect(r.slopeHigh).toBeGreaterThanOrEqual(0);
    expect(r.verdict).toBe(COUPON_FLAT_VERDICT);
    expect(r.clusters.every((c) => !c.sensitive)).toBe(true);
  });
});

describe('offers, DTW, segment shares', () => {
  it('matchOffers: month of any year, month of one year, date range, category trimmed and case-insensitive, largest discount on overlap', () => {
    const offersList: CouponOffer[] = [
      { fromDay: null, toDay: null, year: null, month: 1, category: 'Apparel', code: 'SALE10', discount: 10 },
      { fromDay: null, toDay: null, year: 2020, month: 2, category: 'apparel ', code: 'SALE20', discount: 20 },
      { fromDay: day(2019, 3, 5), toDay: day(2019, 3, 6), year: null, month: null, category: 'Nest', code: null, discount: 30 },
      { fromDay: day(2019, 1, 15), toDay: day(2019, 1, 31), year: null, month: null, category: 'APPAREL', code: null, discount: 30 },
    ];
    const m = matchOffers({
      day: Int32Array.from([day(2019, 1, 1), day(2021, 1, 20), day(2020, 2, 3), day(2019, 2, 3), day(2019, 3, 6), day(2019, 3, 7), day(2019, 1, 20), day(2019, 1, 1)]),
      category: [' apparel', 'Apparel', 'Apparel', 'Apparel', 'nest', 'Nest', 'Apparel', null],
    }, offersList);
    expect([...m.discount]).toEqual([10, 10, 20, NaN, 30, NaN, 30, NaN]);
    expect(m.overlapping).toBe(1);
  });

  it('dtwDistance agrees with augurs (grafana/augurs, WASM) on random series of unequal lengths and bands', async () => {
    const dir = path.resolve('node_modules/@bsull/augurs');
    if (!fs.existsSync(path.join(dir, 'dtw_bg.wasm'))) return void console.warn('skipped: @bsull/augurs is not installed');
    const { initSync, Dtw } = await import('@bsull/augurs/dtw');
    initSync({ module: fs.readFileSync(path.join(dir, 'dtw_bg.wasm')) });
    const r = createRandom(5);
    for (let t = 0; t < 200; t++) {
      const a = Array.from({ length: 1 + r.int(12) }, () => r.next());
      const b = Array.from({ length: 1 + r.int(12) }, () => r.next());
      const w = 1 + r.int(3); // augurs treats window 0 otherwise (a distance below the unbanded one), so bands from 1
      const ref = Dtw.euclidean({ window: w });
      expect(dtwDistance(a, b, w), `${a} | ${b} | ${w}`).toBeCloseTo(ref.distance(a, b), 12);
      expect(dtwDistance(a, b), `${a} | ${b}`).toBeCloseTo(Dtw.euclidean().distance(a, b), 12);
      ref.free();
    }
    expect(dtwDistance([1, 2, 3], [2, 2, 4, 5])).toBeCloseTo(Math.sqrt(6), 12);
  });

  it('sensitiveShareBySegment counts clustered customers per segment, null for none', () => {
    const seg = new Map([[1, 0], [2, 0], [3, 1], [4, -1], [6, 0]]);
    expect(sensitiveShareBySegment([1, 2, 3, 4, 5, 6], [true, false, false, true, true, true], seg, [0, 1, 2])).toEqual([
      { segment: 0, customers: 3, sensitive: 2, share: 2 / 3 },
      { segment: 1, customers: 1, sensitive: 0, share: 0 },
      { segment: 2, customers: 0, sensitive: 0, share: null },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { describeUnit, marketingResponse, pickChannels, quantileSorted, tercileBounds, tierOf, TIER_UNMEASURED, type MarketingInput } from '../../../../core/analysis/marketing/index.js';

/**
 * Five spend days (20000..20004), three measured customers and one outside the period, worked out
 * on paper:
 *   online  10 20 30 40 50  (total 150)      offline 100 200 300 100 300
 *   distinct offline levels 100, 200, 300 → terciles 166.67, 233.33 → tiers low mid high low high
 *   (days per tier: low 2, mid 1, high 2)
 *   A buys day 0 (10) and day 2 (30)            → share 40/150, scaled 0; per tier 5, 0, 15 → high
 *   B buys day 1 (20), day 3 (5), day 4 (40)    → share 110/150, scaled 1; 2.5, 20, 20 → mid (tie → cheaper)
 *   C returns −4 on day 2, buys day 4 (6)       → share 50/150 (a return day is no purchase day), scaled 1/7;
 *                                                 0, 0, (−4 + 6)/2 = 1 → high
 *   D buys only on day 20010, after the spend file → not measured
 */
const D0 = 20000;
function input(part: number[], parts: MarketingInput['parts']): MarketingInput {
  const rows: [number, number, number][] = [[0, 0, 10], [0, 2, 30], [1, 1, 20], [1, 3, 5], [1, 4, 40], [2, 2, -4], [2, 4, 6], [3, 10, 50]];
  const start = [0, 2, 5, 7, 8];
  return {
    spend: { days: Int32Array.from([0, 1, 2, 3, 4], (d) => D0 + d), channels: ['Offline_Spend', 'Online_Spend'], values: [Float64Array.from([100, 200, 300, 100, 300]), Float64Array.from([10, 20, 30, 40, 50])] },
    purchases: { start: Int32Array.from(start), day: Int32Array.from(rows, (r) => D0 + r[1]), amount: Float64Array.from(rows, (r) => r[2]) },
    part: Int32Array.from(part), parts,
  };
}

describe('marketing response: the seed\'s two measures by hand', () => {
  const r = marketingResponse(input([0, 0, 1, 0], [{ segment: 0, name: 'x' }, { segment: 1, name: 'y' }]), { maxLag: 1 });

  it('finds the channels by name and the period as the overlap of spend and purchase days', () => {
    expect(r.onlineChannel).toBe('Online_Spend');
    expect(r.offlineChannel).toBe('Offline_Spend');
    expect(r.period).toEqual({ first: D0, last: D0 + 4 });
    expect([...r.measured]).toEqual([1, 1, 1, 0]);
  });

  it('online response: share of online spend on purchase days, min–max scaled', () => {
    const share = [...r.onlineShare!];
    expect(share[0]).toBeCloseTo(40 / 150, 14);
    expect(share[1]).toBeCloseTo(110 / 150, 14);
    expect(share[2]).toBeCloseTo(50 / 150, 14);
    expect(share[3]).toBeNaN();
    const scaled = [...r.onlineScaled!];
    expect(scaled[0]).toBe(0);
    expect(scaled[1]).toBe(1);
    expect(scaled[2]).toBeCloseTo(1 / 7, 14);
  });

  it('offline response: tercile bounds, amount per tier occurrence, the responding tier', () => {
    const o = r.offline!;
    expect(o.bounds[0]).toBeCloseTo(500 / 3, 12);
    expect(o.bounds[1]).toBeCloseTo(700 / 3, 12);
    expect(o.tierDays).toEqual([2, 1, 2]);
    const per = [...o.perTier].slice(0, 9);
    [5, 0, 15, 2.5, 20, 20, 0, 0, 1].forEach((v, i) => expect(per[i]).toBeCloseTo(v, 12));
    expect([...o.tier]).toEqual([2, 1, 2, TIER_UNMEASURED]);
  });

  it('per segment: customers, mean response, tier shares and the tier where most respond', () => {
    const [x, y] = r.segments;
    expect(x).toMatchObject({ name: 'x', customers: 2, onlineResponse: 0.5, offlineTier: 'mid', tierCounts: { low: 0, mid: 1, high: 1, none: 0 } });
    expect(x.meanAmountPerTier.high).toBeCloseTo(17.5, 12);
    expect(y).toMatchObject({ name: 'y', customers: 1, offlineTier: 'high' });
    expect(y.onlineResponse).toBeCloseTo(1 / 7, 14);
    const all = marketingResponse(input([0, 0, 0, 0], [{ segment: null, name: 'all' }]), { maxLag: 1 }).segments[0];
    expect(all.customers).toBe(3);
    expect(all.onlineResponse).toBeCloseTo(8 / 21, 14);
    expect(all.offlineTier).toBe('high');
    expect(all.online.histogram).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('editable tier bounds move days between tiers (the seed\'s own bounds on this scale)', () => {
    const o = marketingResponse(input([0, 0, 0, 0], [{ segment: null, name: 'all' }]), { maxLag: 1, offlineTierBounds: [150, 250] }).offline!;
    expect(o.tierDays).toEqual([2, 1, 2]);
    const o2 = marketingResponse(input([0, 0, 0, 0], [{ segment: null, name: 'all' }]), { maxLag: 1, offlineTierBounds: [250, 400] }).offline!;
    expect(o2.tierDays).toEqual([3, 2, 0]);
    // Days 0, 1, 3 low; 2, 4 mid. A: low 10/3, mid 30/2 → mid; B: (20 + 5)/3 vs 40/2 → mid.
    expect([...o2.tier].slice(0, 2)).toEqual([1, 1]);
  });

  it('states the seed\'s caveat and the period in the notes', () => {
    expect(r.notes.join(' ')).toMatch(/assume every customer saw all the marketing/);
    expect(r.notes.join(' ')).toMatch(/not its causal effect/);
    expect(r.notes.join(' ')).toMatch(/2024-10-04\.\.2024-10-08/);
  });

  it('too few days for the regression says so instead of fitting', () => {
    const reg = r.segments[0].regression;
    expect(reg.coefficients).toEqual([]);
    expect(reg.note).toMatch(/4 days with every lag.s spend, not more than the 5 terms/);
  });
});

describe('marketing helpers', () => {
  it('picks channels by name in English and Korean, and an explicit choice must exist', () => {
    expect(pickChannels(['Date2', '온라인 광고비', '오프라인 광고비'])).toEqual({ online: 1, offline: 2 });
    expect(pickChannels(['TV', 'Search'])).toEqual({ online: -1, offline: -1 });
    expect(pickChannels(['TV', 'Search'], 'Search', 'TV')).toEqual({ online: 1, offline: 0 });
    expect(() => pickChannels(['TV'], 'Radio')).toThrow(/onlineChannel must be one of the channels \(TV\), got 'Radio'/);
  });

  it('terciles of ten weekly levels 500..5000 and the half-open tiers', () => {
    const b = tercileBounds([500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000]);
    expect(b).toEqual([2000, 3500]);
    expect([1500, 2000, 3000, 3500].map((s) => tierOf(s, b))).toEqual([0, 1, 1, 2]);
  });

  it('type-7 quantiles and the 10-bin histogram match R\'s quantile()', () => {
    // R: quantile(c(0, 0.05, 0.3, 1), c(.25, .5, .75)) = 0.0375 0.175 0.475
    const d = describeUnit([1, 0.3, 0, 0.05]);
    expect(d.q1).toBeCloseTo(0.0375, 14);
    expect(d.median).toBeCloseTo(0.175, 14);
    expect(d.q3).toBeCloseTo(0.475, 14);
    expect(d.histogram).toEqual([2, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
    expect(quantileSorted([7], 0.3)).toBe(7);
  });
});

import { describe, expect, it } from 'vitest';
import { analysePriceSpread, isExtremeSpread, PRICE_SPREAD_DEFAULTS, priceSpreadPanel, type ProductPriceSums } from '../../../core/analysis/eda/price-spread.js';
import { shapeFromPowerSums } from '../../../core/analysis/eda/power-sums.js';

function product(productId: number, prices: number[]): ProductPriceSums {
  const s = (k: number): number => prices.reduce((a, v) => a + v ** k, 0);
  return { productId, n: prices.length, s1: s(1), s2: s(2), s3: s(3), s4: s(4) };
}

// 40 lines at 1,000 won and one at 50,000: G2 = n = 41 (one outlier), CV = 49,000/√41 / 2,195.12 ≈ 3.49.
const spread = [...new Array<number>(40).fill(1000), 50_000];
// One price 10 won off among 41: G2 = 41 as well, but CV = 10/√41/1000.24 ≈ 0.0016: not a material spread.
const oddCent = [...new Array<number>(40).fill(1000), 1010];
// Ordinary price noise: CV ≈ 0.1, light tails.
const ordinary = Array.from({ length: 60 }, (_, i) => 900 + 10 * (i % 21));

describe('extreme price spread rule (G2 ≥ 10 and CV ≥ 1)', () => {
  it('flags a heavy tail that is large against the price, not a stray price or ordinary noise', () => {
    const s = shapeFromPowerSums(product(1, spread));
    expect(s.kurtosis).toBeCloseTo(41, 8);
    expect(s.cv).toBeCloseTo(49_000 / Math.sqrt(41) / (90_000 / 41), 10);
    expect(isExtremeSpread(s)).toBe(true);
    const odd = shapeFromPowerSums(product(2, oddCent));
    // From power sums at CV 0.0016 kurtosis keeps ~5 digits (see MIN_CV_FOR_SHAPE).
    expect(odd.kurtosis).toBeCloseTo(41, 3);
    expect(odd.cv).toBeCloseTo(10 / Math.sqrt(41) / (41_010 / 41), 8);
    expect(isExtremeSpread(odd)).toBe(false);
    expect(isExtremeSpread(shapeFromPowerSums(product(3, ordinary)))).toBe(false);
  });

  it('analyses products with enough lines, lists flagged ones by kurtosis, and builds the panel with exact percentiles', () => {
    const few = product(4, [1, 1000, 1, 1]);
    const bigger = [...new Array<number>(80).fill(1000), 50_000, 90_000];
    const a = analysePriceSpread([product(1, spread), product(2, oddCent), product(3, ordinary), few, product(5, bigger)]);
    expect([...a.shapes.keys()].sort()).toEqual([1, 2, 3, 5]);
    expect(a.productsFlagged).toBe(2);
    expect(a.flaggedIds).toEqual([5, 1]);
    const distributions = new Map([
      [1, { prices: [1000, 50_000], counts: [40, 1] }],
      [5, { prices: [1000, 50_000, 90_000], counts: [80, 1, 1] }],
    ]);
    const meta = new Map([[1, { code: 'P1', name: '한우등심', category: '축산물' }]]);
    const panel = priceSpreadPanel(a, distributions, meta);
    expect(panel.available).toBe(true);
    expect(panel.productsAnalysed).toBe(4);
    expect(panel.flagged.map((f) => f.product)).toEqual(['5', 'P1']);
    // Product 1, n = 41: p95 at h = 38 → 1,000; product 5, n = 82: p95 at h = 76.95 → 1,000.
    expect(panel.flagged[1]).toMatchObject({ name: '한우등심', category: '축산물', n: 41, median: 1000, p5: 1000, p95: 1000, extreme: true });
    expect(panel.flagged[1].mean).toBeCloseTo(90_000 / 41, 10);
    expect(panel.skewHistogram.reduce((s, b) => s + b.count, 0)).toBe(4);
    expect(panel.rule).toContain('≥ 10');
  });

  it('says why when no product has enough lines, and names bad options', () => {
    const panel = priceSpreadPanel(analysePriceSpread([product(1, [1, 2, 3])]), new Map(), new Map());
    expect(panel).toMatchObject({ available: false, productsAnalysed: 0, flagged: [] });
    expect(panel.reason).toMatch(/30 priced lines/);
    expect(() => analysePriceSpread([], { minPurchases: 2 })).toThrow(/minPurchases must be an integer ≥ 4, got 2/);
    expect(PRICE_SPREAD_DEFAULTS.minPurchases).toBe(30);
  });
});

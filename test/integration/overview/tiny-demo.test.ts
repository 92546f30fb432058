import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kurtosis, quantileSorted, skewness } from '../../../core/analysis/eda/index.js';
import { COHORT_REPEAT_SHARE, COHORT_SHARE, DEMO_SIZES, PROMO_WINDOWS, writeDemoFiles } from '../../../core/data/demo/index.js';
import { buildPopulation } from '../../../core/data/demo/population.js';
import type { Db } from '../../../core/data/store/open.js';
import type { OverviewResult } from '../../../core/model/overview.js';
import { tempDir } from '../../helpers/project.js';
import { importedProject, overview } from './helpers.js';

const SEED = 1;
/** docs/demo-data.md, "Extreme price spread": 4 % of their lines cost 6–25× the usual price. */
const SPREAD = ['한우등심', '기타남성의류세트', '커피음료', '캡슐원두커피', '레드와인', '골드바'];

let csvDir: string;
let dir: string;
let db: Db;
let o: Omit<OverviewResult, 'period'>;

beforeAll(async () => {
  csvDir = tempDir('swb-tiny-');
  const r = await writeDemoFiles(csvDir, { size: 'tiny', seed: SEED });
  ({ dir, db } = await importedProject(Object.values(r.files)));
  o = overview(db);
});
afterAll(() => {
  db.close();
  for (const d of [dir, csvDir]) fs.rmSync(d, { recursive: true, force: true });
});

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('Overview of the tiny demo recovers its planted structure', () => {
  it('finds the 100-won cohort and its repeaters exactly as planted (round(0.04 × L.pay users), round(0.9 × cohort))', () => {
    const pop = buildPopulation(SEED, DEMO_SIZES.tiny.customers);
    const users = pop.lpay.filter((x) => x === 1).length;
    const cohort = pop.cohort.filter((x) => x > 0).length;
    expect(cohort).toBe(Math.round(COHORT_SHARE * users));
    expect(o.cohort.cohort).toBe(cohort);
    expect(o.cohort.repeaters).toBe(pop.cohort.filter((x) => x === 2).length);
    expect(o.cohort.repeaters).toBe(Math.round(COHORT_REPEAT_SHARE * cohort));
    expect(o.cohort.repeatShare).toBe(o.cohort.repeaters / cohort);
    expect(o.cohort.customersWithAnyPaymentOfAmount).toBeGreaterThanOrEqual(cohort);
    // First payments fall in the promotion windows (April–May, October 2021).
    const months = new Set(PROMO_WINDOWS.flatMap(([a, b]) => [a.slice(0, 7), b.slice(0, 7)]));
    o.cohort.byMonth.periods.forEach((m, i) => { if (o.cohort.byMonth.cohort[i] > 0) expect(months.has(m), m).toBe(true); });
    expect(o.lpay.users).toBeLessThanOrEqual(users);
  });

  it('adds up across panels: one net sales total, one count of purchase receipts, one set of customers', () => {
    const k = o.kpis;
    expect(k).toMatchObject({ available: true, customers: DEMO_SIZES.tiny.customers, lines: 22_701, firstDate: '2021-01-01', lastDate: '2021-12-31' });
    const close = (x: number): void => expect(x).toBeCloseTo(k.sales, 2);
    close(sum(o.retailerSales.series.flatMap((s) => s.sales)));
    close(sum(o.channelTrend.monthly.series.flatMap((s) => s.sales)));
    close(sum(o.channelTrend.weekly.series.flatMap((s) => s.sales)));
    close(sum(o.heatmap.sales.flat()));
    close(sum(o.regions.rows.map((r) => r.sales)));
    close(sum(o.demographics.cells.map((c) => c.sales)));
    close(sum(o.retailerThemes.retailers.map((r) => r.sales)));
    close(sum(o.lpay.groups.map((g) => g.sales)));
    for (const n of [sum(o.retailerSales.series.flatMap((s) => s.receipts)), sum(o.channelTrend.monthly.series.flatMap((s) => s.receipts)), sum(o.heatmap.receipts.flat()), sum(o.lpay.groups.map((g) => g.purchaseReceipts))]) {
      expect(n).toBe(k.purchaseReceipts);
    }
    expect(sum(o.demographics.cells.map((c) => c.customers))).toBe(k.customers);
    expect(o.lpay.customers).toBe(k.customers);
    // Returns: ~0.5 % of lines (docs/demo-data.md), all flagged, netted out of sales.
    expect(k.returnLines / k.lines).toBeGreaterThan(0.002);
    expect(k.returnLines / k.lines).toBeLessThan(0.012);
    expect(k.grossSales - k.returnsAmount).toBeCloseTo(k.sales, 2);
  });

  it('shows the retailer themes: tobacco at the convenience store, computers at electronics, luxury at the department store', () => {
    const top = (code: string): string[] => o.retailerThemes.retailers.find((r) => r.retailer === code)?.categories.map((c) => c.name) ?? [];
    expect(top('A04')[0]).toBe('담배');
    expect(top('A05')[0]).toBe('컴퓨터/주변기기');
    expect(['시계/주얼리', '명품']).toContain(top('A01')[0]);
    for (const r of o.retailerThemes.retailers) {
      expect(r.categories).toHaveLength(5);
      expect(r.categories[0].lift).toBeGreaterThan(1);
    }
    expect(o.topCategories.level1.bySales).toHaveLength(20);
    expect(o.topCategories.level2?.bySales[0].parent).not.toBeNull();
  });

  it('sees online grow through the year (planted × 0.85 → × 1.15)', () => {
    const m = o.channelTrend.monthly;
    const count = (c: string, from: number, to: number): number => sum(m.series.find((s) => s.channel === c)?.receipts.slice(from, to) ?? []);
    const share = (from: number, to: number): number => count('online', from, to) / (count('online', from, to) + count('offline', from, to));
    expect(share(6, 12)).toBeGreaterThan(share(0, 6));
  });

  it('flags only planted price-spread products, with the SQL power-sum path equal to two-pass estimates on the raw prices', () => {
    const p = o.priceSpread;
    expect(p.available).toBe(true);
    expect(p.flagged.length).toBeGreaterThan(0);
    for (const f of p.flagged) {
      expect(SPREAD).toContain(f.name);
      const prices = (db.prepare(`SELECT l.amount / l.quantity AS p FROM lines l JOIN products pr ON pr.id = l.product_id
        WHERE pr.code = ? AND l.quantity > 0 AND l.amount > 0 AND l.flags & 31 = 0`).pluck().all(f.product) as number[]).sort((a, b) => a - b);
      expect(f.n).toBe(prices.length);
      expect(f.mean).toBeCloseTo(sum(prices) / prices.length, 6);
      expect(f.skewness as number).toBeCloseTo(skewness(prices), 6);
      expect(f.kurtosis as number).toBeCloseTo(kurtosis(prices), 5);
      expect(f.median).toBeCloseTo(quantileSorted(prices, 0.5), 9);
      expect(f.p5).toBeCloseTo(quantileSorted(prices, 0.05), 9);
      expect(f.p95).toBeCloseTo(quantileSorted(prices, 0.95), 9);
    }
    expect(sum(p.skewHistogram.map((b) => b.count))).toBe(p.productsAnalysed);
  });
});

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../core/data/store/open.js';
import type { OverviewResult } from '../../../core/model/overview.js';
import { UCI_CSV } from '../../helpers/project.js';
import { importedProject, overview } from './helpers.js';

const present = fs.existsSync(UCI_CSV);
if (!present) console.warn(`SKIPPED: ${UCI_CSV} is absent (see ../shared/data/README.md); the Overview test on UCI Online Retail needs it.`);

let dir: string;
let db: Db;
let o: Omit<OverviewResult, 'period'>;

describe.skipIf(!present)('Overview of UCI Online Retail (generic data: no channel, retailer, gender, age, categories or L.pay)', () => {
  beforeAll(async () => {
    ({ dir, db } = await importedProject([UCI_CSV]));
    o = overview(db);
  });
  afterAll(() => {
    db?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reproduces the known headline figures (../shared/data/README.md)', () => {
    expect(o.kpis).toMatchObject({
      available: true, customers: 4_372, receipts: 25_900, lines: 541_909, linesWithoutCustomer: 135_080, products: 4_070,
      sales: 9_747_747.93, firstDate: '2010-12-01', lastDate: '2011-12-09', lpayUsers: null,
    });
    // Cancellation invoices (C…) are receipts of negative amount: not purchase receipts.
    expect(o.kpis.purchaseReceipts).toBeLessThan(25_900);
    expect(o.kpis.grossSales - o.kpis.returnsAmount).toBeCloseTo(o.kpis.sales, 2);
  });

  it('says which panels the data cannot support, and why, instead of failing', () => {
    const missing: [keyof typeof o, RegExp][] = [
      ['demographics', /no gender or age/], ['retailerSales', /no retailer/], ['partnerSales', /no partner/], ['channelTrend', /no channel/],
      ['lpay', /no L\.pay/], ['cohort', /no L\.pay/], ['retailerThemes', /no product categories/],
    ];
    for (const [panel, reason] of missing) {
      expect(o[panel].available, panel).toBe(false);
      expect(o[panel].reason, panel).toMatch(reason);
    }
  });

  it('offers what it can: regions from Country, top products by name instead of categories, the heatmap, price spread', () => {
    expect(o.regions.available).toBe(true);
    expect(o.regions.rows[0]).toMatchObject({ region: 'United Kingdom', customers: 3_950 });
    expect(o.topCategories.basis).toBe('product');
    expect(o.topCategories.level2).toBeNull();
    // Postage and fees (NON_PRODUCT) are not products; the best seller by revenue is the cake stand.
    expect(o.topCategories.level1.bySales[0]).toMatchObject({ name: 'REGENCY CAKESTAND 3 TIER', code: '22423', sales: 164_762.19 });
    expect(o.topCategories.level1.byReceipts[0]).toMatchObject({ name: 'WHITE HANGING HEART T-LIGHT HOLDER', code: '85123A', receipts: 2_198 });
    expect(o.topCategories.level1.bySales.some((r) => /POSTAGE|Manual|AMAZON/i.test(r.name))).toBe(false);
    expect(o.heatmap.available).toBe(true);
    expect(o.heatmap.receiptsWithoutHour).toBe(0);
    expect(o.priceSpread).toMatchObject({ available: true, productsAnalysed: 2_578, productsFlagged: 16 });
    expect(o.priceSpread.flagged[0]).toMatchObject({ name: 'PICNIC BASKET WICKER SMALL', n: 469, median: 5.95, p95: 10.79 });
    for (const f of o.priceSpread.flagged) expect(f.cv).toBeGreaterThanOrEqual(1);
  });
});

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../core/data/store/open.js';
import type { OverviewResult } from '../../../core/model/overview.js';
import { lpointSmallFiles } from '../../helpers/project.js';
import { day, importedProject, overview } from './helpers.js';

// test/fixtures/lpoint-small, receipt by receipt (R = receipt, amounts in won):
//   M1 R1 2021-01-01 Fri 10h A01 offline: 우유 2,500 + 라면 4,000 = 6,500   M1 R2 01-05 Tue 21h A06 online: 생수 9,000
//   M2 R3 2021-01-02 Sat 15h A02 offline: 라면 8,000 + 생수 3,000 + 세제 12,900 = 23,900
//   M2 R4 2021-01-10 Sun 11h A02 offline: 세제 return −12,900      M3 R5 12-31 Fri 23h A03: 우유 2,500   M3 R6 same: 우유 0
//   M5 R7 2021-03-01 Mon 0h A06 online: 라면 2,000 (M5 is not in DEMO; M4 is, without purchases)
// Net sales 31,000; purchase receipts (amount > 0) R1 R2 R3 R5 R7; L.pay: M1 A01 6,500 then L01 100, M2 B01 35,000.
let dir: string;
let db: Db;
let o: Omit<OverviewResult, 'period'>;

beforeAll(async () => {
  ({ dir, db } = await importedProject(lpointSmallFiles()));
  o = overview(db);
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('Overview of the small L.point fixture, by hand', () => {
  it('headline KPIs (stores: the 3 of BR and the lodging shop B010001 that COP_U names)', () => {
    expect(o.kpis).toEqual({
      available: true, customers: 4, registeredCustomers: 5, receipts: 7, purchaseReceipts: 5, lines: 10, linesWithoutCustomer: 0,
      sales: 31_000, grossSales: 43_900, returnsAmount: 12_900, returnLines: 1, returnShare: 12_900 / 43_900,
      meanBasketValue: 43_900 / 5, receiptsPerCustomer: 5 / 4, salesPerCustomer: 7_750,
      firstDate: '2021-01-01', lastDate: '2021-12-31', days: 365, products: 4, stores: 4, lpayUsers: 2,
    });
  });

  it('customers by gender × age band and by region (M4 bought nothing; M5 has no demographics)', () => {
    expect(o.demographics).toEqual({
      available: true, genders: ['F', 'M', 'unknown'], ageBands: ['20-29', '30-39', '40-49', 'unknown'],
      cells: [
        { gender: 'F', ageBand: '20-29', customers: 1, sales: 2_500 },
        { gender: 'F', ageBand: '30-39', customers: 1, sales: 15_500 },
        { gender: 'M', ageBand: '40-49', customers: 1, sales: 11_000 },
        { gender: 'unknown', ageBand: 'unknown', customers: 1, sales: 2_000 },
      ],
    });
    expect(o.regions.rows).toEqual([
      { region: 'Z07', customers: 1, sales: 15_500, salesShare: 15_500 / 31_000 },
      { region: 'Z17', customers: 1, sales: 11_000, salesShare: 11_000 / 31_000 },
      { region: 'Z01', customers: 1, sales: 2_500, salesShare: 2_500 / 31_000 },
      { region: 'unknown', customers: 1, sales: 2_000, salesShare: 2_000 / 31_000 },
    ]);
  });

  it('monthly sales by retailer and by partner', () => {
    const r = o.retailerSales;
    expect(r.periods).toHaveLength(12);
    expect(r.periods[0]).toBe('2021-01');
    const series = Object.fromEntries(r.series.map((s) => [s.key, s]));
    expect(Object.keys(series)).toEqual(['A01', 'A02', 'A03', 'A06']);
    expect(series.A01.label).toBe('Department store');
    expect(series.A02.sales.slice(0, 2)).toEqual([23_900 - 12_900, 0]);
    expect(series.A02.receipts[0]).toBe(1);
    expect(series.A03.sales[11]).toBe(2_500);
    expect(series.A03.receipts[11]).toBe(1);
    expect(series.A06.sales.slice(0, 3)).toEqual([9_000, 0, 2_000]);
    expect(o.partnerSales).toEqual({
      available: true, periods: ['2021-02', '2021-03'],
      series: [
        { key: 'B01', label: 'Lodging', sales: [150_000, 0], receipts: [1, 0] },
        { key: 'C01', label: 'Entertainment 1', sales: [0, 24_000], receipts: [0, 1] },
      ],
    });
  });

  it('online vs offline, monthly and weekly', () => {
    const m = o.channelTrend.monthly;
    const off = m.series.find((s) => s.channel === 'offline'), on = m.series.find((s) => s.channel === 'online');
    expect(m.series.map((s) => s.channel)).toEqual(['offline', 'online']);
    expect(off?.sales[0]).toBe(6_500 + 23_900 - 12_900);
    expect(off?.receipts[0]).toBe(2);
    expect(off?.sales[11]).toBe(2_500);
    expect(on?.sales.slice(0, 3)).toEqual([9_000, 0, 2_000]);
    expect(m.onlineSalesShare.slice(0, 3)).toEqual([9_000 / 26_500, 0, 1]);
    const w = o.channelTrend.weekly;
    // Weeks start on Monday: 2021-01-01 (Fri) is in the week of 2020-12-28, 2021-12-31 (Fri) in that of 2021-12-27.
    expect(w.periods[0]).toBe('2020-12-28');
    expect(w.periods[w.periods.length - 1]).toBe('2021-12-27');
    expect(w.periods).toHaveLength(53);
    const weekOn = w.series.find((s) => s.channel === 'online');
    expect(weekOn?.sales[w.periods.indexOf('2021-01-04')]).toBe(9_000);
    expect(weekOn?.sales[w.periods.indexOf('2021-03-01')]).toBe(2_000);
  });

  it('weekday × hour (Monday = 0)', () => {
    const h = o.heatmap;
    expect(h.weekdays[0]).toBe('Mon');
    const cells: [number, number, number, number][] = [];
    h.receipts.forEach((row, wd) => row.forEach((n, hr) => { if (n !== 0 || h.sales[wd][hr] !== 0) cells.push([wd, hr, n, h.sales[wd][hr]]); }));
    expect(cells).toEqual([
      [0, 0, 1, 2_000], // R7 Mon 0h
      [1, 21, 1, 9_000], // R2 Tue 21h
      [4, 10, 1, 6_500], // R1 Fri 10h
      [4, 23, 1, 2_500], // R5 + R6 (0 won: not a purchase) Fri 23h
      [5, 15, 1, 23_900], // R3 Sat 15h
      [6, 11, 0, -12_900], // R4 return Sun 11h
    ]);
    expect(h.receiptsWithoutHour).toBe(0);
  });

  it('top categories at both levels, by sales and by receipts (the 0-won 우유 of R6 does not count as a purchase)', () => {
    const t = o.topCategories;
    expect(t.basis).toBe('category');
    const row = (name: string, parent: string | null, sales: number, receipts: number) => ({ name, code: null, parent, sales, salesShare: sales / 31_000, receipts, receiptShare: receipts / 5 });
    expect(t.level1.bySales).toEqual([row('면류', null, 14_000, 3), row('음료', null, 12_000, 2), row('유제품', null, 5_000, 2), row('세제/위생', null, 0, 1)]);
    expect(t.level1.byReceipts.map((r) => r.name)).toEqual(['면류', '음료', '유제품', '세제/위생']);
    expect(t.level2?.bySales).toEqual([row('봉지라면', '면류', 14_000, 3), row('생수/탄산수', '음료', 12_000, 2), row('우유/요구르트', '유제품', 5_000, 2), row('세탁세제', '세제/위생', 0, 1)]);
  });

  it('retailer themes: top categories per retailer with share, overall share and lift', () => {
    const th = o.retailerThemes;
    expect(th.retailers.map((r) => [r.retailer, r.sales])).toEqual([['A01', 6_500], ['A02', 11_000], ['A03', 2_500], ['A06', 11_000]]);
    const a01 = th.retailers[0].categories;
    expect(a01.map((c) => c.name)).toEqual(['면류', '유제품']);
    expect(a01[0].share).toBeCloseTo(4_000 / 6_500, 12);
    expect(a01[0].overallShare).toBeCloseTo(14_000 / 31_000, 12);
    expect(a01[0].lift).toBeCloseTo((4_000 / 6_500) / (14_000 / 31_000), 12);
    expect(th.retailers[1].categories.map((c) => [c.name, c.sales])).toEqual([['면류', 8_000], ['음료', 3_000], ['세제/위생', 0]]);
  });

  it('price spread needs 30 priced lines per product: none here, and it says so', () => {
    expect(o.priceSpread).toMatchObject({ available: false, productsAnalysed: 0, productsFlagged: 0, flagged: [] });
    expect(o.priceSpread.reason).toMatch(/30 priced lines/);
  });

  it('L.pay adoption and spend of users vs others', () => {
    expect(o.lpay).toEqual({
      available: true, users: 2, payments: 3, paymentAmount: 41_600, customers: 4, usersAmongCustomers: 2, adoptionShare: 0.5,
      firstUse: { periods: ['2021-01', '2021-02', '2021-03', '2021-04'], newUsers: [1, 0, 0, 1], cumulativeUsers: [1, 1, 1, 2] },
      groups: [
        { group: 'lpay', customers: 2, sales: 26_500, purchaseReceipts: 3, salesPerCustomer: 13_250, salesPerReceipt: 8_833.33 },
        { group: 'other', customers: 2, sales: 4_500, purchaseReceipts: 2, salesPerCustomer: 2_250, salesPerReceipt: 2_250 },
      ],
      byMerchant: [
        { merchant: 'B01', label: 'Lodging', payments: 1, amount: 35_000 },
        { merchant: 'A01', label: 'Department store', payments: 1, amount: 6_500 },
        { merchant: 'L01', label: 'Non-partner', payments: 1, amount: 100 },
      ],
    });
  });

  it('100-won cohort: M1 paid 100 won only after a first payment of 6,500, so the cohort is empty', () => {
    expect(o.cohort).toEqual({ available: true, amount: 100, cohort: 0, repeaters: 0, repeatShare: 0, medianDaysToSecond: null, customersWithAnyPaymentOfAmount: 1, byMonth: { periods: [], cohort: [] } });
  });

  it('restricts every panel to a period', () => {
    const jan = overview(db, { from: day('2021-01-01'), to: day('2021-01-31') });
    expect(jan.kpis).toMatchObject({ customers: 2, receipts: 4, sales: 6_500 + 9_000 + 23_900 - 12_900, firstDate: '2021-01-01', lastDate: '2021-01-10' });
    expect(jan.retailerSales.periods).toEqual(['2021-01']);
    expect(jan.topCategories.level1.bySales[0]).toMatchObject({ name: '면류', sales: 12_000, receipts: 2 });
    expect(jan.partnerSales).toMatchObject({ available: false });
    expect(jan.lpay).toMatchObject({ users: 1, payments: 2 });
  });
});

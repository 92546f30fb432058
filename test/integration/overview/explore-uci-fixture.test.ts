import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../core/data/store/open.js';
import type { OverviewExplore } from '../../../core/model/overview-explore.js';
import { overviewCustomerExportRows, overviewCustomers, overviewExplore } from '../../../core/service/overview-explore.js';
import { FIXTURES } from '../../helpers/project.js';
import { importedProject } from './helpers.js';

/**
 * The Overview for every file on test/fixtures/overview/uci-small.csv: 8 UCI-shaped invoices
 * (one cancellation, one postage line, one without a customer) small enough to check by hand:
 *   Jan  10001 Mon 09h C1 2×A+1×B = 9 · 10002 Wed 14h C2 A = 2 · 10003 Mon 10h C1 4×B = 20 · C10004 Wed 11h C1 −A = −2
 *   Feb  10005 Tue 09h C3 10×A+POST = 38 · 10006 Mon 16h C2 2×B = 10 · 10007 Tue 16h no customer A = 2
 *   Mar  10008 Wed 12h C1 3×A+2×B = 16
 * C1 = 17001 and C3 = 17003 (United Kingdom), C2 = 12002 (France); A = RED MUG 2.00, B = BLUE BOWL 5.00.
 */
const FILE = path.join(FIXTURES, 'overview/uci-small.csv');

let dir: string;
let db: Db;
let all: OverviewExplore;

describe('Overview for every file on a UCI-shaped fixture (issue #14)', () => {
  beforeAll(async () => {
    ({ dir, db } = await importedProject([FILE]));
    all = overviewExplore(db, {});
  });
  afterAll(() => {
    db?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sums sales, purchase receipts and customers per month, returns subtracted', () => {
    expect(all.hasAmounts).toBe(true);
    expect(all.totals).toEqual({ sales: 95, receipts: 7, customers: 3 });
    expect(all.monthly).toEqual({ periods: ['2011-01', '2011-02', '2011-03'], sales: [29, 50, 16], receipts: [3, 3, 1], customers: [2, 2, 1] });
  });

  it('counts per ISO week, weeks named by their Monday, with no gaps', () => {
    expect(all.weekly.periods).toEqual(['2011-01-03', '2011-01-10', '2011-01-17', '2011-01-24', '2011-01-31', '2011-02-07', '2011-02-14', '2011-02-21', '2011-02-28']);
    expect(all.weekly.sales).toEqual([11, 18, 0, 0, 38, 12, 0, 0, 16]);
    expect(all.weekly.receipts).toEqual([2, 1, 0, 0, 1, 2, 0, 0, 1]);
    expect(all.weekly.customers).toEqual([2, 1, 0, 0, 1, 1, 0, 0, 1]);
  });

  it('has the weekday pattern and, since UCI has times, the hour pattern', () => {
    expect(all.weekdays.receipts).toEqual([3, 2, 2, 0, 0, 0, 0]);
    expect(all.weekdays.sales).toEqual([39, 40, 16, 0, 0, 0, 0]);
    const hours = all.hours as { receipts: number[] };
    expect(Object.fromEntries(hours.receipts.map((n, h) => [h, n]).filter(([, n]) => n > 0))).toEqual({ 9: 2, 10: 1, 12: 1, 14: 1, 16: 2 });
  });

  it('bins basket sizes by items (quantities) and by amount on a 1-2-5 ladder', () => {
    expect(all.basket.itemsBasis).toBe('quantity');
    expect(all.basket.items.map((b) => [b.key, b.receipts])).toEqual([['1:2', 2], ['2:3', 1], ['3:4', 1], ['4:5', 1], ['5:6', 1], ['6:11', 0], ['11:21', 1]]);
    expect(all.basket.amount?.map((b) => [b.key, b.receipts])).toEqual([['2:5', 2], ['5:10', 1], ['10:20', 2], ['20:', 2]]);
  });

  it('splits each month’s customers into new (first purchase that month) and returning', () => {
    expect(all.newReturning).toEqual({ periods: ['2011-01', '2011-02', '2011-03'], newCustomers: [2, 1, 0], returningCustomers: [0, 1, 1] });
  });

  it('ranks products by sales and by receipts, postage left out', () => {
    expect(all.products?.bySales?.map((p) => [p.code, p.sales, p.receipts])).toEqual([['B2', 45, 4], ['A1', 32, 5]]);
    expect(all.products?.byReceipts.map((p) => p.code)).toEqual(['A1', 'B2']);
  });

  it('offers only the filters the data has: countries as regions, no retailer, no category, no segmentation yet', () => {
    expect(all.options).toMatchObject({ firstDay: '2011-01-03', lastDay: '2011-03-02', regions: ['France', 'United Kingdom'], retailers: [], categories: [], segmentRuns: [] });
    expect(all.segments).toBeNull();
  });

  it('applies a region filter to every panel', () => {
    const fr = overviewExplore(db, { region: 'France' });
    expect(fr.totals).toEqual({ sales: 12, receipts: 2, customers: 1 });
    expect(fr.monthly).toEqual({ periods: ['2011-01', '2011-02'], sales: [2, 10], receipts: [1, 1], customers: [1, 1] });
    expect(fr.newReturning).toEqual({ periods: ['2011-01', '2011-02'], newCustomers: [1, 0], returningCustomers: [0, 1] });
    expect(fr.products?.bySales?.map((p) => [p.code, p.sales])).toEqual([['B2', 10], ['A1', 2]]);
    expect(fr.weekdays.receipts).toEqual([1, 0, 1, 0, 0, 0, 0]);
  });

  it('applies a period filter, and a customer first seen before the period is returning', () => {
    const feb = overviewExplore(db, { from: '2011-02-01', to: '2011-02-28' });
    expect(feb.totals).toEqual({ sales: 50, receipts: 3, customers: 2 });
    expect(feb.newReturning).toEqual({ periods: ['2011-02'], newCustomers: [1], returningCustomers: [1] });
  });

  it('lists the customers behind a bar with their receipts and sales in the slice', () => {
    expect(overviewCustomers(db, {}, { dimension: 'month', value: '2011-01' })).toEqual({
      slice: { dimension: 'month', value: '2011-01' }, total: 2,
      rows: [{ customer: '17001', receipts: 2, sales: 27 }, { customer: '12002', receipts: 1, sales: 2 }],
    });
    expect(overviewCustomers(db, {}, { dimension: 'product', value: 'A1' }).rows).toEqual([
      { customer: '17003', receipts: 1, sales: 20 }, { customer: '17001', receipts: 2, sales: 8 }, { customer: '12002', receipts: 1, sales: 2 },
    ]);
    expect(overviewCustomers(db, {}, { dimension: 'new', value: '2011-02' }).rows.map((r) => r.customer)).toEqual(['17003']);
    expect(overviewCustomers(db, {}, { dimension: 'returning', value: '2011-02' }).rows.map((r) => r.customer)).toEqual(['12002']);
    expect(overviewCustomers(db, {}, { dimension: 'weekday', value: '0' }).rows).toEqual([{ customer: '17001', receipts: 2, sales: 29 }, { customer: '12002', receipts: 1, sales: 10 }]);
    expect(overviewCustomers(db, {}, { dimension: 'amount', value: '20:' }).rows.map((r) => r.customer)).toEqual(['17003', '17001']);
    expect(overviewCustomers(db, { region: 'France' }, { dimension: 'week', value: '2011-02-07' }).rows).toEqual([{ customer: '12002', receipts: 1, sales: 10 }]);
  });

  it('exports the same list as CSV rows, and without a bar every customer under the filters', () => {
    expect(overviewCustomerExportRows(db, { dimension: 'month', value: '2011-01' })).toEqual({ header: ['customer', 'receipts', 'sales'], rows: [['17001', 2, 27], ['12002', 1, 2]] });
    // 17001: purchase receipts 10001, 10003, 10008 (the cancellation C10004 is no purchase), 9 + 20 − 2 + 16 = 43.
    expect(overviewCustomerExportRows(db, { region: 'United Kingdom' }).rows).toEqual([['17001', 3, 43], ['17003', 1, 38]]);
    expect(() => overviewCustomerExportRows(db, { dimension: 'month' })).toThrow(/needs value=/);
  });

  it('refuses a bar value its dimension cannot have, naming it', () => {
    expect(() => overviewCustomers(db, {}, { dimension: 'weekday', value: '7' })).toThrow(/weekday bar, got '7'/);
    expect(() => overviewCustomers(db, {}, { dimension: 'segment', value: '1' })).toThrow(/segmentRun/);
    expect(() => overviewExplore(db, { from: '2011-03-01', to: '2011-02-01' })).toThrow(/must not be after/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../core/data/store/open.js';
import { overviewCustomers, overviewExplore } from '../../../core/service/overview-explore.js';
import { FIXTURES } from '../../helpers/project.js';
import { importedProject } from './helpers.js';

/** The Overview for every file on data without amounts or without products (issue #10 fixtures): receipts instead of sales, said; no product panel. */
describe('Overview for every file on data missing a field', () => {
  const open: { dir: string; db: Db }[] = [];
  afterAll(() => {
    for (const o of open) {
      o.db.close();
      fs.rmSync(o.dir, { recursive: true, force: true });
    }
  });
  const project = async (file: string): Promise<Db> => {
    const p = await importedProject([path.join(FIXTURES, 'issue10', file)]);
    open.push(p);
    return p.db;
  };

  it('an item log without amounts: receipts and items, no sales, no amount histogram, products by receipts', async () => {
    const db = await project('groceries.csv');
    const x = overviewExplore(db, {});
    expect(x.hasAmounts).toBe(false);
    expect(x.moneyReason).toMatch(/no amounts/);
    expect(x.totals.sales).toBeNull();
    expect(x.totals.receipts).toBeGreaterThan(0);
    expect(x.basket.amount).toBeNull();
    expect(x.basket.items.reduce((a, b) => a + b.receipts, 0)).toBe(x.totals.receipts);
    expect(x.products?.bySales).toBeNull();
    expect(x.products?.byReceipts.length).toBeGreaterThan(0);
    expect(x.hours).toBeNull();
    const list = overviewCustomers(db, {}, { dimension: 'month', value: x.monthly.periods[0] });
    expect(list.rows.every((r) => r.sales === null)).toBe(true);
    expect(list.total).toBe(x.monthly.customers[0]);
  });

  it('purchases without products: every time panel, no product panel', async () => {
    const db = await project('cdnow-like.csv');
    const x = overviewExplore(db, {});
    expect(x.hasAmounts).toBe(true);
    expect(x.products).toBeNull();
    expect(x.monthly.periods.length).toBeGreaterThan(0);
    expect(x.weekdays.receipts.reduce((a, b) => a + b, 0)).toBe(x.totals.receipts);
  });
});

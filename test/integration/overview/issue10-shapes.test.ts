import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../core/data/store/open.js';
import { dataSummary } from '../../../core/data/store/queries/summary.js';
import type { OverviewResult } from '../../../core/model/overview.js';
import { FIXTURES } from '../../helpers/project.js';
import { importedProject, overview } from './helpers.js';

const fixture = (name: string): string => path.join(FIXTURES, 'issue10', name);

/** Imports a fixture, computes every Overview panel and the data summary once. */
function shape(file: string) {
  const s: { dir: string; db: Db; o: Omit<OverviewResult, 'period'>; summary: ReturnType<typeof dataSummary> } = {} as never;
  beforeAll(async () => {
    const p = await importedProject([fixture(file)]);
    Object.assign(s, { dir: p.dir, db: p.db, o: overview(p.db), summary: dataSummary(p.db) });
  });
  afterAll(() => {
    s.db?.close();
    if (s.dir) fs.rmSync(s.dir, { recursive: true, force: true });
  });
  return s;
}

describe('Overview and data summary of an item log without amounts (Groceries shape)', () => {
  const s = shape('groceries.csv');
  it('counts customers, receipts and lines, and says sales are unknown instead of showing 0', () => {
    expect(s.o.kpis.available).toBe(true);
    expect(s.o.kpis.lines).toBe(200);
    expect(s.o.kpis.purchaseReceipts).toBe(s.o.kpis.receipts);
    expect(s.o.kpis.purchaseReceipts).toBeGreaterThan(0);
    expect(s.o.kpis.moneyReason).toMatch(/^Sales are unknown: this project's data has no amounts/);
    expect(s.o.heatmap.moneyReason).toBe(s.o.kpis.moneyReason);
  });
  it('ranks products by baskets (receipts), and says why the price spread is empty', () => {
    expect(s.o.topCategories.available).toBe(true);
    expect(s.o.topCategories.moneyReason).toBeDefined();
    const top = s.o.topCategories.level1.byReceipts[0];
    expect(top.receipts).toBeGreaterThan(0);
    expect(s.o.topCategories.level1.byReceipts.reduce((n, r) => n + r.receipts, 0)).toBeGreaterThanOrEqual(s.o.kpis.purchaseReceipts);
    expect(s.o.priceSpread).toMatchObject({ available: false, reason: "The price spread needs amounts (no amount or unit price column was imported), which this project's data does not have." });
  });
  it('data-summary: net sales unknown (null), every line without amount, one note', () => {
    expect(s.summary.amountNet).toBeNull();
    expect(s.summary.linesWithoutAmount).toBe(200);
    expect(s.summary.linesWithoutProduct).toBe(0);
    expect(s.summary.notes).toEqual(['200 of 200 lines have no amount (the file had no amount or unit price): sales, spend and price analyses leave them out or say so.']);
  });
});

describe('Overview and data summary of purchases without products (CDNOW shape)', () => {
  const s = shape('cdnow-like.csv');
  it('shows the money panels: KPIs with sales, no money reason', () => {
    expect(s.o.kpis).toMatchObject({ available: true, lines: 14, customers: 5, receipts: 13, purchaseReceipts: 13, sales: 387.06 });
    expect(s.o.kpis.moneyReason).toBeUndefined();
    expect(s.o.kpis.meanBasketValue).toBeCloseTo(387.06 / 13, 2);
  });
  it('product panels say why they are empty, in one sentence', () => {
    const sentence = "This panel needs products (no product column was imported), which this project's data does not have.";
    expect(s.o.topCategories).toMatchObject({ available: false, reason: sentence });
    expect(s.o.retailerThemes).toMatchObject({ available: false, reason: sentence });
    expect(s.o.priceSpread).toMatchObject({ available: false, reason: "The price spread needs products (no product column was imported), which this project's data does not have." });
  });
  it('data-summary: net sales known, lines without product counted', () => {
    expect(s.summary.amountNet).toBe(387.06);
    expect(s.summary.linesWithoutProduct).toBe(14);
    expect(s.summary.notes).toHaveLength(1);
  });
});

describe('Overview of a file whose receipt ids are shared by customers', () => {
  const s = shape('shared-receipts.csv');
  it('counts one receipt per (receipt id, customer) and each customer', () => {
    expect(s.o.kpis).toMatchObject({ customers: 3, receipts: 6, purchaseReceipts: 6, lines: 8, sales: 81 });
    expect(s.o.kpis.moneyReason).toBeUndefined();
    expect(s.summary.notes).toEqual([]);
  });
});

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles } from '../../../core/data/demo/index.js';
import type { Db } from '../../../core/data/store/open.js';
import { ALL_DAYS } from '../../../core/data/store/queries/overview/index.js';
import { finishRun, startRun } from '../../../core/data/store/runs.js';
import { writeMembers, writeNames } from '../../../core/data/store/segments.js';
import { overviewExplore } from '../../../core/service/overview-explore.js';
import { computeOverview } from '../../../core/service/overview-panels.js';
import { tempDir } from '../../helpers/project.js';
import { day, importedProject } from './helpers.js';

/**
 * Issue #14: the Overview's filters reach the L.point panels too (KPIs, gender × age, regions,
 * monthly by retailer, channel, weekday × hour, categories, prices, L.pay, cohort). On the tiny
 * L.point demo, every filtered figure checked here is compared with a direct SQL count written
 * independently (JOINs, not the panels' IN lists); panels a filter cannot reach (scope.ts) must
 * equal the same panel without that filter.
 */
let csvDir: string;
let dir: string;
let db: Db;
let segRun: number;
let region: string;
let retailer: string;
let category: string;
const FROM = '2021-03-01', TO = '2021-06-30';

beforeAll(async () => {
  csvDir = tempDir('swb-panel-filters-');
  const r = await writeDemoFiles(csvDir, { size: 'tiny', seed: 2 });
  ({ dir, db } = await importedProject(Object.values(r.files)));
  const ids = (db.prepare('SELECT id FROM customers ORDER BY id').raw().all() as [number][]).map((x) => x[0]);
  segRun = startRun(db, 'kmeans', { k: 2 }, 'fixture');
  writeMembers(db, segRun, Int32Array.from(ids), Int32Array.from(ids.map((c) => c % 2)), new Uint8Array(ids.length));
  writeNames(db, segRun, new Map([[0, 'Even'], [1, 'Odd']]));
  finishRun(db, segRun, 'done', { summary: { k: 2 } });
  // The most common region, retailer and category, so each filter keeps a good part of the data.
  const top = (sql: string): string => (db.prepare(sql).raw().get() as [string])[0];
  region = top('SELECT c.region FROM receipts r JOIN customers c ON c.id = r.customer_id WHERE c.region IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1');
  retailer = top('SELECT retailer FROM receipts WHERE retailer IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1');
  category = top('SELECT p.category FROM lines l JOIN products p ON p.id = l.product_id WHERE p.category IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1');
}, 120_000);
afterAll(() => {
  db?.close();
  for (const d of [dir, csvDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

const get = <T>(sql: string, ...params: unknown[]): T => db.prepare(sql).get(...params) as T;

describe('the Overview’s filters reach every L.point panel (issue #14)', () => {
  it('period + region: KPIs, regions, weekday × hour and L.pay equal direct SQL counts', () => {
    const p = computeOverview(db, { from: day(FROM), to: day(TO), region });
    const rec = get<{ customers: number; receipts: number; purchases: number }>(
      `SELECT count(DISTINCT r.customer_id) AS customers, count(*) AS receipts, sum(r.amount > 0) AS purchases
       FROM receipts r JOIN customers c ON c.id = r.customer_id WHERE c.region = ? AND r.day BETWEEN ? AND ?`, region, day(FROM), day(TO));
    const lines = get<{ n: number; sales: number }>(
      'SELECT count(*) AS n, total(l.amount) AS sales FROM lines l JOIN customers c ON c.id = l.customer_id WHERE c.region = ? AND l.day BETWEEN ? AND ?', region, day(FROM), day(TO));
    const all = computeOverview(db, ALL_DAYS);
    expect(rec.customers).toBeGreaterThan(0);
    expect(rec.customers).toBeLessThan(all.kpis.customers);
    expect(p.kpis).toMatchObject({ customers: rec.customers, receipts: rec.receipts, purchaseReceipts: rec.purchases, lines: lines.n, sales: Math.round(lines.sales * 100) / 100 });
    expect(p.regions.rows.map((r) => [r.region, r.customers])).toEqual([[region, rec.customers]]);
    expect(p.heatmap.receipts.flat().reduce((a, b) => a + b, 0)).toBe(rec.purchases);
    const cells = p.demographics.cells.reduce((a, c) => a + c.customers, 0);
    expect(cells).toBe(rec.customers);
    const payers = get<{ n: number }>('SELECT count(DISTINCT y.customer_id) AS n FROM payments y JOIN customers c ON c.id = y.customer_id WHERE c.region = ? AND y.day BETWEEN ? AND ?', region, day(FROM), day(TO)).n;
    expect(p.kpis.lpayUsers).toBe(payers);
    if (p.lpay.available) expect(p.lpay.users).toBe(payers);
    // Catalogue sizes describe the data, not the slice.
    expect(p.kpis.products).toBe(all.kpis.products);
  });

  it('retailer: receipt and line panels keep that retailer; partner uses and L.pay (no retailer) stay as without it', () => {
    const p = computeOverview(db, { ...ALL_DAYS, retailer });
    const all = computeOverview(db, ALL_DAYS);
    const n = get<{ receipts: number; lines: number }>(
      'SELECT (SELECT count(*) FROM receipts WHERE retailer = ?) AS receipts, (SELECT count(*) FROM lines l JOIN receipts r ON r.id = l.receipt_id WHERE r.retailer = ?) AS lines', retailer, retailer);
    expect(p.kpis.receipts).toBe(n.receipts);
    expect(p.kpis.lines).toBe(n.lines);
    expect(p.retailerSales.series.map((s) => s.key)).toEqual([retailer]);
    expect(p.retailerThemes.retailers.map((r) => r.retailer)).toEqual([retailer]);
    expect(p.partnerSales).toEqual(all.partnerSales);
    expect(p.cohort).toEqual(all.cohort);
  });

  it('segment: customers are the segment’s members with a receipt', () => {
    const p = computeOverview(db, { ...ALL_DAYS, segmentRun: segRun, segment: 1 });
    const n = get<{ n: number }>('SELECT count(DISTINCT r.customer_id) AS n FROM receipts r JOIN segment_members m ON m.customer_id = r.customer_id AND m.run_id = ? WHERE m.segment = 1', segRun).n;
    expect(p.kpis.customers).toBe(n);
    expect(p.regions.rows.reduce((a, r) => a + r.customers, 0)).toBe(n);
  });

  it('category: the product panels keep that category; the receipt panels (whole receipts) stay as without it', () => {
    const p = computeOverview(db, { ...ALL_DAYS, category });
    const all = computeOverview(db, ALL_DAYS);
    expect(p.topCategories.level1.bySales.map((c) => c.name)).toEqual([category]);
    const baskets = get<{ n: number }>(`SELECT count(DISTINCT l.receipt_id) AS n FROM lines l JOIN products p ON p.id = l.product_id
      WHERE p.category = ? AND l.flags & 16 = 0 AND l.amount > 0`, category).n;
    expect(p.topCategories.level1.bySales[0].receipts).toBe(baskets);
    expect(p.kpis).toEqual(all.kpis);
    expect(p.heatmap).toEqual(all.heatmap);
  });

  it('getOverviewExplore carries the filtered panels, and none without a filter', () => {
    const filtered = overviewExplore(db, { from: FROM, to: TO, region });
    expect(filtered.panels).toEqual(computeOverview(db, { from: day(FROM), to: day(TO), region }));
    expect(filtered.panels?.kpis.customers).toBe(filtered.totals.customers);
    expect(overviewExplore(db, {}).panels).toBeNull();
    expect(overviewExplore(db, { segmentRun: segRun }).panels).toBeNull();
  });
});

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles } from '../../../core/data/demo/index.js';
import type { Db } from '../../../core/data/store/open.js';
import { finishRun, startRun } from '../../../core/data/store/runs.js';
import { writeMembers, writeNames } from '../../../core/data/store/segments.js';
import { LineFlag } from '../../../core/model/flags.js';
import type { OverviewFilters } from '../../../core/model/overview-explore.js';
import { overviewCustomers, overviewExplore } from '../../../core/service/overview-explore.js';
import { tempDir } from '../../helpers/project.js';
import { day, importedProject } from './helpers.js';

/**
 * Filter correctness of the Overview for every file on the tiny L.point demo (retailers, regions,
 * categories, hours): every filtered total must equal the same sums computed independently, here in
 * plain JavaScript over the raw lines, and the panels must add up to the totals.
 */
interface Line { receipt: number; customer: number | null; day: number; amount: number; flags: number; category: string | null; retailer: string | null; region: string | null }

let csvDir: string;
let dir: string;
let db: Db;
let lines: Line[];
let segRun: number;
const segmentOf = (customer: number): number => customer % 3;

beforeAll(async () => {
  csvDir = tempDir('swb-explore-tiny-');
  const r = await writeDemoFiles(csvDir, { size: 'tiny', seed: 1 });
  ({ dir, db } = await importedProject(Object.values(r.files)));
  lines = db.prepare(`SELECT l.receipt_id AS receipt, l.customer_id AS customer, l.day AS day, l.amount AS amount, l.flags AS flags, p.category AS category, r.retailer AS retailer, c.region AS region
    FROM lines l JOIN receipts r ON r.id = l.receipt_id JOIN products p ON p.id = l.product_id LEFT JOIN customers c ON c.id = l.customer_id`).all() as Line[];
  // A segmentation to filter on: every customer in segment id mod 3 (a fixture of memberships, not an analysis under test).
  const ids = (db.prepare('SELECT id FROM customers ORDER BY id').raw().all() as [number][]).map((x) => x[0]);
  segRun = startRun(db, 'kmeans', { k: 3 }, 'fixture');
  writeMembers(db, segRun, Int32Array.from(ids), Int32Array.from(ids.map(segmentOf)), new Uint8Array(ids.length));
  writeNames(db, segRun, new Map([[0, 'Zero'], [1, 'One'], [2, 'Two']]));
  finishRun(db, segRun, 'done', { summary: { k: 3 } });
}, 120_000);
afterAll(() => {
  db?.close();
  for (const d of [dir, csvDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

/** The slice's totals the slow, obvious way: keep the lines that pass, sum per receipt. */
function independent(f: OverviewFilters): { sales: number; receipts: number; customers: number } {
  const from = f.from === undefined ? -Infinity : day(f.from), to = f.to === undefined ? Infinity : day(f.to);
  const receipts = new Map<number, { amount: number; customer: number | null }>();
  for (const l of lines) {
    if (l.day < from || l.day > to) continue;
    if (f.retailer !== undefined && l.retailer !== f.retailer) continue;
    if (f.region !== undefined && l.region !== f.region) continue;
    if (f.segment !== undefined && (l.customer === null || segmentOf(l.customer) !== f.segment)) continue;
    if (f.category !== undefined && (l.category !== f.category || (l.flags & LineFlag.NON_PRODUCT) !== 0)) continue;
    const r = receipts.get(l.receipt) ?? { amount: 0, customer: l.customer };
    r.amount += l.amount;
    receipts.set(l.receipt, r);
  }
  let sales = 0, purchases = 0;
  const customers = new Set<number>();
  for (const r of receipts.values()) {
    sales += r.amount;
    if (r.amount > 0) purchases++;
    if (r.customer !== null) customers.add(r.customer);
  }
  return { sales: Math.round(sales * 100) / 100, receipts: purchases, customers: customers.size };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('Overview for every file on the tiny demo: filters', () => {
  it('offers the retailers, regions, categories and segmentation runs the data has', () => {
    const o = overviewExplore(db, { segmentRun: segRun }).options;
    expect(o.retailers.length).toBeGreaterThan(1);
    expect(o.regions.length).toBeGreaterThan(1);
    expect(o.categories.length).toBeGreaterThan(5);
    expect(o.segmentRuns.map((r) => r.id)).toContain(segRun);
    expect(o.segments.map((s) => s.name)).toEqual(['Zero', 'One', 'Two']);
  });

  it('every filtered total equals the same total computed independently over the raw lines', () => {
    const all = overviewExplore(db, { segmentRun: segRun });
    const o = all.options;
    // Three months in the middle of the data, and its second half.
    const months = all.monthly.periods, mid = Math.floor(months.length / 2);
    const cases: OverviewFilters[] = [
      {},
      { from: `${months[mid - 1]}-01`, to: `${months[mid + 1]}-28` },
      { retailer: o.retailers[0] },
      { region: o.regions[1] },
      { segmentRun: segRun, segment: 2 },
      { category: o.categories[0] },
      { category: o.categories[3], retailer: o.retailers[1], from: `${months[mid]}-01` },
    ];
    for (const f of cases) {
      const x = overviewExplore(db, f);
      const want = independent(f);
      expect(x.totals.receipts, JSON.stringify(f)).toBe(want.receipts);
      expect(x.totals.customers, JSON.stringify(f)).toBe(want.customers);
      expect(x.totals.sales as number, JSON.stringify(f)).toBeCloseTo(want.sales, 1);
      expect(want.receipts, `${JSON.stringify(f)} is not empty`).toBeGreaterThan(0);
    }
  });

  it('the panels add up to the totals: months, weeks, weekdays, hours, bins, new + returning', () => {
    for (const f of [{}, { region: overviewExplore(db, {}).options.regions[0] }] as OverviewFilters[]) {
      const x = overviewExplore(db, f);
      for (const total of [sum(x.monthly.receipts), sum(x.weekly.receipts), sum(x.weekdays.receipts), sum(x.basket.items.map((b) => b.receipts)), sum((x.basket.amount ?? []).map((b) => b.receipts))]) expect(total).toBe(x.totals.receipts);
      expect(sum(x.hours?.receipts ?? [])).toBeLessThanOrEqual(x.totals.receipts);
      expect(sum(x.monthly.sales)).toBeCloseTo(x.totals.sales as number, 1);
      x.monthly.customers.forEach((c, i) => expect(x.newReturning.newCustomers[i] + x.newReturning.returningCustomers[i]).toBe(c));
      // A customer is new once at most: new customers over the months never exceed the customers.
      expect(sum(x.newReturning.newCustomers)).toBeLessThanOrEqual(x.totals.customers);
    }
  });

  it('the segments panel splits the customers, receipts and sales of the run', () => {
    const x = overviewExplore(db, { segmentRun: segRun });
    const segs = x.segments ?? [];
    expect(segs.map((s) => s.id)).toEqual([0, 1, 2]);
    segs.forEach((s) => {
      const want = independent({ segmentRun: segRun, segment: s.id });
      expect([s.customers, s.receipts]).toEqual([want.customers, want.receipts]);
      expect(s.sales).toBeCloseTo(want.sales, 1);
    });
  });

  it('the customers behind a bar add up to the bar', () => {
    const f: OverviewFilters = { retailer: overviewExplore(db, {}).options.retailers[0] };
    const x = overviewExplore(db, f);
    const i = x.monthly.receipts.indexOf(Math.max(...x.monthly.receipts));
    const month = overviewCustomers(db, f, { dimension: 'month', value: x.monthly.periods[i] });
    expect(month.total).toBe(x.monthly.customers[i]);
    expect(sum(month.rows.map((r) => r.receipts))).toBe(x.monthly.receipts[i]);
    expect(sum(month.rows.map((r) => r.sales as number))).toBeCloseTo(x.monthly.sales[i], 0);
    const fresh = overviewCustomers(db, f, { dimension: 'new', value: x.monthly.periods[i] });
    expect(fresh.total).toBe(x.newReturning.newCustomers[i]);
    const top = (x.products?.byReceipts ?? [])[0];
    const product = overviewCustomers(db, f, { dimension: 'product', value: top.code });
    expect(sum(product.rows.map((r) => r.receipts))).toBe(top.receipts);
    const bin = x.basket.items[0];
    expect(sum(overviewCustomers(db, f, { dimension: 'items', value: bin.key }).rows.map((r) => r.receipts))).toBe(bin.receipts);
    const seg = overviewExplore(db, { ...f, segmentRun: segRun }).segments?.[1];
    const segCustomers = overviewCustomers(db, { ...f, segmentRun: segRun }, { dimension: 'segment', value: '1' });
    expect(segCustomers.total).toBe(seg?.customers);
  });
});

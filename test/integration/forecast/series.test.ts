import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject, type Db } from '../../../core/data/store/open.js';
import { isoOfDay, salesSeries, weekdayOf } from '../../../core/data/store/queries/forecast-series.js';
import { FIXTURES, makeTinyDemo, runCli } from '../../helpers/project.js';

interface Receipt { day: number; amount: number | null; quantity: number; customer: number | null; retailer: string | null }

/** Every receipt as plain rows: the direct computation below works on these in JavaScript, not SQL. */
function receipts(db: Db): Receipt[] {
  return db.prepare('SELECT day, amount, quantity, customer_id AS customer, retailer FROM receipts WHERE day IS NOT NULL').all() as Receipt[];
}

/** Per-day values over [lo, hi] of the receipts `keep` accepts: net amount, net quantity, purchase receipts, distinct buying customers. */
function direct(rows: Receipt[], lo: number, hi: number, keep: (r: Receipt) => boolean) {
  const n = hi - lo + 1;
  const amount = new Array<number>(n).fill(0), quantity = new Array<number>(n).fill(0), count = new Array<number>(n).fill(0);
  const buyers = Array.from({ length: n }, () => new Set<number>());
  for (const r of rows) {
    if (!keep(r)) continue;
    const i = r.day - lo;
    amount[i] += r.amount ?? 0;
    quantity[i] += r.quantity;
    const purchase = r.amount !== null ? r.amount > 0 : r.quantity > 0;
    if (purchase) {
      count[i]++;
      if (r.customer !== null) buyers[i].add(r.customer);
    }
  }
  return { amount, quantity, receipts: count, customers: buyers.map((s) => s.size) };
}

function expectClose(got: number[], want: number[]): void {
  expect(got).toHaveLength(want.length);
  for (let i = 0; i < want.length; i++) expect(got[i], `period ${i}`).toBeCloseTo(want[i], 6);
}

describe('forecast series from the store equal a direct computation on the tiny demo', () => {
  let dir: string, project: string, db: Db, rows: Receipt[], lo: number, hi: number;
  beforeAll(() => {
    ({ dir, project } = makeTinyDemo());
    db = openProject(project);
    rows = receipts(db);
    lo = Math.min(...rows.map((r) => r.day));
    hi = Math.max(...rows.map((r) => r.day));
  });
  afterAll(() => {
    db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('daily totals of every measure, with zeros on days without sales', () => {
    const want = direct(rows, lo, hi, () => true);
    for (const measure of ['amount', 'quantity', 'receipts', 'customers'] as const) {
      const s = salesSeries(db, { by: 'total', measure, grain: 'day' });
      expect(s.start).toBe(lo);
      expect(s.periods).toBe(hi - lo + 1);
      expect(s.series.map((x) => x.key)).toEqual(['total']);
      expectClose(s.series[0].values, want[measure]);
    }
  });

  it('per retailer, largest first, summing to the total', () => {
    const s = salesSeries(db, { by: 'retailer', measure: 'amount', grain: 'day' });
    const codes = [...new Set(rows.map((r) => r.retailer))].filter((c): c is string => c !== null);
    expect(s.series.map((x) => x.name).sort()).toEqual(codes.sort());
    for (const x of s.series) expectClose(x.values, direct(rows, lo, hi, (r) => r.retailer === x.name).amount);
    // Shops closed (hypermarkets' mandatory closing Sundays, the main day of Seollal and Chuseok) are zeros, not gaps.
    expect(s.series.some((x) => x.values.length === hi - lo + 1 && x.values.some((v) => v === 0))).toBe(true);
    const totals = s.series.map((x) => x.values.reduce((a, v) => a + v, 0));
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
  });

  it('per top-level category from the lines: net amount, and receipts counted once per category', () => {
    const lines = db.prepare("SELECT l.day, l.amount, l.quantity, l.receipt_id AS receipt, coalesce(nullif(p.category, ''), '(unknown)') AS category FROM lines l JOIN products p ON p.id = l.product_id WHERE l.day IS NOT NULL").all() as { day: number; amount: number | null; quantity: number | null; receipt: number; category: string }[];
    const amount = salesSeries(db, { by: 'category', measure: 'amount', grain: 'day' });
    const receipts = salesSeries(db, { by: 'category', measure: 'receipts', grain: 'day' });
    const cats = [...new Set(lines.map((l) => l.category))];
    expect(amount.series.map((x) => x.name).sort()).toEqual(cats.sort());
    for (const x of amount.series) {
      const want = new Array<number>(hi - lo + 1).fill(0);
      const seen = Array.from({ length: hi - lo + 1 }, () => new Set<number>());
      for (const l of lines) {
        if (l.category !== x.name) continue;
        want[l.day - lo] += l.amount ?? 0;
        if (l.amount !== null ? l.amount > 0 : (l.quantity ?? 0) > 0) seen[l.day - lo].add(l.receipt);
      }
      expectClose(x.values, want);
      expectClose(receipts.series.find((r) => r.key === x.key)!.values, seen.map((z) => z.size));
    }
  });

  it('weeks run Monday–Sunday; the partial first and last weeks are left out and said', () => {
    const s = salesSeries(db, { by: 'total', measure: 'amount', grain: 'week' });
    expect(weekdayOf(s.start)).toBe(0);
    expect(isoOfDay(s.start)).toBe('2021-01-04'); // 2021-01-01 was a Friday: Fri–Sun dropped
    const daily = direct(rows, lo, hi, () => true).amount;
    const want = Array.from({ length: s.periods }, (_, w) => daily.slice(s.start - lo + 7 * w, s.start - lo + 7 * w + 7).reduce((a, v) => a + v, 0));
    expectClose(s.series[0].values, want);
    expect(s.start + 7 * s.periods - 1).toBeLessThanOrEqual(hi);
    expect(s.notes.join(' ')).toContain('the first partial week (2021-01-01 to 2021-01-03, 3 days) is left out');
    // Distinct customers per week are not the sum of the daily counts (a customer shopping twice a week is one).
    const c = salesSeries(db, { by: 'total', measure: 'customers', grain: 'week' }).series[0].values;
    const first = new Set(rows.filter((r) => r.day >= s.start && r.day < s.start + 7 && r.customer !== null && (r.amount ?? 0) > 0).map((r) => r.customer));
    expect(c[0]).toBe(first.size);
  });

  it('per segment of a segmentation run, outliers said', () => {
    const r = runCli(['run', 'kprototypes', '--project', project, '--param', 'k=3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const runId = (JSON.parse(r.stdout) as { runId: number }).runId;
    const members = new Map((db.prepare('SELECT customer_id, segment FROM segment_members WHERE run_id = ?').raw().all(runId) as [number, number][]));
    const s = salesSeries(db, { by: 'segment', measure: 'receipts', grain: 'day', segmentRun: runId });
    const ids = [...new Set(members.values())].filter((x) => x >= 0).sort((a, b) => a - b);
    expect(s.series.map((x) => x.key)).toEqual(ids.map((x) => `seg${x}`));
    for (const x of s.series) expectClose(x.values, direct(rows, lo, hi, (rr) => rr.customer !== null && members.get(rr.customer) === Number(x.key.slice(3))).receipts);
  });

  it('refuses in one sentence what the data cannot give', () => {
    expect(() => salesSeries(db, { by: 'segment', measure: 'amount', grain: 'day' })).toThrow('forecast by=segment needs segmentRun');
    const other = path.join(dir, 'baskets.sqlite');
    expect(runCli(['import', '--project', other, path.join(FIXTURES, 'baskets/groceries-20.txt'), '--format', 'baskets']).code).toBe(0);
    const b = openProject(other);
    try {
      expect(() => salesSeries(b, { by: 'total', measure: 'amount', grain: 'day' })).toThrow("forecast (measure=amount) needs dates and amounts (no amount or unit price column was imported), which this project's data does not have.");
    } finally {
      b.close();
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles } from '../../../core/data/demo/index.js';
import { importFiles } from '../../../core/data/import/index.js';
import { openProject, type Db } from '../../../core/data/store/open.js';
import {
  categoryPivot, categorySums, categorySumsFromLines, customerBase, customerCategorySumsExact, customerLineSums, customerLineSumsFromLines,
} from '../../../core/data/store/queries/customer-base.js';
import type { ImportOptions } from '../../../core/model/import.js';
import { tempDir } from '../../helpers/project.js';

/**
 * Issue #16 / docs/decisions/0020: customerBase and the category pivots read the aggregate table
 * customer_category_sums the import keeps; these tests compute every figure both ways — from the
 * table and with the SQL over `lines` they replaced — and compare them exactly (toEqual on
 * doubles: not one bit may differ).
 */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function imported(db: Db, file: string, files: string[], extra: Partial<ImportOptions> = {}): Promise<void> {
  await importFiles(db, { project: file, files, format: 'auto', map: {}, role: 'auto', encoding: 'auto', onError: 'skip', allowDuplicate: false, ...extra });
}

function newProject(): { file: string; db: Db } {
  const dir = tempDir('swb-aggregate-');
  dirs.push(dir);
  const file = path.join(dir, 'p.sqlite');
  return { file, db: openProject(file, { create: true }) };
}

/** Every figure both ways, exactly; returns the sizes so callers can check the data was not empty. */
function expectSameBothWays(db: Db, exact: boolean): { customers: number; cells1: number; cells2: number } {
  expect(customerCategorySumsExact(db)).toBe(exact);
  const tableRows = (db.prepare('SELECT count(*) AS n FROM customer_category_sums').get() as { n: number }).n;
  if (exact) {
    expect(tableRows).toBeGreaterThan(0);
    for (const monetary of ['spend', 'items'] as const) expect(customerLineSums(db, monetary)).toEqual(customerLineSumsFromLines(db, monetary));
    for (const level of [1, 2] as const) expect(categorySums(db, level)).toEqual(categorySumsFromLines(db, level));
  } else {
    expect(tableRows).toBe(0); // fractional amounts: the readers group the lines, as before
  }
  const cells = [1, 2].map((level) => categorySumsFromLines(db, level as 1 | 2).length);
  // The public readers: the pivot from the table equals the pivot rebuilt from the reference rows.
  const base = customerBase(db);
  for (const level of [1, 2] as const) {
    const pivot = categoryPivot(db, base.ids, level);
    const rows = categorySumsFromLines(db, level);
    const categories = [...new Set(rows.map((r) => r[1]))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(pivot.categories).toEqual(categories);
    const expected = new Float64Array(base.ids.length * categories.length);
    const at = new Map([...base.ids].map((id, i) => [id, i]));
    for (const [c, cat, amount] of rows) if (at.has(c) && amount > 0) expected[at.get(c)! * categories.length + categories.indexOf(cat)] = amount;
    expect(pivot.data).toEqual(expected);
  }
  const ref = new Map(customerLineSumsFromLines(db, base.monetary).map((r) => [r[0], r]));
  base.ids.forEach((id, i) => {
    expect(base.amount[i]).toBe(ref.get(id)![1]);
    expect(base.quantity[i]).toBe(ref.get(id)![2]);
  });
  return { customers: base.ids.length, cells1: cells[0], cells2: cells[1] };
}

describe('customer_category_sums gives exactly the figures grouped from lines', () => {
  let csvDir: string;
  beforeAll(() => {
    csvDir = tempDir('swb-aggregate-csv-');
    dirs.push(csvDir);
  });

  it('on the tiny demo (six L.point files, KRW)', async () => {
    const r = await writeDemoFiles(csvDir, { size: 'tiny', seed: 1 });
    const { file, db } = newProject();
    try {
      await imported(db, file, Object.values(r.files));
      const n = expectSameBothWays(db, true);
      expect(n.customers).toBeGreaterThan(100);
      expect(n.cells1).toBeGreaterThan(n.customers);
      expect(n.cells2).toBeGreaterThan(n.cells1);
    } finally {
      db.close();
    }
  });

  it.each([
    ['whole-pound prices: the table is read', true],
    ['decimal prices: summing cells would differ in the last bits, so the lines are read', false],
  ])('on UCI-shaped data with returns, %s; then after a products file re-describes categories', async (_label, whole) => {
    // Seeded, deterministic: 60 customers, 40 stock codes, 1 invoice in 12 a return.
    let s = 7;
    const rand = (): number => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const prices = Array.from({ length: 40 }, (_, i) => (whole ? String(1 + ((i * 37) % 50)) : (0.19 + ((i * 37) % 500) / 100).toFixed(2)));
    const rows = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
    for (let inv = 0; inv < 700; inv++) {
      const customer = 12000 + Math.floor(rand() * 60), back = rand() < 1 / 12;
      const day = 1 + Math.floor(rand() * 27), month = 1 + Math.floor(rand() * 11);
      for (let k = 1 + Math.floor(rand() * 6); k > 0; k--) {
        const p = Math.floor(rand() * 40), q = (1 + Math.floor(rand() * 12)) * (back ? -1 : 1);
        rows.push(`${back ? 'C' : ''}${536000 + inv},SC${p},ITEM ${p},${q},2011-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} 10:00:00,${prices[p]},${customer}.0,United Kingdom`);
      }
    }
    rows.push('536999,POST,POSTAGE,1,2011-12-01 10:00:00,18,12000.0,France');
    const lines = path.join(csvDir, `uci-${whole ? 'whole' : 'decimal'}.csv`);
    fs.writeFileSync(lines, rows.join('\n') + '\n');
    const { file, db } = newProject();
    try {
      await imported(db, file, [lines]);
      const before = expectSameBothWays(db, whole);
      expect(before.customers).toBeGreaterThan(50); // of 60 (a few may net ≤ 0)
      expect(before.cells1).toBe(0); // UCI has no categories
      // A later products file gives every stock code a category and sub-category: the sums follow.
      const products = path.join(csvDir, `products-${whole ? 'whole' : 'decimal'}.csv`);
      fs.writeFileSync(products, ['StockCode,Category,SubCategory', ...prices.map((_, p) => `SC${p},C${p % 4},S${p % 9}`)].join('\n') + '\n');
      await imported(db, file, [products], { role: 'products' });
      const after = expectSameBothWays(db, whole);
      expect(after.cells1).toBeGreaterThan(60);
      expect(after.cells2).toBeGreaterThan(after.cells1);
    } finally {
      db.close();
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles } from '../../../core/data/demo/index.js';
import { importFiles } from '../../../core/data/import/index.js';
import { insertCustomerCells, unpackCells } from '../../../core/data/store/customer-aggregates.js';
import { openProject, type Db } from '../../../core/data/store/open.js';
import { categoryPivot, customerBase, receiptFacts, receiptFactsFromReceipts, receiptFactsMode, type CustomerBase } from '../../../core/data/store/queries/customer-base.js';
import type { ImportOptions } from '../../../core/model/import.js';
import { tempDir, UCI_CSV } from '../../helpers/project.js';

/**
 * Issue #16 / docs/decisions/0020, migration 9: customerBase and the category pivots read one row per
 * customer (customer_receipt_facts; customer_cells with its packed category cells). These tests
 * compute everything the old way — the reference SQL below is the query customerBase ran over the
 * receipts, partner uses and payments before migration 9, and the readers' fallback over the lines —
 * and compare with the new readers exactly (toEqual on doubles), on the tiny demo, on UCI-shaped
 * data (whole and decimal prices, receipt ids shared by two customers, a products file later), on
 * a project migrated from schema 8, and on UCI Online Retail itself when present.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const REFERENCE_RECEIPTS = (test: string): string =>
  `SELECT customer_id, count(*), count(DISTINCT day), min(day), max(day), sum(channel = 1), sum(channel = 2)
   FROM receipts WHERE customer_id IS NOT NULL AND ${test} GROUP BY customer_id`;
const REFERENCE_PARTNERS = 'SELECT customer_id, count(DISTINCT partner) FROM partner_uses WHERE customer_id IS NOT NULL GROUP BY customer_id';
const REFERENCE_LPAY = 'SELECT DISTINCT customer_id FROM payments WHERE customer_id IS NOT NULL';
const REFERENCE_RANGE = (test: string): string => `SELECT min(day) AS a, max(day) AS b FROM receipts WHERE ${test}`;
/** Migration 7's SELECT on text keys: the import now groups on integer cell ids and must write the same table. */
const REFERENCE_CATEGORY_SUMS = `SELECT l.customer_id, coalesce(p.category, ''), coalesce(p.category2, ''), total(l.amount), total(l.quantity)
  FROM lines l NOT INDEXED LEFT JOIN products p ON p.id = l.product_id WHERE l.customer_id IS NOT NULL AND l.flags & 16 = 0 GROUP BY 1, 2, 3`;

async function imported(db: Db, file: string, files: string[], extra: Partial<ImportOptions> = {}): Promise<void> {
  await importFiles(db, { project: file, files, format: 'auto', map: {}, role: 'auto', encoding: 'auto', onError: 'skip', allowDuplicate: false, ...extra });
}

function newProject(): { file: string; db: Db } {
  const dir = tempDir('swb-aggregate-customers-');
  dirs.push(dir);
  const file = path.join(dir, 'p.sqlite');
  return { file, db: openProject(file, { create: true }) };
}

/** customerBase and both pivots with every aggregate switched off (the readers' fallback: the SQL of before), in a transaction rolled back. */
function theOldWay(db: Db): { base: CustomerBase; pivots: { categories: string[]; data: Float64Array }[] } {
  db.exec('BEGIN');
  try {
    db.exec("UPDATE meta SET value = 'off' WHERE key IN ('customer_receipt_facts', 'customer_category_sums')");
    const base = customerBase(db);
    return { base, pivots: [1, 2].map((level) => categoryPivot(db, base.ids, level as 1 | 2)) };
  } finally {
    db.exec('ROLLBACK');
  }
}

/** Everything both ways, exactly; returns sizes so callers can check the data was not empty. */
function expectSameAsBefore(db: Db): { customers: number; excluded: number; cells: number[] } {
  const base = customerBase(db);
  const monetary = base.monetary;
  const test = monetary === 'spend' ? 'amount > 0' : 'quantity > 0';
  expect(receiptFactsMode(db)).toBe(monetary);
  // The facts table against the reference SQL kept here.
  expect(receiptFacts(db)).toEqual(db.prepare(REFERENCE_RECEIPTS(test)).raw().all());
  expect(receiptFactsFromReceipts(db, monetary)).toEqual(db.prepare(REFERENCE_RECEIPTS(test)).raw().all());
  const partners = new Map(db.prepare(REFERENCE_PARTNERS).raw().all() as [number, number][]);
  const lpay = new Set((db.prepare(REFERENCE_LPAY).raw().all() as [number][]).map((r) => r[0]));
  const range = db.prepare(REFERENCE_RANGE(test)).get() as { a: number | null; b: number | null };
  base.ids.forEach((id, i) => {
    expect(base.partners[i]).toBe(partners.get(id) ?? 0);
    expect(base.lpay[i]).toBe(lpay.has(id) ? 1 : 0);
  });
  expect([base.dataFirstDay, base.dataLastDay]).toEqual([range.a ?? 0, range.b ?? 0]);
  const exact = (db.prepare("SELECT value FROM meta WHERE key = 'customer_category_sums'").get() as { value: string }).value === 'exact';
  const table = db.prepare('SELECT customer_id, category, category2, amount, quantity FROM customer_category_sums ORDER BY 1, 2, 3').raw().all();
  expect(table).toEqual(exact ? db.prepare(REFERENCE_CATEGORY_SUMS).raw().all() : []);
  // The whole customer base and both pivots against the readers with every aggregate off.
  const old = theOldWay(db);
  expect(base).toEqual(old.base);
  const pivots = [1, 2].map((level) => categoryPivot(db, base.ids, level as 1 | 2));
  expect(pivots).toEqual(old.pivots);
  return { customers: base.ids.length, excluded: base.excluded.total, cells: pivots.map((p) => p.data.filter((x) => x > 0).length) };
}

describe('migration 9: one row per customer gives exactly the figures of before', () => {
  let csvDir: string;
  beforeAll(() => {
    csvDir = tempDir('swb-aggregate-customers-csv-');
    dirs.push(csvDir);
  });

  it('packs (in SQL) and unpacks a customer\'s cells without loss: negative, zero and 2^53 − 1 amounts, large cell ids', () => {
    const amounts = [-3, 0, 2 ** 53 - 1, -(2 ** 40) - 7, 123_456_789], cells = [0, 7, 65_536, 3, 2 ** 31 - 1];
    const { db } = newProject();
    try {
      db.exec('CREATE TEMP TABLE c (customer_id INTEGER, cell INTEGER, amount REAL, quantity REAL)');
      const put = db.prepare('INSERT INTO temp.c VALUES (1, ?, ?, 1)');
      amounts.forEach((a, i) => put.run(cells[i], a));
      expect(insertCustomerCells(db, 'SELECT * FROM temp.c')).toBe(1);
      const row = db.prepare('SELECT amount, quantity, cells FROM customer_cells').get() as { amount: number; quantity: number; cells: Uint8Array };
      expect([row.amount, row.quantity, row.cells.byteLength]).toEqual([amounts.reduce((a, b) => a + b, 0), 5, 60]);
      // Blobs come back in cell order; an unaligned view (a blob at any offset) reads the same.
      const order = cells.map((_, i) => i).sort((i, j) => cells[i] - cells[j]);
      const shifted = new Uint8Array(row.cells.byteLength + 3);
      shifted.set(row.cells, 3);
      for (const blob of [row.cells, shifted.subarray(3)]) {
        const back = unpackCells(blob);
        expect([...back.amounts]).toEqual(order.map((i) => amounts[i]));
        expect([...back.cells]).toEqual(order.map((i) => cells[i]));
      }
    } finally {
      db.close();
    }
  });

  it('on the tiny demo (six L.point files: partner uses, L.pay, categories), and after migrating a schema-8 copy', async () => {
    const r = await writeDemoFiles(csvDir, { size: 'tiny', seed: 1 });
    const { file, db } = newProject();
    let before: ReturnType<typeof expectSameAsBefore>;
    try {
      await imported(db, file, Object.values(r.files));
      before = expectSameAsBefore(db);
      expect(before.customers).toBeGreaterThan(100);
      expect(before.cells[1]).toBeGreaterThan(before.cells[0]);
      const lpayCount = (db.prepare('SELECT count(*) AS n FROM customer_receipt_facts WHERE lpay = 1').get() as { n: number }).n;
      const partnerCount = (db.prepare('SELECT count(*) AS n FROM customer_receipt_facts WHERE partners > 0').get() as { n: number }).n;
      expect(lpayCount).toBeGreaterThan(0);
      expect(partnerCount).toBeGreaterThan(0);
      // Back to schema 8: the tables of migration 9 gone, as in a project of the previous version.
      db.exec('DROP TABLE customer_cells; DROP TABLE category_cells; DROP TABLE customer_receipt_facts');
      db.exec("DELETE FROM meta WHERE key = 'customer_receipt_facts'");
      db.pragma('user_version = 8');
    } finally {
      db.close();
    }
    // Read-only, a schema-8 project is not migrated: the readers group the lines, with the same figures.
    const readonly = openProject(file, { readonly: true });
    try {
      const base = customerBase(readonly);
      expect(base.ids.length).toBe(before.customers);
      expect([1, 2].map((level) => categoryPivot(readonly, base.ids, level as 1 | 2).data.filter((x) => x > 0).length)).toEqual(before.cells);
    } finally {
      readonly.close();
    }
    const migrated = openProject(file);
    try {
      expect(migrated.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(9);
      expect(expectSameAsBefore(migrated)).toEqual(before);
    } finally {
      migrated.close();
    }
  });

  it.each([
    ['whole-pound prices (the cells are read)', true],
    ['decimal prices (the cells stay empty, the receipt facts are read)', false],
  ])('on UCI-shaped data with returns and shared receipt ids, %s; then after a products file', async (_label, whole) => {
    let s = 11;
    const rand = (): number => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const prices = Array.from({ length: 40 }, (_, i) => (whole ? String(1 + ((i * 37) % 50)) : (0.19 + ((i * 37) % 500) / 100).toFixed(2)));
    const rows = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
    for (let inv = 0; inv < 600; inv++) {
      const back = rand() < 1 / 12, day = 1 + Math.floor(rand() * 27), month = 1 + Math.floor(rand() * 11);
      // One invoice in 10 carries the lines of two customers (a shared receipt id).
      const who = [12000 + Math.floor(rand() * 60), ...(rand() < 0.1 ? [12000 + Math.floor(rand() * 60)] : [])];
      for (const customer of who) {
        for (let k = 1 + Math.floor(rand() * 5); k > 0; k--) {
          const p = Math.floor(rand() * 40), q = (1 + Math.floor(rand() * 12)) * (back ? -1 : 1);
          rows.push(`${back ? 'C' : ''}${536000 + inv},SC${p},ITEM ${p},${q},2011-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} 10:00:00,${prices[p]},${customer}.0,United Kingdom`);
        }
      }
    }
    rows.push('536999,POST,POSTAGE,1,2011-12-01 10:00:00,18,12000.0,France');
    rows.push('537000,SC1,ITEM 1,3,2011-12-09 10:00:00,5,,United Kingdom'); // no customer: the data's last day
    const lines = path.join(csvDir, `uci-shared-${whole ? 'whole' : 'decimal'}.csv`);
    fs.writeFileSync(lines, rows.join('\n') + '\n');
    const { file, db } = newProject();
    try {
      await imported(db, file, [lines]);
      const shared = (db.prepare('SELECT count(*) AS n FROM (SELECT code FROM receipts GROUP BY code HAVING count(*) > 1)').get() as { n: number }).n;
      expect(shared).toBeGreaterThan(10);
      const first = expectSameAsBefore(db);
      expect(first.customers).toBeGreaterThan(50);
      const products = path.join(csvDir, `products-shared-${whole ? 'whole' : 'decimal'}.csv`);
      fs.writeFileSync(products, ['StockCode,Category,SubCategory', ...prices.map((_, p) => `SC${p},C${p % 4},S${p % 9}`)].join('\n') + '\n');
      await imported(db, file, [products], { role: 'products' });
      const after = expectSameAsBefore(db);
      expect(after.cells[0]).toBeGreaterThan(60);
      const cellRows = (db.prepare('SELECT count(*) AS n FROM customer_cells').get() as { n: number }).n;
      expect(cellRows > 0).toBe(whole);
    } finally {
      db.close();
    }
  });

  const present = fs.existsSync(UCI_CSV);
  if (!present) console.warn(`SKIPPED: ${UCI_CSV} is absent (see ../shared/data/README.md); the receipt facts test on UCI Online Retail needs it.`);
  it.skipIf(!present)('on UCI Online Retail (541,909 rows)', async () => {
    const { file, db } = newProject();
    try {
      await imported(db, file, [UCI_CSV]);
      expect(expectSameAsBefore(db).customers).toBeGreaterThan(4000);
    } finally {
      db.close();
    }
  }, 180_000);
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARQUET_TABLES, writeTableParquet } from '../../core/data/export/parquet.js';
import { openProject } from '../../core/data/store/open.js';
import { makeTinyDemo, runCli, tempDir } from '../helpers/project.js';

/**
 * Issue #16: the canonical model exported as Parquet (written by hyparquet-writer) and read back
 * by a second reader, hyparquet, which parses the files on its own: every table's row count, the
 * sums of amounts and quantities, and the customer ids must equal what SQLite holds.
 */
let dir: string;
let project: string;
let out: string;

type Row = Record<string, unknown>;

async function readParquet(file: string): Promise<Row[]> {
  return (await parquetReadObjects({ file: await asyncBufferFromFile(file) })) as Row[];
}

const sum = (rows: Row[], key: string): number => rows.reduce((s, r) => s + (typeof r[key] === 'number' ? (r[key] as number) : 0), 0);

/** The DATE column as hyparquet returns it (a Date at UTC midnight) back to the store's day number. */
const dayOf = (v: unknown): number | null => (v instanceof Date ? Math.round(v.getTime() / 86_400_000) : (v as null));

beforeAll(() => {
  ({ dir, project } = makeTinyDemo('swb-parquet-'));
  out = path.join(dir, 'parquet');
}, 120_000);
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('export --what parquet', () => {
  it('writes the four tables, and a second reader gets back the same rows, sums and ids', async () => {
    const r = runCli(['export', '--project', project, '--what', 'parquet', '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { what: string; files: { table: string; file: string; rows: number; bytes: number }[] };
    expect(result.what).toBe('parquet');
    expect(result.files.map((f) => f.table)).toEqual(['customers', 'products', 'receipts', 'lines']);

    const db = new Database(project, { readonly: true });
    try {
      for (const f of result.files) {
        expect(fs.statSync(f.file).size).toBe(f.bytes);
        const n = (db.prepare(`SELECT count(*) AS n FROM ${f.table}`).get() as { n: number }).n;
        expect(n).toBeGreaterThan(0);
        expect(f.rows).toBe(n);
        const meta = await parquetMetadataAsync(await asyncBufferFromFile(f.file));
        expect(Number(meta.num_rows)).toBe(n);
      }
      const customers = await readParquet(path.join(out, 'customers.parquet'));
      const sqlCustomers = db.prepare('SELECT id, code, region FROM customers ORDER BY id').all() as Row[];
      expect(customers.map((c) => [c.id, c.code, c.region])).toEqual(sqlCustomers.map((c) => [c.id, c.code, c.region]));

      const lines = await readParquet(path.join(out, 'lines.parquet'));
      const sqlLines = db.prepare('SELECT count(*) AS n, total(amount) AS amount, total(quantity) AS quantity, count(DISTINCT customer_id) AS customers, min(day) AS d0, max(day) AS d1 FROM lines').get() as Record<string, number>;
      expect(lines.length).toBe(sqlLines.n);
      expect(sum(lines, 'amount')).toBeCloseTo(sqlLines.amount!, 6);
      expect(sum(lines, 'quantity')).toBeCloseTo(sqlLines.quantity!, 6);
      expect(new Set(lines.map((l) => l.customer_id).filter((c) => c !== null)).size).toBe(sqlLines.customers);
      const days = lines.map((l) => dayOf(l.day)).filter((d): d is number => d !== null);
      expect(Math.min(...days)).toBe(sqlLines.d0);
      expect(Math.max(...days)).toBe(sqlLines.d1);

      const receipts = await readParquet(path.join(out, 'receipts.parquet'));
      const sqlReceipts = db.prepare('SELECT count(*) AS n, total(amount) AS amount, total(quantity) AS quantity FROM receipts').get() as Record<string, number>;
      expect(receipts.length).toBe(sqlReceipts.n);
      expect(sum(receipts, 'amount')).toBeCloseTo(sqlReceipts.amount!, 6);
      expect(sum(receipts, 'quantity')).toBeCloseTo(sqlReceipts.quantity!, 6);
      // Every customer the purchases name is one of the exported customers: the files join as the tables do.
      const ids = new Set(customers.map((c) => c.id));
      expect(receipts.every((x) => x.customer_id === null || ids.has(x.customer_id))).toBe(true);

      const products = await readParquet(path.join(out, 'products.parquet'));
      const sqlProducts = db.prepare('SELECT code FROM products ORDER BY id').raw().all() as [string][];
      expect(products.map((p) => p.code)).toEqual(sqlProducts.map((p) => p[0]));
    } finally {
      db.close();
    }
  }, 120_000);

  it('streams in row groups: a table larger than the row group is split, and reads back whole and in order', async () => {
    const db = openProject(project, { readonly: true });
    const target = path.join(tempDir('swb-parquet-rg-'), 'lines.parquet');
    try {
      const spec = PARQUET_TABLES.find((t) => t.table === 'lines')!;
      const r = writeTableParquet(db, spec, target, 1000);
      const n = (db.prepare('SELECT count(*) AS n FROM lines').get() as { n: number }).n;
      expect(r.rowGroups).toBe(Math.ceil(n / 1000));
      const meta = await parquetMetadataAsync(await asyncBufferFromFile(target));
      expect(meta.row_groups.length).toBe(Math.ceil(n / 1000));
      const rows = await readParquet(target);
      const sqlIds = (db.prepare('SELECT id, amount FROM lines ORDER BY id').raw().all() as [number, number][]);
      expect(rows.map((x) => [x.id, x.amount])).toEqual(sqlIds);
    } finally {
      db.close();
      fs.rmSync(path.dirname(target), { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a run, a file as --out, and leaves nothing behind', () => {
    const withRun = runCli(['export', '--project', project, '--run', '1', '--what', 'parquet', '--out', path.join(dir, 'x')]);
    expect(withRun.code).not.toBe(0);
    expect(withRun.stderr).toMatch(/not a run/);
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'keep');
    const onFile = runCli(['export', '--project', project, '--what', 'parquet', '--out', file]);
    expect(onFile.code).not.toBe(0);
    expect(onFile.stderr).toMatch(/is a file/);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep');
  });
});

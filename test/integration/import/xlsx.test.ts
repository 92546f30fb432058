import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../core/model/import.js';
import { sha256File } from '../../../core/data/hash.js';
import { previewFiles } from '../../../core/data/import/preview.js';
import { CLI, projectDigest, runCli, tempDir } from '../../helpers/project.js';
import { SALES_DAYS, writeSalesCsv, writeSalesWorkbook } from '../../helpers/xlsx.js';

/** The canonical rows a project holds, by codes (ids differ between projects only by order). */
function canonical(project: string): unknown {
  const db = new Database(project, { readonly: true });
  try {
    return {
      lines: db.prepare(`SELECT r.code AS receipt, c.code AS customer, p.code AS product, p.name, l.day, l.quantity, l.amount, l.flags
        FROM lines l JOIN receipts r ON r.id = l.receipt_id LEFT JOIN customers c ON c.id = l.customer_id LEFT JOIN products p ON p.id = l.product_id ORDER BY l.id`).all(),
      receipts: db.prepare('SELECT r.code, c.code AS customer, r.day, r.hour, r.amount, r.quantity, r.lines FROM receipts r LEFT JOIN customers c ON c.id = r.customer_id ORDER BY r.id').all(),
    };
  } finally {
    db.close();
  }
}

function importJson(args: string[], tz = 'UTC'): { code: number; summary?: ImportSummary; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'import', ...args, '--json'], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
  return { code: r.status ?? -1, summary: r.status === 0 ? (JSON.parse(r.stdout) as ImportSummary) : undefined, stderr: r.stderr };
}

describe('import of .xlsx workbooks (CLI)', () => {
  let dir: string;
  let book: string;
  let csv: string;

  beforeAll(async () => {
    dir = tempDir();
    book = path.join(dir, 'sales.xlsx');
    csv = path.join(dir, 'sales.csv');
    await writeSalesWorkbook(book);
    writeSalesCsv(csv);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lands the same canonical rows as the CSV export of the sheet, with the same mapping and report', () => {
    const fromBook = path.join(dir, 'book.sqlite');
    const fromCsv = path.join(dir, 'csv.sqlite');
    const a = importJson(['--project', fromBook, book]);
    const b = importJson(['--project', fromCsv, csv]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(canonical(fromBook)).toEqual(canonical(fromCsv));
    const [fa, fb] = [a.summary!.files[0], b.summary!.files[0]];
    expect(fa).toMatchObject({ format: 'generic', table: 'transactions', encoding: 'xlsx', delimiter: '', sheet: 'Sales', rowsRead: 6, rowsImported: 6, rowsRejected: 0 });
    expect(fa.mapping).toEqual(fb.mapping);
    expect(a.summary!.amountTotal).toBe(b.summary!.amountTotal);
    expect(a.summary!.tables).toEqual({ purchases: 6 });
  });

  for (const tz of ['UTC', 'Asia/Seoul', 'America/Los_Angeles']) {
    it(`keeps calendar dates as written with TZ=${tz} (no time-zone shift at midnight or new year)`, () => {
      const project = path.join(dir, `tz-${tz.replace('/', '-')}.sqlite`);
      const r = importJson(['--project', project, book], tz);
      expect(r.code, r.stderr).toBe(0);
      const db = new Database(project, { readonly: true });
      const days = (db.prepare('SELECT day FROM lines ORDER BY id').all() as { day: number }[]).map((x) => x.day);
      const hours = (db.prepare('SELECT hour FROM receipts ORDER BY id').all() as { hour: number | null }[]).map((x) => x.hour);
      db.close();
      expect(days).toEqual(SALES_DAYS);
      expect(hours).toEqual([8, 12, 8, 23, null]);
    });
  }

  it('reads the sheet named by --sheet', () => {
    const project = path.join(dir, 'returns.sqlite');
    const r = importJson(['--project', project, book, '--sheet', 'Returns']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.summary!.files[0].sheet).toBe('Returns');
    expect(r.summary!.amountTotal).toBe(-27.5);
    expect(r.summary!.flagged[0]).toMatchObject({ line: 2, column: 'Quantity', value: '-1' });
    const bad = runCli(['import', '--project', path.join(dir, 'none.sqlite'), book, '--sheet', 'Refunds']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('no sheet "Refunds" in the workbook (sheets: "Sales", "Returns")');
    const baskets = runCli(['import', '--project', path.join(dir, 'none.sqlite'), book, '--format', 'baskets']);
    expect(baskets.code).toBe(1);
    expect(baskets.stderr).toContain('the basket format reads text files');
  });

  it('previews a workbook whose first sheet cannot be imported with its sheets listed, so another can be chosen', async () => {
    const notes = path.join(dir, 'with-notes.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['Extract of 2010-12; see the Sales sheet']);
    const ws = wb.addWorksheet('Sales');
    ws.addRow(['InvoiceNo', 'InvoiceDate', 'StockCode', 'Quantity', 'UnitPrice', 'CustomerID']);
    ws.addRow(['1', new Date(Date.UTC(2010, 11, 1)), 'A', 2, 1.5, 17850]);
    await wb.xlsx.writeFile(notes);
    const options = { format: 'auto' as const, map: {}, role: 'auto' as const, encoding: 'auto' as const };
    const [first] = await previewFiles([notes], options);
    expect(first).toMatchObject({ ok: false, sheets: ['Notes', 'Sales'], sheet: 'Notes' });
    expect(first.error?.message).toContain('sheet "Notes" has one column only');
    const [sales] = await previewFiles([notes], { ...options, sheet: 'Sales' });
    expect(sales).toMatchObject({ ok: true, format: 'generic', table: 'transactions', encoding: 'xlsx', sheet: 'Sales', sheets: ['Notes', 'Sales'] });
    expect(sales.rows).toEqual([['1', '2010-12-01', 'A', '2', '1.5', '17850']]);
  });

  it('fingerprints the file bytes and refuses the same workbook again, leaving the project as it was', async () => {
    const project = path.join(dir, 'twice.sqlite');
    const first = importJson(['--project', project, book]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.summary!.fingerprint).toBe(await sha256File(book));
    const before = projectDigest(project);
    const copy = path.join(dir, 'sales copy.xlsx');
    fs.copyFileSync(book, copy);
    const again = runCli(['import', '--project', project, copy]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already in the project');
    expect(projectDigest(project)).toBe(before);
  });

  it('is atomic: a bad row in a workbook fails the import naming row number and column, and nothing lands', async () => {
    const bad = path.join(dir, 'bad.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sales');
    ws.addRow(['InvoiceNo', 'InvoiceDate', 'StockCode', 'Quantity', 'UnitPrice', 'CustomerID']);
    ws.addRow(['1', new Date(Date.UTC(2011, 0, 3)), 'A', 2, 1.5, 1]);
    ws.addRow(['2', new Date(Date.UTC(2011, 0, 3)), 'B', 1, 2, 2]);
    ws.addRow([]);
    ws.addRow(['3', new Date(Date.UTC(2011, 0, 4)), 'C', 'six', 2, 3]);
    await wb.xlsx.writeFile(bad);
    const project = path.join(dir, 'atomic.sqlite');
    expect(importJson(['--project', project, csv]).code).toBe(0);
    const before = projectDigest(project);
    const r = runCli(['import', '--project', project, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}, line 5, column Quantity`);
    expect(projectDigest(project)).toBe(before);
    const skip = importJson(['--project', project, bad, '--on-error', 'skip']);
    expect(skip.code, skip.stderr).toBe(0);
    expect(skip.summary!.rejected).toEqual([{ file: bad, line: 5, column: 'Quantity', value: 'six', reason: 'quantity is not a number' }]);
    expect(skip.summary!.rowsImported).toBe(2);
  });
});

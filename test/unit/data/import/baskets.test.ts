import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBasketRecords, sniffBaskets, splitBasket } from '../../../../core/data/import/baskets-reader.js';
import { importFiles } from '../../../../core/data/import/index.js';
import { sha256File } from '../../../../core/data/hash.js';
import { openProject, type Db } from '../../../../core/data/store/open.js';
import type { ImportOptions } from '../../../../core/model/import.js';
import { FIXTURES, tempDir } from '../../../helpers/project.js';

const GROCERIES = path.join(FIXTURES, 'baskets/groceries-20.txt');
const EDGE = path.join(FIXTURES, 'baskets/edge.txt');

function options(project: string, files: string[], extra: Partial<ImportOptions> = {}): ImportOptions {
  return { project, files, format: 'baskets', map: {}, role: 'auto', encoding: 'auto', onError: 'abort', allowDuplicate: false, ...extra };
}

describe('basket file reader', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('splits a line into trimmed items, dropping empty ones', () => {
    expect(splitBasket('citrus fruit,semi-finished bread, margarine ,')).toEqual(['citrus fruit', 'semi-finished bread', 'margarine']);
    expect(splitBasket(',,')).toEqual([]);
  });

  it('hands over every basket with its physical line, across chunk boundaries and CRLF, and hashes the bytes', async () => {
    // 40,000 lines of CRLF text: several 256 KiB chunks, so lines and CRLF pairs are cut between chunks.
    const file = path.join(dir, 'many.txt');
    const lines = Array.from({ length: 40_000 }, (_, i) => (i % 1000 === 999 ? '' : `item ${i},other ${i % 7},우유`));
    fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
    const seen: [number, string[]][] = [];
    const stream = openBasketRecords(file, 'utf8', undefined);
    await stream.each((items, line) => void seen.push([line, [...items]]));
    const expected = lines.map((l, i) => [i + 1, l === '' ? [] : splitBasket(l)] as [number, string[]]).filter(([, items]) => items.length > 0);
    expect(seen).toEqual(expected);
    expect(stream.digest()).toBe(await sha256File(file));
  });

  it('sniffs the first baskets; a file without any item is refused', async () => {
    const s = await sniffBaskets(GROCERIES, { sampleRows: 3 });
    expect(s.header).toEqual([]);
    expect(s.rows).toEqual([['citrus fruit', 'semi-finished bread', 'margarine', 'ready soups'], ['tropical fruit', 'yogurt', 'coffee'], ['whole milk']]);
    const blank = path.join(dir, 'blank.txt');
    fs.writeFileSync(blank, '\n,,\n');
    await expect(sniffBaskets(blank)).rejects.toThrow('no basket');
  });
});

describe('import --format baskets', () => {
  let dir: string;
  let file: string;
  let db: Db;
  beforeEach(() => {
    dir = tempDir();
    file = path.join(dir, 'p.sqlite');
    db = openProject(file, { create: true });
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('makes one receipt per line, one line per item, a product per distinct item (hand-counted: 20, 58, 38)', async () => {
    const s = await importFiles(db, options(file, [GROCERIES]));
    expect(s.files[0]).toMatchObject({ format: 'baskets', table: 'baskets', rowsRead: 20, rowsImported: 20, rowsRejected: 0, rowsFlagged: 0 });
    expect(s.receipts).toBe(20);
    expect(s.tables).toEqual({ purchases: 58 });
    expect(s.customers).toBe(0);
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM products')).toBe(38);
    expect(count('SELECT count(*) AS n FROM lines WHERE customer_id IS NULL AND day IS NULL AND amount IS NULL AND quantity = 1')).toBe(58);
    expect(count('SELECT count(*) AS n FROM receipts WHERE customer_id IS NULL AND day IS NULL AND amount IS NULL')).toBe(20);
    expect(db.prepare("SELECT code, name FROM products WHERE code = 'liquor (appetizer)'").get()).toEqual({ code: 'liquor (appetizer)', name: 'liquor (appetizer)' });
    // Basket 12 (line 12) holds 9 items.
    expect(db.prepare("SELECT lines, quantity FROM receipts WHERE code = 'basket:12'").get()).toEqual({ lines: 9, quantity: 9 });
    expect(count("SELECT count(*) AS n FROM lines l JOIN products p ON p.id = l.product_id WHERE p.code = 'whole milk'")).toBe(5); // lines 3, 5, 6, 10, 12
  });

  it('keeps a repeated item once and counts it; blank lines hold no basket; a line of commas is rejected', async () => {
    await expect(importFiles(db, options(file, [EDGE]))).rejects.toThrow('line 4, column item: no item on the line');
    const s = await importFiles(db, options(file, [EDGE], { onError: 'skip' }));
    expect(s.files[0]).toMatchObject({ rowsRead: 4, rowsImported: 3, rowsRejected: 1, rowsFlagged: 1 });
    expect(s.flagged).toEqual([{ file: EDGE, line: 1, column: 'item', value: 'whole milk', reason: 'item listed twice in the basket (kept once)' }]);
    expect(s.receipts).toBe(3);
    expect(s.tables).toEqual({ purchases: 5 });
    expect((db.prepare('SELECT group_concat(code, \'|\') AS c FROM (SELECT code FROM products ORDER BY id)').get() as { c: string }).c).toBe('whole milk|yogurt|butter|우유');
  });

  it('is never chosen by auto-detection: a basket file without --format baskets is refused as a table', async () => {
    await expect(importFiles(db, options(file, [GROCERIES], { format: 'auto' }))).rejects.toThrow();
    expect((db.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number }).n).toBe(0);
  });
});

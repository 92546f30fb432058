import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../../core/data/store/migrations.js';
import { openProject } from '../../../../core/data/store/open.js';
import { attributeDefs, categoricalAttribute, numericAttribute } from '../../../../core/data/store/queries/attributes.js';
import { tempDir } from '../../../helpers/project.js';

const dir = tempDir('swb-migration4-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A project as schema 3 wrote it, with a row in every table migration 4 rebuilds. */
function schema3Project(file: string): void {
  const db = new Database(file);
  for (const sql of MIGRATIONS.slice(0, 3)) db.exec(sql);
  db.pragma('application_id = 1398227505'); // 'SWB1'
  db.pragma('user_version = 3');
  db.exec(`
    INSERT INTO meta VALUES ('created_at', '2026-01-01T00:00:00.000Z');
    INSERT INTO imports VALUES (1, 'a.csv', 'lpoint', 'PDDE', 'utf-8', ',', '{}', 'fp', 10, 2, 2, 0, 1, '2026-01-01', 1, 2, NULL);
    INSERT INTO import_issues VALUES (1, 'flagged', 2, 'rct_no', 'R1', 'moved');
    INSERT INTO customers VALUES (7, 'C7', 'F', '30', NULL, 'Seoul');
    INSERT INTO products VALUES (3, 'P3', 'milk', 'food', 'dairy');
    INSERT INTO stores VALUES (1, 'S1', 'A01', NULL, NULL);
    INSERT INTO receipts VALUES (5, 1, 'R1', 7, 19000, 10, 1, 'A01', 1, 12.5, 2, 2, 0);
    INSERT INTO lines VALUES (1, 5, 7, 3, 19000, 1, 5, 0), (2, 5, 7, 3, 19000, 1, 7.5, 1);
  `);
  db.close();
}

describe('migration 4 (issue #10: nullable amount/product/day, basket format, attributes)', () => {
  const file = path.join(dir, 'v3.sqlite');
  schema3Project(file);
  const db = openProject(file);
  afterAll(() => db.close());

  it('migrates a schema-3 project to the current version keeping every row and id', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT id, receipt_id, customer_id, product_id, day, quantity, amount, flags FROM lines ORDER BY id').raw().all()).toEqual([[1, 5, 7, 3, 19000, 1, 5, 0], [2, 5, 7, 3, 19000, 1, 7.5, 1]]);
    expect(db.prepare('SELECT * FROM receipts').raw().all()).toEqual([[5, 1, 'R1', 7, 19000, 10, 1, 'A01', 1, 12.5, 2, 2, 0]]);
    expect(db.prepare('SELECT id, file, format, rows_flagged, first_line_id, last_line_id FROM imports').raw().all()).toEqual([[1, 'a.csv', 'lpoint', 1, 1, 2]]);
    expect(db.prepare('SELECT * FROM import_issues').raw().all()).toEqual([[1, 'flagged', 2, 'rct_no', 'R1', 'moved']]);
  });

  it('recreates the raw views and the secondary indexes on the rebuilt tables', () => {
    expect(db.prepare('SELECT cust, rct_no, pd_c, de_dt, buy_am FROM raw_lpoint_pdde ORDER BY line_id').raw().all())
      .toEqual([['C7', 'R1', 'P3', '20220108', 5], ['C7', 'R1', 'P3', '20220108', 7.5]]);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('lines', 'receipts')").all() as { name: string }[]).map((r) => r.name).sort();
    expect(indexes).toEqual(['lines_customer_day', 'lines_receipt', 'receipts_customer_day']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('accepts lines and receipts without product, amount or day, and the baskets format', () => {
    db.prepare("INSERT INTO imports (file, format, table_name, encoding, delimiter, mapping, fingerprint, bytes, rows_read, rows_imported, rows_rejected, rows_flagged, imported_at) VALUES ('b.csv', 'baskets', 'baskets', 'utf-8', ',', '{}', 'fp2', 1, 1, 1, 0, 0, 'now')").run();
    db.prepare("INSERT INTO receipts (id, import_id, code, customer_id, day, amount, quantity, lines, flags) VALUES (6, 2, 'B1', NULL, NULL, NULL, 1, 1, 0)").run();
    db.prepare('INSERT INTO lines (id, receipt_id, customer_id, product_id, day, quantity, amount, flags) VALUES (3, 6, NULL, NULL, NULL, 1, NULL, 0)').run();
    expect(db.prepare('SELECT product_id, day, amount FROM lines WHERE id = 3').raw().get()).toEqual([null, null, null]);
    expect(() => db.prepare("UPDATE imports SET format = 'xml' WHERE id = 2").run()).toThrow(/CHECK/);
  });

  it('stores customer attributes and reads them back by customer id', () => {
    db.exec(`INSERT INTO attributes VALUES ('tier', 'categorical', 1), ('tenure_months', 'numeric', 1);
      INSERT INTO customer_attributes VALUES (7, 'tier', NULL, 'gold'), (7, 'tenure_months', 14, '14');`);
    expect(attributeDefs(db)).toEqual([{ name: 'tenure_months', kind: 'numeric' }, { name: 'tier', kind: 'categorical' }]);
    expect(Array.from(numericAttribute(db, Int32Array.from([7, 8]), 'tenure_months'))).toEqual([14, Number.NaN]);
    expect(categoricalAttribute(db, Int32Array.from([8, 7]), 'tier')).toEqual([null, 'gold']);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../../core/data/store/migrations.js';
import { openProject } from '../../../../core/data/store/open.js';
import { readCouponOffers, readMarketingSpend } from '../../../../core/data/store/queries/marketing-inputs.js';
import { tempDir } from '../../../helpers/project.js';

const dir = tempDir('swb-migration5-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A project as schema 4 wrote it, with rows in the tables migration 5 touches or sits beside. */
function schema4Project(file: string): void {
  const db = new Database(file);
  for (const sql of MIGRATIONS.slice(0, 4)) db.exec(sql);
  db.pragma('application_id = 1398227505'); // 'SWB1'
  db.pragma('user_version = 4');
  db.exec(`
    INSERT INTO meta VALUES ('created_at', '2026-01-01T00:00:00.000Z');
    INSERT INTO imports VALUES (1, 'a.csv', 'generic', 'transactions', 'utf-8', ',', '{}', 'fp', 10, 2, 2, 0, 0, '2026-01-01', 1, 2, NULL);
    INSERT INTO customers VALUES (7, 'C7', NULL, NULL, NULL, NULL);
    INSERT INTO products VALUES (3, 'P3', 'tee', 'Apparel', NULL);
    INSERT INTO receipts VALUES (5, 1, 'R1', 7, 19000, NULL, NULL, NULL, NULL, 12.5, 2, 2, 0);
    INSERT INTO lines VALUES (1, 5, 7, 3, 19000, 1, 5, 0), (2, 5, 7, NULL, 19000, 1, NULL, 1);
    INSERT INTO attributes VALUES ('tier', 'categorical', 1);
    INSERT INTO customer_attributes VALUES (7, 'tier', NULL, 'gold');
  `);
  db.close();
}

describe('migration 5 (issue #11: marketing spend, coupon offers, lines.coupon)', () => {
  const file = path.join(dir, 'v4.sqlite');
  schema4Project(file);
  const db = openProject(file);
  afterAll(() => db.close());

  it('migrates a schema-4 project keeping every row and id; old lines have an unknown coupon status', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT * FROM lines ORDER BY id').raw().all()).toEqual([[1, 5, 7, 3, 19000, 1, 5, 0, null], [2, 5, 7, null, 19000, 1, null, 1, null]]);
    expect(db.prepare('SELECT * FROM receipts').raw().all()).toEqual([[5, 1, 'R1', 7, 19000, null, null, null, null, 12.5, 2, 2, 0]]);
    expect(db.prepare('SELECT id, file, table_name FROM imports').raw().all()).toEqual([[1, 'a.csv', 'transactions']]);
    expect(db.prepare('SELECT * FROM customer_attributes').raw().all()).toEqual([[7, 'tier', null, 'gold']]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('creates the marketing_spend and coupons tables as the shared design writes them', () => {
    const cols = (t: string): string[][] => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string; type: string; notnull: number; pk: number }[]).map((c) => [c.name, c.type, String(c.notnull), String(c.pk)]);
    expect(cols('marketing_spend')).toEqual([['day', 'INTEGER', '1', '1'], ['channel', 'TEXT', '1', '2'], ['spend', 'REAL', '1', '0'], ['import_id', 'INTEGER', '1', '0']]);
    expect(cols('coupons').map((c) => c[0])).toEqual(['id', 'import_id', 'from_day', 'to_day', 'year', 'month', 'category', 'code', 'discount']);
    expect(readMarketingSpend(db).channels).toEqual([]);
    expect(readCouponOffers(db)).toEqual([]);
  });

  it('keeps one spend row per (day, channel)', () => {
    db.prepare("INSERT INTO marketing_spend VALUES (19000, 'Online_Spend', 10, 2)").run();
    expect(() => db.prepare("INSERT INTO marketing_spend VALUES (19000, 'Online_Spend', 20, 3)").run()).toThrow(/UNIQUE|PRIMARY KEY/);
    db.prepare("INSERT INTO marketing_spend VALUES (19000, 'Offline_Spend', 30, 2)").run();
    const m = readMarketingSpend(db);
    expect([m.channels, m.firstDay, m.lastDay, m.spend.Online_Spend[0]]).toEqual([['Offline_Spend', 'Online_Spend'], 19000, 19000, 10]);
  });
});

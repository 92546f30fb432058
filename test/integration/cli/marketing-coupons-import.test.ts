import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../core/model/import.js';
import { FIXTURES, lpointSmallFiles, runCli, tempDir } from '../../helpers/project.js';

/**
 * Issue #11: `import --role marketing|coupons` and the per-line `coupon` field through the CLI,
 * on small files shaped like Kaggle's "Marketing Insights for E-Commerce" set.
 */
const MK = path.join(FIXTURES, 'marketing');
const fx = (name: string): string => path.join(MK, name);

function query(project: string, sql: string): unknown[][] {
  const db = new Database(project, { readonly: true });
  try {
    return db.prepare(sql).raw().all() as unknown[][];
  } finally {
    db.close();
  }
}

/** Every row of every table an import writes: a failed import must leave all of them as they were. */
function contents(project: string): unknown {
  return ['imports', 'import_issues', 'marketing_spend', 'coupons', 'lines', 'receipts', 'customers', 'products', 'raw_extra', 'runs'].map((t) => query(project, `SELECT * FROM ${t}`));
}

describe('import --role marketing and --role coupons (CLI)', () => {
  let dir: string;
  let project: string;
  beforeAll(() => {
    dir = tempDir('swb-cli-mk-');
    project = path.join(dir, 'p.sqlite');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports the spend file: channels from the headers, days covered, one row per day and channel', () => {
    const r = runCli(['import', '--project', project, fx('Marketing_Spend.csv'), '--role', 'marketing', '--map', 'date=Date', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as ImportSummary;
    expect(s.tables).toEqual({ marketing: 20 });
    expect([s.rowsRead, s.rowsImported, s.rowsRejected]).toEqual([20, 20, 0]);
    expect(s.marketing).toEqual({ channels: ['Offline_Spend', 'Online_Spend'], firstDay: '2019-01-01', lastDay: '2019-01-20', days: 20, spendRows: 40 });
    expect(s.files[0]).toMatchObject({ format: 'generic', table: 'marketing', mapping: { date: 'Date' } });
    expect(query(project, 'SELECT count(*), count(DISTINCT day), total(spend) FROM marketing_spend WHERE channel = \'Offline_Spend\'')).toEqual([[20, 20, 7 * 4500 + 7 * 1500 + 6 * 3000]]);
  });

  it('imports the coupon offers with --map month=…,category=…,code=…,discount=…', () => {
    const r = runCli(['import', '--project', project, fx('Discount_Coupon.csv'), '--role', 'coupons', '--map', 'month=Month,category=Product_Category,code=Coupon_Code,discount=Discount_pct', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as ImportSummary;
    expect(s.tables).toEqual({ coupons: 12 });
    expect(s.coupons).toEqual({ offers: 12, discountLevels: [10, 20, 30], categories: ['Apparel'] });
    expect(query(project, 'SELECT month, year, discount FROM coupons WHERE month IN (1, 2, 3) ORDER BY month')).toEqual([[1, null, 10], [2, null, 20], [3, null, 30]]);
  });

  it('imports transactions with --map coupon=Coupon_Status, flagging the unknown value and counting statuses', () => {
    const r = runCli(['import', '--project', project, fx('Online_Sales.csv'), '--map', 'coupon=Coupon_Status', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as ImportSummary;
    expect(s.files[0].couponStatus).toEqual({ used: 10, clicked: 10, notUsed: 9, unknown: 1 });
    expect(s.flagged).toEqual([{ file: fx('Online_Sales.csv'), line: 19, column: 'Coupon_Status', value: 'Maybe', reason: 'unknown coupon status (expected used / clicked / not used, 사용 / 클릭 / 미사용); stored as unknown' }]);
    expect(query(project, 'SELECT coupon, count(*) FROM lines GROUP BY coupon ORDER BY coupon')).toEqual([[null, 1], [0, 9], [1, 10], [2, 10]]);
  });

  it('refuses an overlapping spend file (exit 1), naming the first overlapping date and channel, and leaves the project unchanged', () => {
    const before = contents(project);
    const r = runCli(['import', '--project', project, fx('Marketing_Spend_overlap.csv'), '--role', 'marketing', '--on-error', 'skip']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Marketing_Spend_overlap\.csv, line 2: the spend of Offline_Spend on 2019-01-15 is already in the project/);
    expect(contents(project)).toEqual(before);
  });

  it('fails a file with a bad spend value in abort mode (exit 1) and leaves the project unchanged', () => {
    const before = contents(project);
    const r = runCli(['import', '--project', project, fx('Marketing_Spend_bad.csv'), '--role', 'marketing']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Marketing_Spend_bad\.csv, line 4, column Online_Spend: spend is not a number \(value "n\/a"\)\. Nothing was imported/);
    expect(contents(project)).toEqual(before);
  });

  it('reads an L.point PDDE with the trailing coupon column beside the other five tables', () => {
    const p = path.join(dir, 'lpoint.sqlite');
    const files = lpointSmallFiles().filter((f) => !f.endsWith('_PDDE.csv'));
    const r = runCli(['import', '--project', p, ...files, fx('LPOINT_BIG_COMP_02_PDDE_coupon.csv'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as ImportSummary;
    const pdde = s.files.find((f) => f.table === 'PDDE');
    expect(pdde?.mapping).toHaveProperty('coupon', 'coupon');
    expect(pdde?.couponStatus).toEqual({ used: 3, clicked: 2, notUsed: 3, unknown: 2 });
    expect(query(p, 'SELECT coupon FROM lines ORDER BY id').flat()).toEqual([2, 1, 0, null, 2, 0, 1, 0, null, 2]);
  });

  it('lists the new roles and the either-or requirement in import --help, and refuses an unknown role', () => {
    const help = runCli(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('auto|transactions|customers|products|marketing|coupons');
    expect(help.stdout).toMatch(/ {2}marketing:\n {4}date \*/);
    expect(help.stdout).toMatch(/^ {4}month \+ +the month of an offer/m);
    expect(help.stdout).toContain('\n+ coupons requires one of: month, or from and to.\n');
    expect(help.stdout).toContain('\nmarketing: every column besides date is a channel named by its header');
    expect(help.stdout).toMatch(/ {4}coupon {8}coupon status of the line/);
    const bad = runCli(['import', '--project', path.join(dir, 'x.sqlite'), fx('Discount_Coupon.csv'), '--role', 'offers']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--role must be one of auto, transactions, customers, products, marketing, coupons/);
  });
});

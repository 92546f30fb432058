import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFiles } from '../../../../core/data/import/index.js';
import { openProject, type Db } from '../../../../core/data/store/open.js';
import { readCouponOffers, readMarketingSpend } from '../../../../core/data/store/queries/marketing-inputs.js';
import type { ImportOptions } from '../../../../core/model/import.js';
import { WorkbenchError } from '../../../../core/model/result.js';
import { FIXTURES, tempDir } from '../../../helpers/project.js';

const MK = path.join(FIXTURES, 'marketing');

function options(project: string, files: string[], extra: Partial<ImportOptions> = {}): ImportOptions {
  return { project, files: files.map((f) => path.join(MK, f)), format: 'auto', map: {}, role: 'auto', encoding: 'auto', onError: 'abort', allowDuplicate: false, ...extra };
}

/** Every row of the tables an import may write, to prove a failed import changed nothing. */
function snapshot(db: Db): unknown {
  const all = (t: string): unknown => db.prepare(`SELECT * FROM ${t}`).raw().all();
  return ['imports', 'import_issues', 'marketing_spend', 'coupons', 'lines', 'receipts', 'customers', 'products', 'raw_extra'].map(all);
}

function write(dir: string, name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

describe('marketing and coupon imports (issue #11)', () => {
  let dir: string;
  let file: string;
  let db: Db;

  beforeEach(() => {
    dir = tempDir('swb-mk-');
    file = path.join(dir, 'p.sqlite');
    db = openProject(file, { create: true });
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a Kaggle-shaped marketing file: one row per day and channel, channels named by the headers', async () => {
    const s = await importFiles(db, options(file, ['Marketing_Spend.csv'], { role: 'marketing' }));
    expect(s.tables).toEqual({ marketing: 20 });
    expect([s.rowsRead, s.rowsImported, s.rowsRejected]).toEqual([20, 20, 0]);
    expect(s.files[0].table).toBe('marketing');
    expect(s.files[0].mapping).toEqual({ date: 'Date' });
    expect(s.files[0].marketing).toEqual({ channels: ['Offline_Spend', 'Online_Spend'], firstDay: '2019-01-01', lastDay: '2019-01-20', days: 20, spendRows: 40 });
    expect(s.marketing).toEqual(s.files[0].marketing);
    expect(s.files[0].notes).toContain('channels: Offline_Spend, Online_Spend (one spend value per day and channel)');
    const m = readMarketingSpend(db);
    expect(m.channels).toEqual(['Offline_Spend', 'Online_Spend']);
    expect(m.firstDay).toBe(Date.UTC(2019, 0, 1) / 86_400_000);
    expect(m.lastDay - m.firstDay).toBe(19);
    expect(m.spend.Offline_Spend[0]).toBe(4500);
    expect(m.spend.Offline_Spend[7]).toBe(1500);
    expect(m.spend.Online_Spend[0]).toBe(1795.24);
    expect(db.prepare('SELECT table_name, format FROM imports').raw().get()).toEqual(['marketing', 'generic']);
  });

  it('suggests the marketing role for a date column with spend columns, and coupons for discount and category', async () => {
    const s = await importFiles(db, options(file, ['Marketing_Spend.csv', 'Discount_Coupon.csv']));
    expect(s.files.map((f) => f.table)).toEqual(['marketing', 'coupons']);
    expect(s.files[0].notes?.[0]).toMatch(/^read as daily marketing spend \(role guessed/);
    expect(s.files[1].notes?.[0]).toMatch(/^read as coupon offers \(role guessed/);
  });

  it('reads dense spend with NaN on days absent from the files', async () => {
    const gap = write(dir, 'gap.csv', 'Date,Online_Spend\n2020-03-01,10\n2020-03-04,40\n');
    await importFiles(db, { ...options(file, []), files: [gap], role: 'marketing' });
    const m = readMarketingSpend(db);
    expect(Array.from(m.spend.Online_Spend)).toEqual([10, NaN, NaN, 40]);
  });

  it('has no channels before any marketing import', () => {
    expect(readMarketingSpend(db)).toEqual({ channels: [], firstDay: 0, lastDay: 0, spend: {} });
    expect(readCouponOffers(db)).toEqual([]);
  });

  it('rejects non-numeric, empty and negative spend and duplicate dates, naming line and column', async () => {
    const s = await importFiles(db, options(file, ['Marketing_Spend_bad.csv'], { role: 'marketing', onError: 'skip' }));
    expect([s.rowsRead, s.rowsImported, s.rowsRejected]).toEqual([8, 4, 4]);
    expect(s.rejected.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [4, 'Online_Spend', 'n/a', 'spend is not a number'],
      [6, 'Date', '2019-02-02', 'duplicate date 2019-02-02 (first on line 3)'],
      [7, 'Offline_Spend', '', 'missing spend (a channel column needs a value every day; write 0 for no spend)'],
      [8, 'Online_Spend', '-5', 'negative spend'],
    ]);
    // A rejected row stores none of its cells.
    expect(db.prepare('SELECT count(*) AS n FROM marketing_spend').get()).toEqual({ n: 8 });
  });

  it('fails the whole import on the first bad row in abort mode, leaving the project unchanged', async () => {
    await importFiles(db, options(file, ['Discount_Coupon.csv'], { role: 'coupons' }));
    const before = snapshot(db);
    await expect(importFiles(db, options(file, ['Marketing_Spend_bad.csv'], { role: 'marketing' }))).rejects.toThrow(/line 4, column Online_Spend: spend is not a number/);
    expect(snapshot(db)).toEqual(before);
  });

  it('a column empty in every sampled row is not a channel', async () => {
    const p = write(dir, 'empty-col.csv', 'Date,Online_Spend,Notes\n2020-01-01,5,\n2020-01-02,6,\n');
    const s = await importFiles(db, { ...options(file, []), files: [p], role: 'marketing' });
    expect(s.files[0].marketing?.channels).toEqual(['Online_Spend']);
    expect(s.files[0].notes).toContain('column Notes is empty in the first 2 rows: not a channel');
  });

  it('refuses a marketing import overlapping stored days and channels, naming the first overlap, and changes nothing', async () => {
    await importFiles(db, options(file, ['Marketing_Spend.csv'], { role: 'marketing' }));
    const before = snapshot(db);
    const err = await importFiles(db, options(file, ['Marketing_Spend_overlap.csv'], { role: 'marketing', onError: 'skip' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbenchError);
    expect((err as Error).message).toMatch(/line 2: the spend of Offline_Spend on 2019-01-15 is already in the project \(from .*Marketing_Spend\.csv\).*Nothing was imported\./);
    expect(snapshot(db)).toEqual(before);
  });

  it('accepts a second marketing file with other days or other channels', async () => {
    await importFiles(db, options(file, ['Marketing_Spend.csv'], { role: 'marketing' }));
    const tv = write(dir, 'tv.csv', 'Date,TV_Spend\n1/1/2019,100\n1/2/2019,200\n');
    const s = await importFiles(db, { ...options(file, []), files: [tv], role: 'marketing' });
    expect(s.marketing?.channels).toEqual(['Offline_Spend', 'Online_Spend', 'TV_Spend']);
    expect(readMarketingSpend(db).spend.TV_Spend.slice(0, 3)).toEqual(Float64Array.from([100, 200, NaN]));
  });

  it('imports Kaggle-shaped coupon offers: months without a year, discount levels', async () => {
    const s = await importFiles(db, options(file, ['Discount_Coupon.csv'], { role: 'coupons' }));
    expect(s.tables).toEqual({ coupons: 12 });
    expect(s.files[0].mapping).toEqual({ month: 'Month', category: 'Product_Category', code: 'Coupon_Code', discount: 'Discount_pct' });
    expect(s.files[0].coupons).toEqual({ offers: 12, discountLevels: [10, 20, 30], categories: ['Apparel'] });
    expect(s.coupons).toEqual(s.files[0].coupons);
    const offers = readCouponOffers(db);
    expect(offers).toHaveLength(12);
    expect(offers[0]).toEqual({ id: 1, importId: 1, fromDay: null, toDay: null, year: null, month: 1, category: 'Apparel', code: 'SALE10', discount: 10 });
    expect(offers[11]).toMatchObject({ month: 12, discount: 30, code: 'SALE30' });
  });

  it('reads a file whose every discount is at most 1 as fractions, and says so', async () => {
    const s = await importFiles(db, options(file, ['Discount_Coupon_fractions.csv'], { role: 'coupons' }));
    expect(s.files[0].coupons?.discountLevels).toEqual([10, 20, 30]);
    expect(s.files[0].notes).toContain('every discount is at most 1 and none has a % sign: read as fractions (0.1 = 10%)');
    expect(readCouponOffers(db)[0]).toMatchObject({ year: 2019, month: 1, discount: 10 });
  });

  it('reads values at most 1 as percentages when others are above 1 or carry %, and names them', async () => {
    const p = write(dir, 'mixed.csv', 'Month,Category,Discount\n2020-01,Food,10%\n2020-02,Food,0.5\n2020-03,Food,1\n');
    const s = await importFiles(db, { ...options(file, []), files: [p], role: 'coupons' });
    expect(s.files[0].coupons?.discountLevels).toEqual([0.5, 1, 10]);
    expect(s.files[0].notes).toContain('2 discounts at most 1 (first on line 3) read as percentages (0.5 = 0.5%), because other discounts of the file are above 1 or carry a % sign');
  });

  it('takes date-range offers and rejects reversed ranges, bad months and discounts above 100', async () => {
    const p = write(dir, 'ranges.csv', 'From,To,Category,Code,Discount\n2020-01-01,2020-01-10,Food,F10,10\n2020-02-10,2020-02-01,Food,F20,20\n2020-03-01,2020-03-05,Food,,150\n2020-04-01,,Food,F5,5\n');
    const s = await importFiles(db, { ...options(file, []), files: [p], role: 'coupons', onError: 'skip' });
    expect(s.rowsImported).toBe(1);
    expect(s.rejected.map((r) => [r.line, r.column, r.reason])).toEqual([
      [3, 'To', 'the last day 2020-02-01 is before the first day 2020-02-10'],
      [4, 'Discount', 'discount is not a percentage from 0 to 100 (10, 10% or, for a whole file of fractions, 0.1)'],
      [5, 'To', 'a date range needs both its first and last day'],
    ]);
    expect(readCouponOffers(db)[0]).toMatchObject({ fromDay: Date.UTC(2020, 0, 1) / 86_400_000, toDay: Date.UTC(2020, 0, 10) / 86_400_000, month: null, year: null, code: 'F10' });
  });

  it('flags a second offer for one category in one period (kept: the analysis must know it is ambiguous)', async () => {
    const p = write(dir, 'dup.csv', 'Month,Category,Discount\nJan,Food,10\njan,food,20\nJan,Drinks,10\n2020-01,Food,30\n');
    const s = await importFiles(db, { ...options(file, []), files: [p], role: 'coupons' });
    expect([s.rowsImported, s.rowsFlagged]).toEqual([4, 1]);
    expect(s.flagged[0]).toMatchObject({ line: 3, column: 'Category', value: 'food', reason: 'another offer for food in the same period (first on line 2)' });
  });

  it('detects and reads a Korean coupons file: 1월…12월 months, % discounts', async () => {
    const p = write(dir, 'ko.csv', '월,카테고리,쿠폰코드,할인율\n1월,식품,K10,10%\n2월,식품,K20,20%\n2019년 3월,생활용품,,30%\n');
    const s = await importFiles(db, { ...options(file, []), files: [p] });
    expect(s.files[0]).toMatchObject({ table: 'coupons', mapping: { month: '월', category: '카테고리', code: '쿠폰코드', discount: '할인율' } });
    expect(readCouponOffers(db).map((o) => [o.year, o.month, o.category, o.code, o.discount])).toEqual([[null, 1, '식품', 'K10', 10], [null, 2, '식품', 'K20', 20], [2019, 3, '생활용품', null, 30]]);
  });

  it('refuses a marketing file with a nameless column of values or two columns of one name', async () => {
    const nameless = write(dir, 'nameless.csv', 'Date,Online_Spend,\n2020-01-01,5,7\n');
    await expect(importFiles(db, { ...options(file, []), files: [nameless], role: 'marketing' })).rejects.toThrow(/column 3 has values but no header/);
    const twice = write(dir, 'twice.csv', 'Date,Online_Spend,Online_Spend\n2020-01-01,5,7\n');
    await expect(importFiles(db, { ...options(file, []), files: [twice], role: 'marketing' })).rejects.toThrow(/two columns are named "Online_Spend"/);
    const only = write(dir, 'only.csv', 'Date,Notes\n2020-01-01,\n');
    await expect(importFiles(db, { ...options(file, []), files: [only], role: 'marketing' })).rejects.toThrow(/no spend columns besides the date column Date/);
  });

  it('refuses a coupons file without a month or a complete from–to range, saying which', async () => {
    const p = write(dir, 'noperiod.csv', 'Start,Category,Discount\n2020-01-01,Food,10\n');
    await expect(importFiles(db, { ...options(file, []), files: [p], role: 'coupons', map: { from: 'Start' } })).rejects.toThrow(/no column for "month" or both "from" and "to" \("to" missing\).*--map month=COLUMN or --map from=COLUMN --map to=COLUMN/);
  });

  it('stores the coupon status of transaction lines and flags unknown values as unknown', async () => {
    const s = await importFiles(db, options(file, ['Online_Sales.csv']));
    expect(s.files[0].table).toBe('transactions');
    expect(s.files[0].mapping.coupon).toBe('Coupon_Status');
    expect([s.rowsImported, s.rowsRejected, s.rowsFlagged]).toEqual([30, 0, 1]);
    expect(s.flagged[0]).toMatchObject({ line: 19, column: 'Coupon_Status', value: 'Maybe' });
    expect(s.files[0].couponStatus).toEqual({ used: 10, clicked: 10, notUsed: 9, unknown: 1 });
    const byStatus = db.prepare('SELECT coupon, count(*) FROM lines GROUP BY coupon ORDER BY coupon').raw().all();
    expect(byStatus).toEqual([[null, 1], [0, 9], [1, 10], [2, 10]]);
  });

  it('reads an L.point PDDE with the optional coupon column (EN and KO values)', async () => {
    const s = await importFiles(db, options(file, ['LPOINT_BIG_COMP_02_PDDE_coupon.csv']));
    expect(s.files[0]).toMatchObject({ format: 'lpoint', table: 'PDDE' });
    expect(s.files[0].couponStatus).toEqual({ used: 3, clicked: 2, notUsed: 3, unknown: 2 });
    expect(s.flagged.filter((f) => f.column === 'coupon').map((f) => [f.line, f.value])).toEqual([[10, 'sometimes']]);
    expect(db.prepare('SELECT coupon FROM lines ORDER BY id').raw().all().flat()).toEqual([2, 1, 0, null, 2, 0, 1, 0, null, 2]);
  });
});

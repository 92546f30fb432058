import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFiles } from '../../../../core/data/import/index.js';
import { openProject, type Db } from '../../../../core/data/store/open.js';
import { LineFlag } from '../../../../core/model/flags.js';
import type { ImportOptions } from '../../../../core/model/import.js';
import { FIXTURES, lpointSmallFiles, tempDir } from '../../../helpers/project.js';

function options(project: string, files: string[], extra: Partial<ImportOptions> = {}): ImportOptions {
  return { project, files, format: 'auto', map: {}, role: 'auto', encoding: 'auto', onError: 'abort', allowDuplicate: false, ...extra };
}

describe('canonical model from the small L.point fixture', () => {
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

  it('lands every table, in any file order, with ids resolved across files', async () => {
    const files = lpointSmallFiles().reverse();
    const s = await importFiles(db, options(file, files));
    expect(s.tables).toEqual({ payments: 3, products: 4, purchases: 10, partnerUses: 2, stores: 3, customers: 4 });
    expect(s.rowsRead).toBe(26);
    expect(s.rowsRejected).toBe(0);
    // M000000005 buys but is not in DEMO: known by code, demographics unknown.
    expect(s.customers).toBe(5);
    expect(s.receipts).toBe(7);
    expect(s.amountTotal).toBe(2500 + 4000 + 9000 + 8000 + 3000 + 12900 - 12900 + 2500 + 0 + 2000);
    expect(db.prepare("SELECT gender, age_band, region FROM customers WHERE code = 'M000000002'").get()).toEqual({ gender: 'M', age_band: '40-49', region: 'Z17' });
    expect(db.prepare("SELECT gender FROM customers WHERE code = 'M000000005'").get()).toEqual({ gender: null });
    expect(db.prepare("SELECT name, category, category2 FROM products WHERE code = 'PD0004'").get()).toEqual({ name: '세제, 액체형', category: '세제/위생', category2: '세탁세제' });
    expect(db.prepare("SELECT retailer, region, region2 FROM stores WHERE code = 'A020002'").get()).toEqual({ retailer: 'A02', region: 'Z17', region2: 'Z17003' });
  });

  it('forms receipts from their lines, keeps returns and zero amounts flagged', async () => {
    await importFiles(db, options(file, lpointSmallFiles()));
    const r = db.prepare("SELECT r.lines, r.amount, r.quantity, r.channel, r.retailer, r.hour, r.day, s.code AS store FROM receipts r LEFT JOIN stores s ON s.id = r.store_id WHERE r.code = 'A02000000003'").get();
    expect(r).toEqual({ lines: 3, amount: 23900, quantity: 7, channel: 1, retailer: 'A02', hour: 15, day: Date.UTC(2021, 0, 2) / 86_400_000, store: 'A020002' });
    const online = db.prepare("SELECT channel, store_id FROM receipts WHERE code = 'A06000000002'").get();
    expect(online).toEqual({ channel: 2, store_id: null });
    const ret = db.prepare("SELECT flags, amount, quantity FROM lines WHERE amount < 0").all();
    expect(ret).toEqual([{ flags: LineFlag.RETURN, amount: -12900, quantity: -1 }]);
    expect(db.prepare('SELECT flags FROM lines WHERE amount = 0').get()).toEqual({ flags: LineFlag.ZERO_PRICE });
    expect(db.prepare("SELECT count(*) AS n FROM import_issues WHERE severity = 'flagged'").get()).toEqual({ n: 2 });
  });

  it('keeps partner uses and L.pay payments with their codes', async () => {
    await importFiles(db, options(file, lpointSmallFiles()));
    expect(db.prepare('SELECT partner, visit_day - day AS stay, amount FROM partner_uses ORDER BY id').all()).toEqual([
      { partner: 'B01', stay: 2, amount: 150000 },
      { partner: 'C01', stay: 0, amount: 24000 },
    ]);
    expect(db.prepare('SELECT merchant, amount FROM payments ORDER BY id').all()).toEqual([
      { merchant: 'A01', amount: 6500 },
      { merchant: 'L01', amount: 100 },
      { merchant: 'B01', amount: 35000 },
    ]);
  });

  it('reconstructs the raw PDDE table exactly from the canonical model', async () => {
    await importFiles(db, options(file, lpointSmallFiles()));
    const pdde = lpointSmallFiles().find((f) => f.includes('PDDE')) as string;
    const expected = fs.readFileSync(pdde, 'utf8').trim().split('\n').slice(1);
    const rows = db.prepare('SELECT cust, rct_no, chnl_dv, cop_c, br_c, pd_c, de_dt, de_hr, buy_am, buy_ct FROM raw_lpoint_pdde ORDER BY line_id').raw().all() as unknown[][];
    expect(rows.map((r) => r.map((v) => (v === null ? '' : String(v))).join(','))).toEqual(expected);
  });

  it('merges a receipt whose lines are not contiguous in the file', async () => {
    const csv = path.join(dir, 'unsorted.csv');
    fs.writeFileSync(csv, [
      'cust,rct_no,chnl_dv,cop_c,br_c,pd_c,de_dt,de_hr,buy_am,buy_ct',
      'M1,R1,1,A01,S1,P1,20210101,10,100,1',
      'M2,R2,1,A01,S1,P2,20210101,11,200,1',
      'M1,R1,1,A01,S1,P3,20210101,10,300,3',
      'M1,R3,1,A01,S1,P1,20210102,10,-100,-1',
    ].join('\n'));
    const s = await importFiles(db, options(file, [csv]));
    expect(s.receipts).toBe(3);
    expect(db.prepare("SELECT lines, amount, quantity, flags FROM receipts WHERE code = 'R1'").get()).toEqual({ lines: 2, amount: 400, quantity: 4, flags: 0 });
    const ids = db.prepare("SELECT DISTINCT receipt_id FROM lines WHERE receipt_id IN (SELECT id FROM receipts WHERE code = 'R1')").all();
    expect(ids).toHaveLength(1);
    expect(db.prepare('SELECT count(*) AS n FROM lines l LEFT JOIN receipts r ON r.id = l.receipt_id WHERE r.id IS NULL').get()).toEqual({ n: 0 });
  });

  it('refuses a file already in the project, by fingerprint, whatever its name', async () => {
    const files = lpointSmallFiles();
    await importFiles(db, options(file, files));
    const copy = path.join(dir, 'renamed.csv');
    fs.copyFileSync(files[0], copy);
    await expect(importFiles(db, options(file, [copy]))).rejects.toThrow(/already in the project/);
    const again = await importFiles(db, options(file, [copy], { allowDuplicate: true }));
    expect(again.rowsImported).toBeGreaterThan(0);
  });

  it('treats one customer-day as one receipt when a generic file has no receipt column', async () => {
    const csv = path.join(dir, 'noreceipt.csv');
    fs.writeFileSync(csv, 'customer_id,date,sku,qty,price\nc1,2021-03-01,A,1,2.5\nc1,2021-03-01,B,2,1.0\nc1,2021-03-02,A,1,2.5\nc2,2021-03-01,A,1,2.5\n,2021-03-01,A,1,2.5\n');
    const s = await importFiles(db, options(file, [csv]));
    expect(s.receipts).toBe(4);
    expect(s.amountTotal).toBe(2.5 + 2 + 2.5 + 2.5 + 2.5);
    expect(db.prepare('SELECT count(*) AS n FROM lines WHERE customer_id IS NULL').get()).toEqual({ n: 1 });
  });

  it('reads CP949 files (detected) with Korean text intact', async () => {
    const csv = path.join(FIXTURES, 'cp949', 'demo-cp949.csv');
    const s = await importFiles(db, options(file, [csv]));
    expect(s.files[0].encoding).toBe('cp949');
    expect(db.prepare("SELECT gender, age_band FROM customers ORDER BY code").all()).toEqual([{ gender: 'M', age_band: '40-49' }, { gender: 'F', age_band: '30-39' }]);
  });
});

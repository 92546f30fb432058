import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../core/data/store/open.js';
import { receiptsContiguous } from '../../../core/data/store/queries/overview/index.js';
import { tempDir } from '../../helpers/project.js';
import { importedProject, overview } from './helpers.js';

// Receipt R1 is split in the file by R2; the importer merges its two parts (deleting the last
// receipt row, so receipt ids stay dense). In line-id order category B goes R1, R2, R1: a pass in
// that order would count R1 twice for B; the pass in receipt order counts B's receipts once each.
const PDDE = `cust,rct_no,chnl_dv,cop_c,br_c,pd_c,de_dt,de_hr,buy_am,buy_ct
M1,R1,1,A01,S1,PD0003,20210101,10,1000,1
M2,R2,1,A01,S1,PD0003,20210101,11,3000,1
M1,R1,1,A01,S1,PD0004,20210101,10,4000,2
M1,R1,1,A01,S1,PD0001,20210101,10,500,1
`;
const PD_CLAC = `pd_c,pd_nm,clac_hlv_nm,clac_mcls_nm
PD0001,a,A,A1
PD0003,c,B,B1
PD0004,d,B,B2
`;

let csvDir: string;
let dir: string;
let db: Db;

beforeAll(async () => {
  csvDir = tempDir('swb-split-');
  const files = [['LPOINT_BIG_COMP_02_PDDE.csv', PDDE], ['LPOINT_BIG_COMP_04_PD_CLAC.csv', PD_CLAC]].map(([name, text]) => {
    fs.writeFileSync(path.join(csvDir, name), text);
    return path.join(csvDir, name);
  });
  ({ dir, db } = await importedProject(files));
});
afterAll(() => {
  db.close();
  for (const d of [dir, csvDir]) fs.rmSync(d, { recursive: true, force: true });
});

describe('category receipts when a receipt was split in the file', () => {
  it('counts each receipt once per category, exactly', () => {
    expect(db.prepare('SELECT receipt_id FROM lines ORDER BY id').pluck().all()).toEqual([1, 2, 1, 1]);
    expect(receiptsContiguous(db)).toBe(false);
    const o = overview(db);
    expect(o.kpis).toMatchObject({ receipts: 2, purchaseReceipts: 2, sales: 8_500 });
    expect(o.topCategories.level1.bySales.map((r) => [r.name, r.sales, r.receipts])).toEqual([['B', 8_000, 2], ['A', 500, 1]]);
    expect(o.topCategories.level2?.bySales.map((r) => [r.name, r.sales, r.receipts])).toEqual([['B1', 4_000, 2], ['B2', 4_000, 1], ['A1', 500, 1]]);
    expect(o.retailerThemes.retailers).toEqual([{ retailer: 'A01', label: 'Department store', sales: 8_500, categories: [
      { name: 'B', sales: 8_000, share: 8_000 / 8_500, overallShare: 8_000 / 8_500, lift: 1 },
      { name: 'A', sales: 500, share: 500 / 8_500, overallShare: 500 / 8_500, lift: 1 },
    ] }]);
  });
});

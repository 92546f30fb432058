import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../core/data/store/open.js';
import type { OverviewResult } from '../../../core/model/overview.js';
import { tempDir } from '../../helpers/project.js';
import { importedProject, overview } from './helpers.js';

// Hand-made L.pay payments (no purchases at all), file order as listed:
//   C1: 100 on 04-12 10h, then 6,000 on 04-20           → cohort, repeater after 8 days
//   C2: 100 on 05-01                                      → cohort, never again
//   C3: 5,000 on 05-03 9h, 100 the same day at 15h       → not cohort (first is 5,000), but paid 100 once
//   C4: 100 on 10-01 20h, 7,000 on 10-03                  → cohort, repeater after 2 days
//   C5: 100 on 10-05 11h, 3,000 the same day and hour     → cohort (file order breaks the tie), repeater after 0 days
const LPAY = `cust,rct_no,cop_c,chnl_dv,de_dt,de_hr,buy_am
C1,L00000000001,L00,2,20210412,10,100
C1,A01000000001,A01,1,20210420,12,6000
C2,L00000000002,L00,2,20210501,8,100
C3,L01000000003,L01,2,20210503,9,5000
C3,L00000000004,L00,2,20210503,15,100
C4,L00000000005,L00,2,20211001,20,100
C4,A04000000005,A04,1,20211003,7,7000
C5,L00000000006,L00,2,20211005,11,100
C5,A02000000006,A02,1,20211005,11,3000
`;

let dir: string;
let db: Db;
let o: Omit<OverviewResult, 'period'>;

beforeAll(async () => {
  const csvDir = tempDir('swb-lpay-');
  const file = path.join(csvDir, 'LPOINT_BIG_COMP_06_LPAY.csv');
  fs.writeFileSync(file, LPAY);
  ({ dir, db } = await importedProject([file]));
  fs.rmSync(csvDir, { recursive: true, force: true });
  o = overview(db);
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the 100-won first-payment cohort, by hand', () => {
  it('counts first payments of exactly 100 won, ordered by day, hour and file order, and the repeaters', () => {
    expect(o.cohort).toEqual({
      available: true, amount: 100, cohort: 4, repeaters: 3, repeatShare: 0.75, medianDaysToSecond: 2, customersWithAnyPaymentOfAmount: 5,
      byMonth: { periods: ['2021-04', '2021-05', '2021-06', '2021-07', '2021-08', '2021-09', '2021-10'], cohort: [1, 1, 0, 0, 0, 0, 2] },
    });
  });

  it('keeps every other panel standing on data without purchases, each saying why', () => {
    expect(o.kpis).toMatchObject({ available: false, customers: 0, receipts: 0, sales: 0, meanBasketValue: null, firstDate: null, lpayUsers: 5 });
    for (const panel of [o.demographics, o.regions, o.retailerSales, o.partnerSales, o.channelTrend, o.heatmap, o.topCategories, o.priceSpread, o.retailerThemes]) {
      expect(panel.available).toBe(false);
      expect(panel.reason).toMatch(/\w/);
    }
    expect(o.lpay).toMatchObject({ available: true, users: 5, payments: 9, customers: 0, usersAmongCustomers: 0, adoptionShare: 0 });
    expect(o.lpay.firstUse.newUsers).toEqual([1, 2, 0, 0, 0, 0, 2]);
  });
});

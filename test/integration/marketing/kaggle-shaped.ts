import fs from 'node:fs';
import path from 'node:path';
import { createRandom } from '../../../core/analysis/common/random.js';

/**
 * A Kaggle "Marketing Insights for E-Commerce"-shaped pair of files (Online_Sales.csv and
 * Marketing_Spend.csv, dates as M/D/YYYY like Kaggle's), seeded, over 2019, with a planted truth:
 * customers 1..`responders` buy on day t with probability BASE · online(t − 1) / mean(online)
 * (they react to yesterday's online spend), the others with probability BASE every day. Online
 * spend is new every day (uniform 500–5000), offline spend one of ten levels 500..5000 per week.
 */
export const BASE = 0.05;
export const YEAR_DAYS = 365;
const D0 = Date.UTC(2019, 0, 1);

export interface MarketingShaped {
  sales: string;
  spend: string;
  /** Customer ids (as written) of the planted responders. */
  responders: number[];
  online: number[];
  offline: number[];
}

const kaggleDate = (d: number): string => {
  const x = new Date(D0 + d * 86_400_000);
  return `${x.getUTCMonth() + 1}/${x.getUTCDate()}/${x.getUTCFullYear()}`;
};

export function writeMarketingShaped(dir: string, customers = 100, responders = 40, seed = 11): MarketingShaped {
  const r = createRandom(seed);
  const online: number[] = [], offline: number[] = [];
  let week = 0;
  for (let d = 0; d < YEAR_DAYS; d++) {
    if (d % 7 === 0) week = 500 * (1 + r.int(10));
    offline.push(week);
    online.push(Math.round((500 + 4500 * r.next()) * 100) / 100);
  }
  const mean = online.reduce((s, v) => s + v, 0) / YEAR_DAYS;
  const sales = ['CustomerID,Transaction_ID,Transaction_Date,Product_SKU,Product_Description,Product_Category,Quantity,Avg_Price,Delivery_Charges,Coupon_Status'];
  let tx = 16000;
  for (let c = 1; c <= customers; c++) {
    for (let d = 1; d < YEAR_DAYS; d++) {
      const p = c <= responders ? BASE * online[d - 1] / mean : BASE;
      if (r.next() >= p) continue;
      sales.push(`${12000 + c},${tx++},${kaggleDate(d)},SKU-${c % 7},"Item ${c % 7}",Apparel,${1 + r.int(3)},${(5 + r.int(96)).toFixed(2)},6.5,Not Used`);
    }
  }
  const spend = ['Date,Offline_Spend,Online_Spend', ...online.map((v, d) => `${kaggleDate(d)},${offline[d]},${v}`)];
  const out = { sales: path.join(dir, 'Online_Sales.csv'), spend: path.join(dir, 'Marketing_Spend.csv') };
  fs.writeFileSync(out.sales, sales.join('\n') + '\n');
  fs.writeFileSync(out.spend, spend.join('\n') + '\n');
  return { ...out, responders: Array.from({ length: responders }, (_, i) => 12001 + i), online, offline };
}

/** The --map flags of the sales file (Kaggle's headers) and of the spend file. */
export const SALES_MAP = ['customer=CustomerID', 'receipt=Transaction_ID', 'date=Transaction_Date', 'product=Product_SKU', 'productName=Product_Description', 'category=Product_Category', 'quantity=Quantity', 'unitPrice=Avg_Price'];
export const SPEND_MAP = ['date=Date'];

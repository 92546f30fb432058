import fs from 'node:fs';
import path from 'node:path';
import { createRandom } from '../../../core/analysis/common/random.js';

/**
 * A Kaggle "Marketing Insights for E-Commerce"-shaped pair of files (Online_Sales.csv,
 * Discount_Coupon.csv), seeded, with a planted truth: customers 1..`sensitive` use a coupon with
 * probability 0.1 / 0.4 / 0.8 at 10 / 20 / 30 %, the others 0.15 at every level. Offers follow
 * seed 004's calendar (10 % in Jan/Apr/Jul/Oct, 20 % Feb/May/Aug/Nov, 30 % Mar/Jun/Sep/Dec), for
 * every category; months carry no year, as Kaggle's.
 */
export const CATEGORIES = ['Apparel', 'Nest-USA', 'Office'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const discountOfMonth = (m: number): number => 10 * (1 + ((m - 1) % 3));
const P_SENSITIVE: Record<number, number> = { 10: 0.1, 20: 0.4, 30: 0.8 };

export interface KaggleShaped {
  sales: string;
  coupons: string;
  /** Per customer id, per discount: [offered, used], counted while writing (the truth the export must match). */
  counts: Map<number, Map<number, [number, number]>>;
}

export function writeKaggleShaped(dir: string, customers = 60, sensitive = 20, perMonth = 2, seed = 7): KaggleShaped {
  const r = createRandom(seed);
  const sales = ['CustomerID,Transaction_ID,Transaction_Date,Product_SKU,Product_Description,Product_Category,Quantity,Avg_Price,Delivery_Charges,Coupon_Status'];
  const counts = new Map<number, Map<number, [number, number]>>();
  let tx = 16000;
  for (let c = 1; c <= customers; c++) {
    const id = 12000 + c;
    const mine = new Map<number, [number, number]>();
    counts.set(id, mine);
    for (let m = 1; m <= 12; m++) {
      for (let k = 0; k < perMonth; k++) {
        const d = discountOfMonth(m);
        const p = c <= sensitive ? P_SENSITIVE[d] : 0.15;
        const used = r.next() < p;
        const status = used ? 'Used' : r.next() < 0.2 ? 'Clicked' : 'Not Used';
        const cat = CATEGORIES[r.int(CATEGORIES.length)];
        const day = 1 + r.int(28);
        sales.push(`${id},${tx++},${m}/${day}/2019,SKU-${cat}-${k},"${cat} item ${k}",${cat},${1 + r.int(3)},${(5 + r.int(100)).toFixed(2)},6.5,${status}`);
        const cell = mine.get(d) ?? [0, 0];
        cell[0]++;
        if (used) cell[1]++;
        mine.set(d, cell);
      }
    }
  }
  const coupons = ['Month,Product_Category,Coupon_Code,Discount_pct'];
  for (const cat of CATEGORIES) MONTHS.forEach((name, i) => coupons.push(`${name},${cat},${cat.slice(0, 3).toUpperCase()}${discountOfMonth(i + 1)},${discountOfMonth(i + 1)}`));
  const out = { sales: path.join(dir, 'Online_Sales.csv'), coupons: path.join(dir, 'Discount_Coupon.csv') };
  fs.writeFileSync(out.sales, sales.join('\n') + '\n');
  fs.writeFileSync(out.coupons, coupons.join('\n') + '\n');
  return { ...out, counts };
}

/** The --map flags of the sales file (Kaggle's headers). */
export const SALES_MAP = ['customer=CustomerID', 'receipt=Transaction_ID', 'date=Transaction_Date', 'product=Product_SKU', 'productName=Product_Description', 'category=Product_Category', 'quantity=Quantity', 'unitPrice=Avg_Price'];
export const COUPON_MAP = ['month=Month', 'category=Product_Category', 'code=Coupon_Code', 'discount=Discount_pct'];

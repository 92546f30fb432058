import { DATE_STR } from './calendar.js';
import type { CouponDraws } from './coupons.js';
import { lineAmount } from './pricing.js';
import { RETAILERS } from './retailers.js';
import type { Shopping } from './shopping.js';

/** Running receipt numbers per company, shared by all customers of a run (rct_no = company + 9 digits). */
export class ReceiptCounter {
  private next = new Map<string, number>();

  take(company: string): string {
    const n = (this.next.get(company) ?? 0) + 1;
    this.next.set(company, n);
    return `${company}${String(n).padStart(9, '0')}`;
  }
}

/** A written retail receipt, kept for the customer's L.pay payments. */
export interface WrittenReceipt {
  rct: string;
  retailer: number;
  online: boolean;
  day: number;
  hour: number;
  total: number;
  isReturn: boolean;
}

/**
 * Writes the customer's PDDE lines: receipts in (date, hour, retailer, creation) order, each
 * receipt's lines contiguous, planted basket rules applied as the receipt is written.
 * Receipts whose every line was skipped are not written and get no number. With coupons, each
 * line gets the trailing `coupon` column, drawn in this same line order.
 */
export function emitPurchases(s: Shopping, cust: string, counter: ReceiptCounter, out: string[], written: WrittenReceipt[], coupons?: CouponDraws): number {
  const { receipts: R, lines: L, w, rng } = s;
  const order = new Float64Array(R.n);
  for (let i = 0; i < R.n; i++) order[i] = ((R.day[i] * 24 + R.hour[i]) * 8 + R.retailer[i]) * 65536 + i;
  order.sort();
  const start = new Int32Array(R.n + 1);
  for (let j = 0; j < L.n; j++) start[L.receipt[j] + 1]++;
  for (let i = 0; i < R.n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, R.n);
  const byReceipt = new Int32Array(L.n);
  for (let j = 0; j < L.n; j++) byReceipt[fill[L.receipt[j]]++] = j;
  const codes = w.catalogue.code;
  let rows = 0;
  for (let k = 0; k < R.n; k++) {
    const rc = order[k] % 65536;
    if (start[rc + 1] === start[rc]) continue;
    const retailer = R.retailer[rc];
    const company = RETAILERS[retailer];
    const online = R.online[rc] === 1;
    const rct = counter.take(company);
    const head = `${cust},${rct},${online ? 2 : 1},${company},${online ? '' : w.stores.code[R.store[rc]]},`;
    const tail = `,${DATE_STR[R.day[rc]]},${R.hour[rc]},`;
    const isReturn = R.isReturn[rc] === 1;
    const end = (p: number): string => (coupons ? `,${coupons.status(p, R.day[rc], isReturn)}\n` : '\n');
    let total = 0;
    let mask = 0;
    for (let q = start[rc]; q < start[rc + 1]; q++) {
      const j = byReceipt[q];
      const p = L.product[j];
      out.push(`${head}${codes[p]}${tail}${L.amount[j]},${L.qty[j]}${end(p)}`);
      total += L.amount[j];
      if (w.ruleSlot[p] >= 0) mask |= 1 << w.ruleSlot[p];
      rows++;
    }
    for (const rule of w.rules) {
      if ((mask & rule.antecedentMask) !== rule.antecedentMask || (mask & rule.consequentBit) !== 0) continue;
      if (w.tables.carried[retailer][w.catalogue.top[rule.consequent]] <= 0 || rng.next() >= rule.p) continue;
      const amount = lineAmount(s, rule.consequent, retailer, 1);
      out.push(`${head}${codes[rule.consequent]}${tail}${amount},1${end(rule.consequent)}`);
      total += amount;
      mask |= rule.consequentBit;
      rows++;
    }
    written.push({ rct, retailer, online, day: R.day[rc], hour: R.hour[rc], total, isReturn });
  }
  return rows;
}

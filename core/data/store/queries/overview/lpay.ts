import { RETAILER_LABELS, type LpayPanel } from '../../../../model/overview.js';
import type { Db } from '../../open.js';
import { cents, monthOf, monthsBetween } from './calendar.js';
import { PURCHASE_RECEIPT } from './purchase.js';
import { customerScope, receiptScope, type PanelScope } from './scope.js';
import { all, one } from './temp.js';

const NONE = 'This data has no L.pay payments (L.point LPAY).';

/**
 * L.pay adoption: users (customers with a payment in the period), their share of customers (with
 * a receipt in the period), new users by the month of their first payment, and the retail spend
 * of users vs other customers: net sales and purchase receipts of their receipts in the period,
 * per customer and per purchase receipt. Every per-customer GROUP BY walks a (customer_id, day)
 * index, so none sorts. Region and segment filter both sides; a retailer only the receipts (a
 * payment is made at a merchant, not on a receipt; scope.ts).
 */
export function lpayPanel(db: Db, range: PanelScope): LpayPanel {
  const payF = customerScope(range, 'customer_id'), recF = receiptScope(range);
  const r = [range.from, range.to, ...payF.params];
  const rr = [range.from, range.to, ...recF.params];
  const totals = one<{ n: number; amount: number; users: number }>(db, `SELECT count(*) AS n, total(amount) AS amount, count(DISTINCT customer_id) AS users FROM payments WHERE day BETWEEN ? AND ?${payF.sql}`, ...r);
  const empty = { firstUse: { periods: [], newUsers: [], cumulativeUsers: [] }, groups: [], byMerchant: [] };
  if (totals.n === 0) return { available: false, reason: NONE, users: 0, payments: 0, paymentAmount: 0, customers: 0, usersAmongCustomers: 0, adoptionShare: 0, ...empty };
  const firsts = all<{ day: number; users: number }>(db, `SELECT first AS day, count(*) AS users FROM
    (SELECT min(day) AS first FROM payments WHERE customer_id IS NOT NULL AND day BETWEEN ? AND ?${payF.sql} GROUP BY customer_id) GROUP BY first ORDER BY first`, ...r);
  const periods = firsts.length === 0 ? [] : monthsBetween(firsts[0].day, firsts[firsts.length - 1].day);
  const newUsers = periods.map(() => 0);
  for (const f of firsts) newUsers[periods.indexOf(monthOf(f.day))] += f.users;
  let running = 0;
  const cumulativeUsers = newUsers.map((x) => (running += x));
  const groups = all<{ lpay: number; customers: number; sales: number; purchaseReceipts: number }>(db, `
    SELECT u.customer_id IS NOT NULL AS lpay, count(*) AS customers, total(x.sales) AS sales, total(x.purchases) AS purchaseReceipts
    FROM (SELECT customer_id, total(amount) AS sales, count(CASE WHEN ${PURCHASE_RECEIPT} THEN 1 END) AS purchases FROM receipts
          WHERE customer_id IS NOT NULL AND day BETWEEN ? AND ?${recF.sql} GROUP BY customer_id) x
    LEFT JOIN (SELECT customer_id FROM payments WHERE customer_id IS NOT NULL AND day BETWEEN ? AND ?${payF.sql} GROUP BY customer_id) u ON u.customer_id = x.customer_id
    GROUP BY 1`, ...rr, ...r);
  const group = (lpay: boolean): LpayPanel['groups'][number] => {
    const g = groups.find((x) => x.lpay === (lpay ? 1 : 0)) ?? { customers: 0, sales: 0, purchaseReceipts: 0 };
    return {
      group: lpay ? 'lpay' : 'other',
      customers: g.customers,
      sales: cents(g.sales),
      purchaseReceipts: g.purchaseReceipts,
      salesPerCustomer: g.customers > 0 ? cents(g.sales / g.customers) : null,
      salesPerReceipt: g.purchaseReceipts > 0 ? cents(g.sales / g.purchaseReceipts) : null,
    };
  };
  const customers = groups.reduce((s, g) => s + g.customers, 0);
  const usersAmongCustomers = group(true).customers;
  const byMerchant = all<{ merchant: string; payments: number; amount: number }>(db, `SELECT merchant, count(*) AS payments, total(amount) AS amount FROM payments WHERE day BETWEEN ? AND ?${payF.sql} GROUP BY merchant`, ...r)
    .map((m) => ({ merchant: m.merchant, label: RETAILER_LABELS[m.merchant] ?? null, payments: m.payments, amount: cents(m.amount) }))
    .sort((a, b) => b.amount - a.amount || a.merchant.localeCompare(b.merchant));
  return {
    available: true,
    users: totals.users,
    payments: totals.n,
    paymentAmount: cents(totals.amount),
    customers,
    usersAmongCustomers,
    adoptionShare: customers > 0 ? usersAmongCustomers / customers : 0,
    firstUse: { periods, newUsers, cumulativeUsers },
    groups: [group(true), group(false)],
    byMerchant,
  };
}

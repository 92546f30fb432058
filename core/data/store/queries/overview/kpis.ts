import { LineFlag } from '../../../../model/flags.js';
import type { KpiPanel } from '../../../../model/overview.js';
import type { Db } from '../../open.js';
import { cents, dayCondition, isoOrNull } from './calendar.js';
import { PURCHASE_RECEIPT } from './purchase.js';
import { customerScope, lineScope, receiptScope, type PanelScope } from './scope.js';
import { one } from './temp.js';

const RETURNED = LineFlag.RETURN | LineFlag.CANCELLATION;

/**
 * Headline KPIs (definitions in core/model/overview.ts). Customers are the distinct customer ids
 * of the period's receipts (a receipt's customer is its lines' customer; the importer reports a
 * line that disagrees). Three scans: lines (sales, returns), receipts (baskets, dates) and the
 * receipts (customer_id, day) index (customers); catalogue sizes and L.pay users are index counts.
 * Under the scope's filters (scope.ts; not the category: a receipt holds many) except the
 * catalogue sizes (products, stores, registered customers), which describe the data.
 */
export function kpiPanel(db: Db, range: PanelScope): KpiPanel {
  const days = dayCondition(range, 'day');
  const lineF = lineScope(range, null, false), receiptF = receiptScope(range), payerF = customerScope(range, 'customer_id');
  const r = [range.from, range.to, ...receiptF.params];
  const lines = one<{ n: number; sales: number; returns: number; returnLines: number; anon: number }>(db, `
    SELECT count(*) AS n, total(amount) AS sales, total(CASE WHEN flags & ${RETURNED} THEN amount END) AS returns,
           count(CASE WHEN flags & ${RETURNED} THEN 1 END) AS returnLines, count(CASE WHEN customer_id IS NULL THEN 1 END) AS anon
    FROM lines WHERE true${days.sql}${lineF.sql}`, ...days.params, ...lineF.params);
  const receipts = one<{ n: number; purchases: number; purchaseAmount: number; customerPurchases: number; customerSales: number; first: number | null; last: number | null }>(db, `
    SELECT count(*) AS n, count(CASE WHEN ${PURCHASE_RECEIPT} THEN 1 END) AS purchases, total(CASE WHEN amount > 0 THEN amount END) AS purchaseAmount,
           count(CASE WHEN ${PURCHASE_RECEIPT} AND customer_id IS NOT NULL THEN 1 END) AS customerPurchases,
           total(CASE WHEN customer_id IS NOT NULL THEN amount END) AS customerSales, min(day) AS first, max(day) AS last
    FROM receipts WHERE day BETWEEN ? AND ?${receiptF.sql}`, ...r);
  const customers = one<{ n: number }>(db, `SELECT count(DISTINCT customer_id) AS n FROM receipts WHERE customer_id IS NOT NULL AND day BETWEEN ? AND ?${receiptF.sql}`, ...r).n;
  const count = (table: 'customers' | 'products' | 'stores' | 'payments'): number => one<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`).n;
  const lpayUsers = count('payments') === 0 ? null : one<{ n: number }>(db, `SELECT count(DISTINCT customer_id) AS n FROM payments WHERE customer_id IS NOT NULL AND day BETWEEN ? AND ?${payerF.sql}`, range.from, range.to, ...payerF.params).n;
  const returnsAmount = cents(-lines.returns);
  const grossSales = cents(lines.sales - lines.returns);
  return {
    available: lines.n > 0,
    ...(lines.n > 0 ? {} : { reason: 'No purchase lines in this period.' }),
    customers,
    registeredCustomers: count('customers'),
    receipts: receipts.n,
    purchaseReceipts: receipts.purchases,
    lines: lines.n,
    linesWithoutCustomer: lines.anon,
    sales: cents(lines.sales),
    grossSales,
    returnsAmount,
    returnLines: lines.returnLines,
    returnShare: grossSales > 0 ? returnsAmount / grossSales : 0,
    meanBasketValue: receipts.purchases > 0 ? cents(receipts.purchaseAmount / receipts.purchases) : null,
    receiptsPerCustomer: customers > 0 ? receipts.customerPurchases / customers : null,
    salesPerCustomer: customers > 0 ? cents(receipts.customerSales / customers) : null,
    firstDate: isoOrNull(receipts.first),
    lastDate: isoOrNull(receipts.last),
    days: receipts.first === null || receipts.last === null ? 0 : receipts.last - receipts.first + 1,
    products: count('products'),
    stores: count('stores'),
    lpayUsers,
  };
}

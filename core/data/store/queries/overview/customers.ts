import type { DemographicsPanel, RegionPanel } from '../../../../model/overview.js';
import type { Db } from '../../open.js';
import { cents } from './calendar.js';
import { receiptScope, type PanelScope } from './scope.js';
import { all } from './temp.js';

/**
 * Per-customer net sales of the period's receipts. SQLite walks the receipts (customer_id, day)
 * index in order, so this GROUP BY streams without a sort (30k customers, 1.9M receipts: ~0.2 s).
 */
function perCustomer(scope: PanelScope): { sql: string; params: unknown[] } {
  const f = receiptScope(scope);
  return { sql: `SELECT customer_id, total(amount) AS sales FROM receipts
  WHERE customer_id IS NOT NULL AND day BETWEEN ? AND ?${f.sql} GROUP BY customer_id`, params: [scope.from, scope.to, ...f.params] };
}

const UNKNOWN = 'unknown';

/** Customers (with a receipt in the period) and their net sales by gender × age band. */
export function demographicsPanel(db: Db, range: PanelScope): DemographicsPanel {
  const x = perCustomer(range);
  const cells = all<{ gender: string | null; ageBand: string | null; customers: number; sales: number }>(db, `
    SELECT c.gender AS gender, c.age_band AS ageBand, count(*) AS customers, total(x.sales) AS sales
    FROM (${x.sql}) x LEFT JOIN customers c ON c.id = x.customer_id GROUP BY 1, 2`, ...x.params);
  const known = cells.some((c) => c.gender !== null || c.ageBand !== null);
  const named = cells.map((c) => ({ gender: c.gender ?? UNKNOWN, ageBand: c.ageBand ?? UNKNOWN, customers: c.customers, sales: cents(c.sales) }));
  const genders = order(named.map((c) => c.gender), (a, b) => a.localeCompare(b));
  const ageBands = order(named.map((c) => c.ageBand), (a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));
  named.sort((a, b) => genders.indexOf(a.gender) - genders.indexOf(b.gender) || ageBands.indexOf(a.ageBand) - ageBands.indexOf(b.ageBand));
  if (!known) return { available: false, reason: cells.length === 0 ? 'No customers with purchases in this period.' : 'This data has no gender or age of customers.', genders: [], ageBands: [], cells: [] };
  return { available: true, genders, ageBands, cells: named };
}

/** Customers (with a receipt in the period) and their net sales by customer region, largest sales first. */
export function regionPanel(db: Db, range: PanelScope): RegionPanel {
  const x = perCustomer(range);
  const rows = all<{ region: string | null; customers: number; sales: number }>(db, `
    SELECT c.region AS region, count(*) AS customers, total(x.sales) AS sales
    FROM (${x.sql}) x LEFT JOIN customers c ON c.id = x.customer_id GROUP BY 1`, ...x.params);
  if (!rows.some((r) => r.region !== null)) {
    return { available: false, reason: rows.length === 0 ? 'No customers with purchases in this period.' : 'This data has no customer region.', rows: [] };
  }
  const total = rows.reduce((s, r) => s + r.sales, 0);
  return {
    available: true,
    rows: rows
      .map((r) => ({ region: r.region ?? UNKNOWN, customers: r.customers, sales: cents(r.sales), salesShare: total !== 0 ? r.sales / total : 0 }))
      .sort((a, b) => b.sales - a.sales || a.region.localeCompare(b.region)),
  };
}

/** Distinct values in `cmp` order with 'unknown' last. */
function order(values: string[], cmp: (a: string, b: string) => number): string[] {
  const distinct = [...new Set(values)].filter((v) => v !== UNKNOWN).sort(cmp);
  return values.includes(UNKNOWN) ? [...distinct, UNKNOWN] : distinct;
}

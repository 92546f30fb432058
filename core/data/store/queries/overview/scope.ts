import { ALL_DAYS, type DayRange } from './calendar.js';

/**
 * What the Overview's panels (core/model/overview.ts) are computed over: a period, and optionally
 * the filters of the Overview's filter bar (issue #14: the filters apply to every panel the data
 * supports). Which panel takes which filter, and why not the others:
 * - period: every panel;
 * - region and segment (conditions on the customer): every panel — receipts, lines, partner uses
 *   and payments all carry their customer;
 * - retailer (a receipt's field): receipts and lines; not partner uses (a partner is not a
 *   retailer) nor L.pay payments (paid at a merchant, not on a receipt);
 * - category (a line's product): the product panels (top categories, retailer themes, price
 *   spread); the receipt panels add up whole receipts, which hold products of many categories.
 * A plain DayRange is a scope without filters, and then every condition below is empty, so the
 * unfiltered queries are exactly the ones they were.
 */
export interface PanelScope extends DayRange {
  retailer?: string;
  region?: string;
  segmentRun?: number;
  segment?: number;
  category?: string;
}

/** A SQL fragment to append to a WHERE (empty, or starting with " AND ") and its parameters. */
export interface ScopeSql {
  sql: string;
  params: unknown[];
}

const NONE: ScopeSql = { sql: '', params: [] };

/** Whether the scope has a filter besides the period. */
export function hasFilters(scope: PanelScope): boolean {
  return scope.retailer !== undefined || scope.region !== undefined || scope.segment !== undefined || scope.category !== undefined;
}

/** The scope of a plain period (every filter absent). */
export function periodScope(range: DayRange = ALL_DAYS): PanelScope {
  return { from: range.from, to: range.to };
}

/** Region and segment on a customer id column (IN lists SQLite builds once per statement). */
export function customerScope(scope: PanelScope, customerColumn: string): ScopeSql {
  const where: string[] = [];
  const params: unknown[] = [];
  if (scope.region !== undefined) {
    where.push(`${customerColumn} IN (SELECT id FROM customers WHERE region = ?)`);
    params.push(scope.region);
  }
  if (scope.segment !== undefined) {
    if (scope.segmentRun === undefined) throw new RangeError('segment needs segmentRun, got none');
    where.push(`${customerColumn} IN (SELECT customer_id FROM segment_members WHERE run_id = ? AND segment = ?)`);
    params.push(scope.segmentRun, scope.segment);
  }
  return where.length === 0 ? NONE : { sql: where.map((w) => ` AND ${w}`).join(''), params };
}

/** Retailer, region and segment on the receipts table (aliased `alias`, or unaliased with null). */
export function receiptScope(scope: PanelScope, alias: string | null = null): ScopeSql {
  const col = (c: string) => (alias === null ? c : `${alias}.${c}`);
  const retailer = scope.retailer === undefined ? NONE : { sql: ` AND ${col('retailer')} = ?`, params: [scope.retailer] };
  const customers = customerScope(scope, col('customer_id'));
  return { sql: retailer.sql + customers.sql, params: [...retailer.params, ...customers.params] };
}

/**
 * Retailer (the line's receipt's), region and segment on the lines table (aliased `alias`, or
 * unaliased with null), and the category when `withCategory` (the product panels).
 */
export function lineScope(scope: PanelScope, alias: string | null, withCategory: boolean): ScopeSql {
  const col = (c: string) => (alias === null ? c : `${alias}.${c}`);
  const parts: ScopeSql[] = [];
  if (scope.retailer !== undefined) parts.push({ sql: ` AND ${col('receipt_id')} IN (SELECT id FROM receipts WHERE retailer = ?)`, params: [scope.retailer] });
  if (withCategory && scope.category !== undefined) parts.push({ sql: ` AND ${col('product_id')} IN (SELECT id FROM products WHERE category = ?)`, params: [scope.category] });
  parts.push(customerScope(scope, col('customer_id')));
  return { sql: parts.map((p) => p.sql).join(''), params: parts.flatMap((p) => p.params) };
}

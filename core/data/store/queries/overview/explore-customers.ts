import type { OverviewSlice } from '../../../../model/overview-explore.js';
import type { Db } from '../../open.js';
import { epochDay } from '../../../import/values.js';
import { cents } from './calendar.js';
import { PURCHASE_LINE } from './purchase.js';
import { lineConditions, type SliceFilter, type SliceSource } from './slice.js';

/** One customer behind a bar: purchase receipts and net sales in the bar's part of the slice. */
export interface SliceCustomerRow {
  customer: string;
  receipts: number;
  sales: number;
}

/**
 * The customers behind one bar of a panel, over the slice `src` (sliceSource with the page's
 * filters): the bar is one more WHERE on the slice (months and weeks a day range, weekday and hour
 * their expressions, bins a half-open interval over purchase receipts, a segment its members, new
 * and returning the month and the customer's first purchase day), so a bar's customers are exactly
 * those its count was taken over. A product bar counts the receipts with a purchase line of the
 * product and sums that product's lines. Most sales first, then customer code. `segmentRun` is
 * needed for segment bars; `slice` null lists every customer of the slice. Throws RangeError on a
 * value the dimension cannot have.
 */
export function sliceCustomers(db: Db, src: SliceSource, filter: SliceFilter, slice: OverviewSlice | null, segmentRun?: number): SliceCustomerRow[] {
  if (slice?.dimension === 'product') return productCustomers(db, filter, slice.value);
  const { sql, params } = slice === null ? { sql: 'true', params: [] } : sliceCondition(slice, segmentRun);
  const rows = db.prepare(`
    SELECT c.code AS customer, x.receipts AS receipts, x.sales AS sales FROM (
      SELECT s.customer_id AS customer_id, sum(s.purchase) AS receipts, total(s.amount) AS sales FROM ${src.sql}
      WHERE s.customer_id IS NOT NULL AND ${sql} GROUP BY s.customer_id) x
    JOIN customers c ON c.id = x.customer_id ORDER BY x.sales DESC, x.receipts DESC, c.code`).all(...src.params, ...params) as SliceCustomerRow[];
  return rows.map((r) => ({ ...r, sales: cents(r.sales) }));
}

/** A product bar: the lines of the product under the filters (lineConditions), per customer. */
function productCustomers(db: Db, filter: SliceFilter, code: string): SliceCustomerRow[] {
  const { where, params } = lineConditions(filter, 'l');
  const rows = db.prepare(`
    SELECT c.code AS customer, x.receipts AS receipts, x.sales AS sales FROM (
      SELECT l.customer_id AS customer_id, count(DISTINCT CASE WHEN ${PURCHASE_LINE} THEN l.receipt_id END) AS receipts, total(l.amount) AS sales
      FROM lines l WHERE l.customer_id IS NOT NULL AND ${where} AND l.product_id = (SELECT id FROM products WHERE code = ?)
      GROUP BY l.customer_id) x
    JOIN customers c ON c.id = x.customer_id ORDER BY x.sales DESC, x.receipts DESC, c.code`).all(...params, code) as SliceCustomerRow[];
  return rows.map((r) => ({ ...r, sales: cents(r.sales) }));
}

/** The WHERE of one bar over the slice's columns; values are bound, never spliced. */
export function sliceCondition(slice: OverviewSlice, segmentRun?: number): { sql: string; params: unknown[] } {
  const v = slice.value;
  const bad = (what: string): never => {
    throw new RangeError(`value must be ${what} for a ${slice.dimension} bar, got '${v}'`);
  };
  const int = (lo: number, hi: number): number => (/^-?\d+$/.test(v) && +v >= lo && +v <= hi ? +v : bad(`an integer in ${lo}..${hi}`));
  switch (slice.dimension) {
    case 'month':
    case 'new':
    case 'returning': {
      const m = /^(\d{4})-(\d{2})$/.exec(v);
      const first = m ? epochDay(+m[1], +m[2], 1) : undefined;
      if (!m || first === undefined) return bad('a month YYYY-MM');
      const next = +m[2] === 12 ? epochDay(+m[1] + 1, 1, 1) : epochDay(+m[1], +m[2] + 1, 1);
      const range = { sql: 's.day >= ? AND s.day < ?', params: [first, next] as unknown[] };
      if (slice.dimension === 'month') return range;
      // The customer's first purchase receipt in the whole data against the month (the model's "New customer"):
      // returning = a purchase before the month; new = none before and one in it. Index probes (receipts (customer_id, day)).
      const before = 'EXISTS (SELECT 1 FROM receipts p WHERE p.customer_id = s.customer_id AND p.day < ? AND coalesce(p.amount > 0, p.quantity > 0))';
      const within = 'EXISTS (SELECT 1 FROM receipts p WHERE p.customer_id = s.customer_id AND p.day >= ? AND p.day < ? AND coalesce(p.amount > 0, p.quantity > 0))';
      return slice.dimension === 'new'
        ? { sql: `${range.sql} AND NOT ${before} AND ${within}`, params: [...range.params, first, first, next] }
        : { sql: `${range.sql} AND ${before}`, params: [...range.params, first] };
    }
    case 'week': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      const monday = m ? epochDay(+m[1], +m[2], +m[3]) : undefined;
      if (monday === undefined) return bad('a Monday YYYY-MM-DD');
      return { sql: 's.day BETWEEN ? AND ?', params: [monday, monday + 6] };
    }
    case 'weekday':
      return { sql: '((s.day + 3) % 7 + 7) % 7 = ?', params: [int(0, 6)] };
    case 'hour':
      return { sql: 's.hour = ?', params: [int(0, 23)] };
    case 'items':
    case 'amount': {
      const m = /^(-?[\d.]*):(-?[\d.]*)$/.exec(v);
      if (!m || (m[1] !== '' && !Number.isFinite(+m[1])) || (m[2] !== '' && !Number.isFinite(+m[2]))) return bad('a bin "lo:hi"');
      const col = `s.${slice.dimension}`;
      const parts = ['s.purchase'];
      const params: unknown[] = [];
      if (m[1] !== '') {
        parts.push(`${col} >= ?`);
        params.push(+m[1]);
      }
      if (m[2] !== '') {
        parts.push(`${col} < ?`);
        params.push(+m[2]);
      }
      return { sql: parts.join(' AND '), params };
    }
    case 'segment':
      if (segmentRun === undefined) throw new RangeError('segmentRun must be given for a segment bar, got none');
      return { sql: 's.customer_id IN (SELECT customer_id FROM segment_members WHERE run_id = ? AND segment = ?)', params: [segmentRun, int(-1, 1_000_000)] };
    case 'product':
      return bad('handled by productCustomers');
  }
}

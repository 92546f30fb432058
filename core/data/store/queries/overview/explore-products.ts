import type { ExploreProductRow, ExploreSegmentRow } from '../../../../model/overview-explore.js';
import type { Db } from '../../open.js';
import { cents } from './calendar.js';
import { PURCHASE_LINE } from './purchase.js';
import { blobLookup, lookupSql } from './lookup.js';
import { lineConditions, type SliceFilter, type SliceSource } from './slice.js';
import { all, withTempTable } from './temp.js';

/**
 * Net sales and receipts (with a purchase line of the product) per product under the filters,
 * read from the lines themselves (they carry day and customer, so the filters are WHEREs on them;
 * NON_PRODUCT lines left out; a category keeps its lines only). One UPSERT pass keyed by product
 * counts a product's receipts by keeping the last receipt it saw, exact when each receipt's lines
 * come together: in line-id order when `contiguous` (category-pass.ts receiptsContiguous), else
 * in receipt order through the lines (receipt_id) index.
 */
export function productTotals(db: Db, f: SliceFilter, contiguous: boolean): ExploreProductRow[] {
  const { where, params } = lineConditions(f, 'l');
  return withTempTable(db, 'overview_products', '(k INTEGER PRIMARY KEY, last INTEGER NOT NULL, receipts INTEGER NOT NULL, sales REAL NOT NULL)', () => {
    db.prepare(`INSERT INTO overview_products (k, last, receipts, sales)
      SELECT l.product_id, CASE WHEN ${PURCHASE_LINE} THEN l.receipt_id ELSE 0 END, ${PURCHASE_LINE}, coalesce(l.amount, 0)
      FROM lines l WHERE ${where} ${contiguous ? '' : 'ORDER BY l.receipt_id'}
      ON CONFLICT (k) DO UPDATE SET receipts = receipts + (excluded.last > 0 AND excluded.last <> last),
        last = CASE WHEN excluded.last > 0 THEN excluded.last ELSE last END, sales = sales + excluded.sales`).run(...params);
    return all<{ code: string; name: string | null; sales: number; receipts: number }>(db, `
      SELECT p.code AS code, p.name AS name, x.sales AS sales, x.receipts AS receipts FROM overview_products x JOIN products p ON p.id = x.k`).map((r) => ({ code: r.code, name: r.name ?? r.code, sales: cents(r.sales), receipts: r.receipts }));
  });
}

/** The first `n` rows by `key` descending, ties by product code (so the list is deterministic). */
export function topBy(rows: readonly ExploreProductRow[], key: 'sales' | 'receipts', n: number): ExploreProductRow[] {
  return [...rows].sort((a, b) => b[key] - a[key] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).slice(0, n);
}

/**
 * Customers, purchase receipts and sales of the slice per segment of `segmentRun` (customers
 * outside the run are in no segment; outliers are segment −1). Each customer's segment is a BLOB
 * lookup (lookup.ts); receipts and sales come from one UPSERT pass keyed by segment, customers from
 * a pass in customer order counting a customer when it differs from the segment's last.
 */
export function segmentTotals(db: Db, src: SliceSource, segmentRun: number, nameOf: (segment: number) => string): ExploreSegmentRow[] {
  const members = all<{ c: number; s: number }>(db, 'SELECT customer_id AS c, segment AS s FROM segment_members WHERE run_id = ?', segmentRun);
  // Stored as segment + 2 (the lookup holds non-negative values): −1 outliers → 1, not in the run → 0.
  const lookup = blobLookup(new Map(members.map((m) => [m.c, m.s + 2])));
  const seg = `${lookupSql('s.customer_id', lookup)} - 2`;
  return withTempTable(db, 'overview_segments', '(k INTEGER PRIMARY KEY, last INTEGER NOT NULL, customers INTEGER NOT NULL, receipts INTEGER NOT NULL, sales REAL NOT NULL)', () => {
    db.prepare(`INSERT INTO overview_segments (k, last, customers, receipts, sales)
      SELECT ${seg}, s.customer_id, 1, s.purchase, coalesce(s.amount, 0) FROM ${src.sql} WHERE s.customer_id IS NOT NULL ORDER BY s.customer_id
      ON CONFLICT (k) DO UPDATE SET customers = customers + (excluded.last <> last), last = excluded.last, receipts = receipts + excluded.receipts, sales = sales + excluded.sales`).run(lookup.blob, ...src.params);
    return all<{ k: number; customers: number; receipts: number; sales: number }>(db, 'SELECT k, customers, receipts, sales FROM overview_segments WHERE k >= -1 ORDER BY k').map((r) => ({
      id: r.k, name: nameOf(r.k), customers: r.customers, receipts: r.receipts, sales: cents(r.sales),
    }));
  });
}

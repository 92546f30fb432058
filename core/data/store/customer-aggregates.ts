import type { Db } from './open.js';
import { hasAmounts, purchaseTest } from './queries/customer-base.js';

/**
 * The two per-customer aggregates of migration 9 (issue #16, docs/decisions/0020), one row per
 * customer, so customerBase and the category pivots read ~30k rows on the full demo instead of
 * 1.86M receipts and 1.3M customer × category cells.
 *
 * - `customer_cells`: per customer its net line sums (`amount`, `quantity`, summed by SQLite from
 *   customer_category_sums exactly as customerLineSums did) and its category cells packed in one
 *   blob (see CELL_HEX_SQL); `category_cells` names each cell id (category, sub-category). Built only
 *   when customer_category_sums is 'exact' (whole numbers: any grouping of the cells sums to the
 *   bit what the lines sum to); otherwise both stay empty and the readers group the lines.
 * - `customer_receipt_facts`: per customer with a purchase receipt the receipt facts customerBase
 *   reads (receipts, distinct days, first/last day, per-channel counts, distinct partners, L.pay),
 *   with the purchase test of the project's monetary mode, recorded in meta
 *   'customer_receipt_facts' ('spend' | 'items') so a reader never uses facts of another mode.
 *
 * Both are rebuilt (not merged) by every import, in its transaction, and built from the existing
 * tables by migration 9 (open.ts). Distinct days are not additive, so a merge would need the days.
 */

/** The schema version that added customer_cells, category_cells and customer_receipt_facts (migration 9). */
export const CUSTOMER_AGGREGATES_VERSION = 9;

/**
 * Rebuilds customer_cells and category_cells from customer_category_sums (migration 9 on an
 * existing project; the import builds them from the lines on integer keys, see
 * core/data/import/aggregates.ts). Cell ids follow (category, sub-category) order. Returns the
 * customers written.
 */
export function rebuildCustomerCells(db: Db): number {
  db.exec('DELETE FROM customer_cells; DELETE FROM category_cells');
  const exact = (db.prepare("SELECT value FROM meta WHERE key = 'customer_category_sums'").get() as { value: string } | undefined)?.value === 'exact';
  if (!exact) return 0;
  db.exec(`INSERT INTO category_cells (id, category, category2)
    SELECT row_number() OVER (ORDER BY category, category2) - 1, category, category2 FROM (SELECT DISTINCT category, category2 FROM customer_category_sums)`);
  // The names → id lookup as a temporary keyed table (a TEMP index cannot be put on a main table).
  db.exec(`DROP TABLE IF EXISTS temp.cell_names;
    CREATE TEMP TABLE cell_names (category TEXT NOT NULL, category2 TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (category, category2)) WITHOUT ROWID;
    INSERT INTO temp.cell_names SELECT category, category2, id FROM category_cells;`);
  try {
    return insertCustomerCells(db, 'SELECT s.customer_id, c.id AS cell, s.amount, s.quantity FROM customer_category_sums s JOIN temp.cell_names c ON c.category = s.category AND c.category2 = s.category2');
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.cell_names');
  }
}

/**
 * One cell in a customer's blob, as SQL: the net amount as a big-endian 64-bit integer, then the
 * cell id as a big-endian 32-bit integer — 12 bytes, hex text that unhex() turns into bytes. The
 * amounts are whole numbers under 2^53 whenever these tables are written ('exact',
 * docs/decisions/0020), so the integer holds the double exactly. Built in SQL (printf, group_concat,
 * unhex), the blobs of the full demo's 1.3M cells cost no JS pass over the cells at import.
 */
export const CELL_HEX_SQL = "printf('%016x%08x', CAST(amount AS INTEGER), cell)";

/**
 * Writes customer_cells from `source`, a SELECT of `customer_id, cell, amount, quantity` (one row a
 * customer × cell): per customer its net sums and its cells packed in cell order. The sums are
 * SQLite's total() over the customer's cells — what customerLineSums grouped from
 * customer_category_sums before migration 9. Returns the customers written.
 */
export function insertCustomerCells(db: Db, source: string): number {
  return db
    .prepare(
      `INSERT INTO customer_cells (customer_id, amount, quantity, cells)
       SELECT customer_id, total(amount), total(quantity), unhex(group_concat(${CELL_HEX_SQL}, '' ORDER BY cell)) FROM (${source}) GROUP BY customer_id`,
    )
    .run().changes;
}

/** A customer's cells from its blob (see CELL_HEX_SQL): net amounts and cell ids, in cell order. */
export function unpackCells(blob: Uint8Array): { amounts: Float64Array; cells: Int32Array } {
  const n = blob.byteLength / 12;
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const amounts = new Float64Array(n), cells = new Int32Array(n);
  for (let i = 0, o = 0; i < n; i++, o += 12) {
    amounts[i] = view.getInt32(o) * 4294967296 + view.getUint32(o + 4); // exact below 2^53
    cells[i] = view.getInt32(o + 8);
  }
  return { amounts, cells };
}

/**
 * Rebuilds customer_receipt_facts from receipts, partner_uses and payments (one grouped scan each;
 * with the receipts (customer_id, day) index in place the receipts scan needs no sort). Returns
 * the customers written.
 */
export function rebuildCustomerReceiptFacts(db: Db): number {
  const monetary = hasAmounts(db) ? 'spend' : 'items';
  db.exec('DELETE FROM customer_receipt_facts');
  const n = db
    .prepare(
      `INSERT INTO customer_receipt_facts (customer_id, receipts, days, first_day, last_day, offline, online, partners, lpay)
       SELECT customer_id, count(*), count(DISTINCT day), min(day), max(day), sum(channel = 1), sum(channel = 2), 0, 0
       FROM receipts WHERE customer_id IS NOT NULL AND ${purchaseTest(monetary)} GROUP BY customer_id`,
    )
    .run().changes;
  db.exec(`UPDATE customer_receipt_facts SET partners = p.n
    FROM (SELECT customer_id, count(DISTINCT partner) AS n FROM partner_uses WHERE customer_id IS NOT NULL GROUP BY customer_id) AS p
    WHERE p.customer_id = customer_receipt_facts.customer_id`);
  db.exec('UPDATE customer_receipt_facts SET lpay = 1 WHERE customer_id IN (SELECT customer_id FROM payments WHERE customer_id IS NOT NULL)');
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('customer_receipt_facts', ?)").run(monetary);
  return n;
}

import { LineFlag } from '../../model/flags.js';
import { insertCustomerCells } from '../store/customer-aggregates.js';
import type { Db } from '../store/open.js';

/**
 * Keeps `customer_category_sums` (migration 7, docs/decisions/0020) equal to what it would be if
 * built from the project's lines now: net amount and quantity per customer × category ×
 * sub-category over product lines (NON_PRODUCT left out), '' for a missing category — and with it
 * the per-customer rows packed from those cells (customer_cells, category_cells: migration 9).
 *
 * Rebuilt from `lines` at the end of every import, inside its transaction, rather than merged
 * per appended line: a products file (in this import or a later one) can re-describe a product's
 * category, which moves every earlier line of that product to another cell — a rebuild is right
 * whatever the import held. It runs before the secondary indexes are rebuilt on a bulk load, so
 * SQLite reads the lines in one sequential scan (NOT INDEXED: the (customer_id, day) index made
 * the same statement read the table in random order, slower — measured in 0020).
 *
 * One grouped scan on integer keys: each product's (category, sub-category) is numbered first
 * (category_cells, in name order), so the lines are grouped by (customer, cell id) — two integers
 * for the sorter instead of two strings through a join — and the exactness test rides along in
 * the same scan instead of a scan of its own (measured in 0002/0020). The grouped cells land in a
 * temporary table in (customer, cell) order, from which the text table is filled in its key order
 * and the blobs are packed in SQL (customer-aggregates.ts: no JS pass over the cells).
 *
 * Exactness decides whether the tables are kept at all: the readers sum their cells (customer
 * totals, category totals from sub-category cells), and with fractional amounts those sums differ
 * in the last bits from SQLite's total() over the lines (measured on UCI-shaped data with
 * categories). With whole numbers whose magnitudes sum under 2^53 every partial sum is exact, so
 * both ways agree to the bit; otherwise meta says 'inexact', the tables stay empty and the readers
 * group the lines as before. Returns the rows written to customer_category_sums.
 */
export function rebuildCustomerCategorySums(db: Db): number {
  db.exec('DELETE FROM customer_category_sums; DELETE FROM customer_cells; DELETE FROM category_cells');
  db.exec('DROP TABLE IF EXISTS temp.product_cell; DROP TABLE IF EXISTS temp.customer_cell_sums');
  try {
    db.exec(`INSERT INTO category_cells (id, category, category2)
      SELECT row_number() OVER (ORDER BY c1, c2) - 1, c1, c2
      FROM (SELECT coalesce(category, '') AS c1, coalesce(category2, '') AS c2 FROM products UNION SELECT '', '')`);
    const none = (db.prepare("SELECT id FROM category_cells WHERE category = '' AND category2 = ''").get() as { id: number }).id;
    db.exec(`CREATE TEMP TABLE product_cell (product_id INTEGER PRIMARY KEY, cell INTEGER NOT NULL);
      CREATE TEMP TABLE customer_cell_sums (customer_id INTEGER NOT NULL, cell INTEGER NOT NULL, amount REAL NOT NULL, quantity REAL NOT NULL, fractional INTEGER, abs_amount REAL NOT NULL, abs_quantity REAL NOT NULL);
      INSERT INTO temp.product_cell (product_id, cell)
        SELECT p.id, c.id FROM products p JOIN category_cells c ON c.category = coalesce(p.category, '') AND c.category2 = coalesce(p.category2, '');`);
    db.exec(`INSERT INTO temp.customer_cell_sums
      SELECT l.customer_id, coalesce(pc.cell, ${none}), total(l.amount), total(l.quantity),
        max(l.amount <> CAST(l.amount AS INTEGER) OR l.quantity <> CAST(l.quantity AS INTEGER)), total(abs(l.amount)), total(abs(l.quantity))
      FROM lines l NOT INDEXED LEFT JOIN temp.product_cell pc ON pc.product_id = l.product_id
      WHERE l.customer_id IS NOT NULL AND l.flags & ${LineFlag.NON_PRODUCT} = 0
      GROUP BY 1, 2 ORDER BY 1, 2`);
    // The test of 0020 over every product line, from the groups: no fractional amount or quantity, magnitudes under 2^53.
    db.exec(`INSERT OR REPLACE INTO meta (key, value)
      SELECT 'customer_category_sums', CASE WHEN coalesce(max(fractional), 0) = 0 AND total(abs_amount) < ${2 ** 53} AND total(abs_quantity) < ${2 ** 53} THEN 'exact' ELSE 'inexact' END
      FROM temp.customer_cell_sums`);
    const exact = (db.prepare("SELECT value FROM meta WHERE key = 'customer_category_sums'").get() as { value: string }).value === 'exact';
    if (!exact) {
      db.exec('DELETE FROM category_cells');
      return 0;
    }
    // Only cells some customer's lines fall in name a pivot column (as when the cells were grouped from text).
    db.exec('DELETE FROM category_cells WHERE id NOT IN (SELECT DISTINCT cell FROM temp.customer_cell_sums)');
    const rows = db
      .prepare(
        `INSERT INTO customer_category_sums (customer_id, category, category2, amount, quantity)
         SELECT s.customer_id, c.category, c.category2, s.amount, s.quantity FROM temp.customer_cell_sums s JOIN category_cells c ON c.id = s.cell ORDER BY s.rowid`,
      )
      .run().changes;
    insertCustomerCells(db, 'SELECT customer_id, cell, amount, quantity FROM temp.customer_cell_sums');
    return rows;
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.product_cell; DROP TABLE IF EXISTS temp.customer_cell_sums');
  }
}

import { LineFlag } from '../../model/flags.js';
import type { Db } from '../store/open.js';
import { customerCategorySumsExact } from '../store/queries/customer-base.js';

/**
 * Keeps `customer_category_sums` (migration 7, docs/decisions/0020) equal to what it would be if
 * built from the project's lines now: net amount and quantity per customer × category ×
 * sub-category over product lines (NON_PRODUCT left out), '' for a missing category.
 *
 * Rebuilt from `lines` at the end of every import, inside its transaction, rather than merged
 * per appended line: a products file (in this import or a later one) can re-describe a product's
 * category, which moves every earlier line of that product to another cell — a rebuild is right
 * whatever the import held. It runs before the secondary indexes are rebuilt on a bulk load, so
 * SQLite reads the lines in one sequential scan (NOT INDEXED: the (customer_id, day) index made
 * the same statement read the table in random order, slower — measured in 0020).
 *
 * Exactness decides whether the table is kept at all: the readers sum its cells (customer totals,
 * category totals from sub-category cells), and with fractional amounts those sums differ in the
 * last bits from SQLite's total() over the lines (measured on UCI-shaped data with categories).
 * With whole numbers whose magnitudes sum under 2^53 every partial sum is exact, so both ways
 * agree to the bit; otherwise meta says 'inexact', the table stays empty and the readers group the
 * lines as before. Returns the rows written.
 */
export function rebuildCustomerCategorySums(db: Db): number {
  db.exec('DELETE FROM customer_category_sums');
  const product = `customer_id IS NOT NULL AND flags & ${LineFlag.NON_PRODUCT} = 0`;
  db.prepare(
    `INSERT OR REPLACE INTO meta (key, value)
     SELECT 'customer_category_sums', CASE WHEN coalesce(max(amount <> CAST(amount AS INTEGER) OR quantity <> CAST(quantity AS INTEGER)), 0) = 0
       AND total(abs(amount)) < ${2 ** 53} AND total(abs(quantity)) < ${2 ** 53} THEN 'exact' ELSE 'inexact' END
     FROM lines NOT INDEXED WHERE ${product}`,
  ).run();
  if (!customerCategorySumsExact(db)) return 0;
  return db
    .prepare(
      `INSERT INTO customer_category_sums (customer_id, category, category2, amount, quantity)
       SELECT l.customer_id, coalesce(p.category, ''), coalesce(p.category2, ''), total(l.amount), total(l.quantity)
       FROM lines l NOT INDEXED LEFT JOIN products p ON p.id = l.product_id
       WHERE l.customer_id IS NOT NULL AND l.flags & ${LineFlag.NON_PRODUCT} = 0
       GROUP BY 1, 2, 3`,
    )
    .run().changes;
}

import { LineFlag } from '../../../../model/flags.js';
import type { Db } from '../../open.js';
import { dayCondition } from './calendar.js';
import { blobLookup, lookupSql } from './lookup.js';
import { PURCHASE_LINE } from './purchase.js';
import { lineScope, type PanelScope } from './scope.js';
import { all, one, withTempTable } from './temp.js';

/** The grouping of a product pass: 대분류, (대분류, 중분류) pairs, or single products. */
export type ProductLevel = 'category' | 'subcategory' | 'product';

/** Net sales and receipts of one group (per retailer when asked; retailer '' is unknown). */
export interface GroupSales {
  name: string;
  /** Product code for product groups; null for categories. */
  code: string | null;
  parent: string | null;
  retailer: string | null;
  sales: number;
  /** Receipts with at least one purchase line of the group (amount > 0, or quantity > 0 when the amount is unknown). */
  receipts: number;
}

/** Whether products carry a first-level category, and a second level. */
export function categoryLevels(db: Db): { category: boolean; subcategory: boolean } {
  const r = one<{ c1: number; c2: number }>(db, 'SELECT count(category) AS c1, count(category2) AS c2 FROM products');
  return { category: r.c1 > 0, subcategory: r.c2 > 0 };
}

/**
 * Whether the lines of every receipt are contiguous in line-id order. They are unless the importer
 * merged a receipt whose lines were apart in its file (receipt ids alone do not tell: a merge that
 * removes the last receipt leaves them dense). One walk of the lines (receipt_id) index, no sort:
 * ~0.45 s on the full demo, so the job asks once for both category passes.
 */
export function receiptsContiguous(db: Db): boolean {
  return one<{ n: number }>(db, 'SELECT count(*) AS n FROM (SELECT max(id) - min(id) + 1 - count(*) AS gap FROM lines GROUP BY receipt_id) WHERE gap <> 0').n === 0;
}

/**
 * One pass over the period's lines (NON_PRODUCT lines left out) that sums net sales and counts
 * receipts per group, and per retailer of the receipt when `retailers` (the codes to tell apart;
 * any other retailer, or none, is '') is given.
 *
 * Receipts are counted without a sort: the UPSERT keeps, per group, the receipt of the last line
 * with amount > 0 it saw, and counts a line of another receipt. That is exact when each receipt's
 * lines come together: in line-id order when `contiguous` (see receiptsContiguous), else the pass
 * reads the lines in receipt order through the lines (receipt_id) index (exact, ~35 % slower).
 * Group × retailer is one integer key (group · (R + 1) + retailer index): an integer-keyed temp
 * table is ~20 % faster than a (group, retailer text) key.
 */
export function productPass(db: Db, level: ProductLevel, range: PanelScope, retailers: readonly string[] | null, contiguous: boolean): GroupSales[] {
  const groups = level === 'product' ? null : groupMap(db, level);
  const lookup = groups === null ? null : blobLookup(new Map(groups.byProduct));
  const group = lookup === null ? 'l.product_id' : lookupSql('l.product_id', lookup);
  const r = retailers ?? [];
  const width = r.length + 1;
  const days = dayCondition(range, 'l.day');
  const f = lineScope(range, 'l', true);
  const key = retailers === null ? group : `${group} * ${width} + CASE r.retailer ${r.map((_, i) => `WHEN ? THEN ${i}`).join(' ')} ELSE ${r.length} END`;
  const params = [...(lookup === null ? [] : [lookup.blob]), ...r, ...days.params, ...f.params];
  return withTempTable(db, 'overview_sales', '(k INTEGER PRIMARY KEY, last INTEGER NOT NULL, receipts INTEGER NOT NULL, sales REAL NOT NULL)', () => {
    db.prepare(`INSERT INTO overview_sales (k, last, receipts, sales)
      SELECT ${key}, CASE WHEN ${PURCHASE_LINE} THEN l.receipt_id ELSE 0 END, ${PURCHASE_LINE}, coalesce(l.amount, 0)
      FROM lines l ${retailers === null ? '' : 'JOIN receipts r ON r.id = l.receipt_id'}
      WHERE l.flags & ${LineFlag.NON_PRODUCT} = 0${days.sql}${f.sql} ${contiguous ? '' : 'ORDER BY l.receipt_id'}
      ON CONFLICT (k) DO UPDATE SET receipts = receipts + (excluded.last > 0 AND excluded.last <> last),
        last = CASE WHEN excluded.last > 0 THEN excluded.last ELSE last END, sales = sales + excluded.sales`).run(...params);
    const rows = all<{ k: number; receipts: number; sales: number }>(db, 'SELECT k, receipts, sales FROM overview_sales');
    const names = groups?.names ?? productNames(db, rows.map((x) => x.k));
    return rows.map((x) => {
      const g = retailers === null ? x.k : Math.floor(x.k / width);
      const n = names.get(g) ?? { name: String(g), code: null, parent: null };
      const retailer = retailers === null ? null : (r[x.k % width] ?? '');
      return { name: n.name, code: n.code, parent: n.parent, retailer, sales: x.sales, receipts: x.receipts };
    });
  });
}

interface GroupName {
  name: string;
  code: string | null;
  parent: string | null;
}

interface GroupMap {
  byProduct: [number, number][];
  names: Map<number, GroupName>;
}

/** Dense keys for the groups of a level; products without a category fall in '(none)'. */
function groupMap(db: Db, level: 'category' | 'subcategory'): GroupMap {
  const products = all<{ id: number; c1: string | null; c2: string | null }>(db, 'SELECT id, category AS c1, category2 AS c2 FROM products');
  const keys = new Map<string, number>();
  const names = new Map<number, GroupName>();
  const byProduct: [number, number][] = [];
  for (const p of products) {
    const name = (level === 'category' ? p.c1 : p.c2) ?? '(none)';
    const parent = level === 'category' ? null : (p.c1 ?? '(none)');
    const id = `${parent ?? ''}\u0000${name}`;
    let k = keys.get(id);
    if (k === undefined) {
      k = keys.size;
      keys.set(id, k);
      names.set(k, { name, code: null, parent });
    }
    byProduct.push([p.id, k]);
  }
  return { byProduct, names };
}

/** Display names of products (name, else code), for product-level groups. */
function productNames(db: Db, ids: number[]): Map<number, GroupName> {
  const wanted = new Set(ids);
  const out = new Map<number, GroupName>();
  for (const p of all<{ id: number; code: string; name: string | null }>(db, 'SELECT id, code, name FROM products')) {
    if (wanted.has(p.id)) out.set(p.id, { name: p.name ?? p.code, code: p.code, parent: null });
  }
  return out;
}

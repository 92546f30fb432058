import { RETAILER_LABELS, type CategoryLevel, type CategoryRow, type RetailerThemesPanel, type TopCategoriesPanel } from '../../../../model/overview.js';
import type { Db } from '../../open.js';
import { cents } from './calendar.js';
import { categoryLevels, productPass, type GroupSales } from './category-pass.js';
import { PURCHASE_RECEIPT } from './purchase.js';
import { receiptScope, type PanelScope } from './scope.js';
import { one } from './temp.js';

/** The first-level pass, shared by the top categories (summed over retailers) and the retailer themes. */
export interface FirstLevel {
  basis: 'category' | 'product';
  byRetailer: boolean;
  rows: GroupSales[];
}

/**
 * 대분류 × retailer when the data has both; products when it has no categories (then not per
 * retailer). `retailers` are the retailer codes of the period (the keys of the retailer sales
 * panel), passed in because finding them takes a scan of the receipts of its own; `contiguous`
 * comes from receiptsContiguous.
 */
export function firstLevelPass(db: Db, range: PanelScope, retailers: readonly string[], contiguous: boolean): FirstLevel {
  const basis = categoryLevels(db).category ? 'category' : 'product';
  const byRetailer = basis === 'category' && retailers.length > 0;
  return { basis, byRetailer, rows: productPass(db, basis, range, byRetailer ? retailers : null, contiguous) };
}

/** (대분류, 중분류) pairs, or null when the data has no second level. */
export function secondLevelPass(db: Db, range: PanelScope, contiguous: boolean): GroupSales[] | null {
  return categoryLevels(db).subcategory ? productPass(db, 'subcategory', range, null, contiguous) : null;
}

/** Purchase receipts of the period: the denominator of basket penetration. */
export function purchaseReceiptCount(db: Db, range: PanelScope): number {
  const f = receiptScope(range);
  return one<{ n: number }>(db, `SELECT count(*) AS n FROM receipts WHERE ${PURCHASE_RECEIPT} AND day BETWEEN ? AND ?${f.sql}`, range.from, range.to, ...f.params).n;
}

/**
 * Top categories by net sales and by receipts, at both levels. salesShare = sales / all product
 * sales of the period; receiptShare = receipts / purchase receipts (the share of baskets holding
 * the category). Summing the first level over retailers keeps receipts exact: a receipt has one retailer.
 */
export function topCategoriesPanel(first: FirstLevel, second: GroupSales[] | null, purchaseReceipts: number, topN: number): TopCategoriesPanel {
  const level1 = sumOverRetailers(first.rows);
  if (level1.length === 0) {
    const none = { bySales: [], byReceipts: [] };
    return { available: false, reason: 'No product lines in this period.', basis: first.basis, level1: none, level2: null };
  }
  return {
    available: true,
    basis: first.basis,
    level1: rank(level1, purchaseReceipts, topN),
    level2: second === null ? null : rank(second, purchaseReceipts, topN),
  };
}

/**
 * Retailer themes: per retailer, its top categories by net sales with share = sales within the
 * retailer / the retailer's product sales, overallShare = the category's share of all product
 * sales, and lift = share / overallShare (> 1: the retailer leans to the category).
 */
export function retailerThemesPanel(first: FirstLevel, topN: number): RetailerThemesPanel {
  if (first.basis !== 'category') return { available: false, reason: 'This data has no product categories.', retailers: [] };
  if (!first.byRetailer) return { available: false, reason: 'This data has no retailer (L.point cop_c) on its receipts.', retailers: [] };
  const overall = new Map(sumOverRetailers(first.rows).map((g) => [g.name, g.sales]));
  const total = [...overall.values()].reduce((s, x) => s + x, 0);
  const byRetailer = new Map<string, GroupSales[]>();
  for (const r of first.rows) {
    const list = byRetailer.get(r.retailer ?? '');
    if (list) list.push(r);
    else byRetailer.set(r.retailer ?? '', [r]);
  }
  const retailers = [...byRetailer.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b))).map(([code, rows]) => {
    const sales = rows.reduce((s, r) => s + r.sales, 0);
    const categories = [...rows].sort(bySales).slice(0, topN).map((r) => {
      const share = sales !== 0 ? r.sales / sales : 0;
      const overallShare = total !== 0 ? (overall.get(r.name) ?? 0) / total : 0;
      return { name: r.name, sales: cents(r.sales), share, overallShare, lift: overallShare !== 0 ? share / overallShare : 0 };
    });
    return { retailer: code === '' ? 'unknown' : code, label: RETAILER_LABELS[code] ?? null, sales: cents(sales), categories };
  });
  return { available: retailers.length > 0, ...(retailers.length > 0 ? {} : { reason: 'No product lines in this period.' }), retailers };
}

function sumOverRetailers(rows: readonly GroupSales[]): GroupSales[] {
  const out = new Map<string, GroupSales>();
  for (const r of rows) {
    const id = `${r.parent ?? ''}\u0000${r.name}\u0000${r.code ?? ''}`;
    const g = out.get(id);
    if (g) {
      g.sales += r.sales;
      g.receipts += r.receipts;
    } else out.set(id, { ...r, retailer: null });
  }
  return [...out.values()];
}

function rank(groups: readonly GroupSales[], purchaseReceipts: number, topN: number): CategoryLevel {
  const total = groups.reduce((s, g) => s + g.sales, 0);
  const row = (g: GroupSales): CategoryRow => ({
    name: g.name,
    code: g.code,
    parent: g.parent,
    sales: cents(g.sales),
    salesShare: total !== 0 ? g.sales / total : 0,
    receipts: g.receipts,
    receiptShare: purchaseReceipts > 0 ? g.receipts / purchaseReceipts : 0,
  });
  const byReceipts = (a: GroupSales, b: GroupSales): number => b.receipts - a.receipts || bySales(a, b);
  return { bySales: [...groups].sort(bySales).slice(0, topN).map(row), byReceipts: [...groups].sort(byReceipts).slice(0, topN).map(row) };
}

function bySales(a: GroupSales, b: GroupSales): number {
  return b.sales - a.sales || a.name.localeCompare(b.name) || (a.code ?? '').localeCompare(b.code ?? '');
}

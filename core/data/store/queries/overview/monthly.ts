import { RETAILER_LABELS, type MonthlySeriesPanel } from '../../../../model/overview.js';
import type { Db } from '../../open.js';
import { foldSeries, monthOf, monthsBetween } from './calendar.js';
import { dailyRows, keysOf, type DailyBreakdown } from './daily.js';
import type { PanelScope } from './scope.js';

/** Monthly net sales and purchase receipts per retailer (receipts.retailer, L.point cop_c A01…A06). */
export function retailerSalesPanel(db: Db, range: PanelScope): MonthlySeriesPanel {
  return monthlyPanel(db, 'receipts-by-retailer', range, 'This data has no retailer (L.point cop_c) on its receipts.');
}

/**
 * Monthly sales and uses per partner service (partner_uses.partner, L.point COP_U B01…E01); a
 * use counts as a receipt when its amount is > 0.
 */
export function partnerSalesPanel(db: Db, range: PanelScope): MonthlySeriesPanel {
  return monthlyPanel(db, 'partner-uses-by-partner', range, 'This data has no partner service uses (L.point COP_U).');
}

function monthlyPanel(db: Db, breakdown: DailyBreakdown, range: PanelScope, missing: string): MonthlySeriesPanel {
  const rows = dailyRows(db, breakdown, range);
  const keys = keysOf(rows);
  if (keys.length === 0 || (keys.length === 1 && keys[0] === '')) {
    const empty = rows.length === 0 && breakdown !== 'partner-uses-by-partner';
    return { available: false, reason: empty ? 'No receipts in this period.' : missing, periods: [], series: [] };
  }
  const periods = monthsBetween(rows[0].day, rows[rows.length - 1].day);
  const series = foldSeries(rows, periods, monthOf, keys).map((s) => ({
    key: s.key === '' ? 'unknown' : s.key,
    label: s.key === '' ? null : (RETAILER_LABELS[s.key] ?? null),
    sales: s.sales,
    receipts: s.count,
  }));
  return { available: true, periods, series };
}

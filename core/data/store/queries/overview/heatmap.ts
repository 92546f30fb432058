import type { HeatmapPanel } from '../../../../model/overview.js';
import type { Db } from '../../open.js';
import { cents } from './calendar.js';
import { PURCHASE_RECEIPT } from './purchase.js';
import { receiptScope, type PanelScope } from './scope.js';
import { all, withTempTable } from './temp.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * Purchase receipts and net sales by weekday × hour of the receipt. Weekday = (day + 3) mod 7 with
 * Monday = 0, since epoch day 0 (1970-01-01) was a Thursday. One UPSERT pass keyed by
 * weekday·24 + hour (168 keys; a GROUP BY would sort 1.9M receipts: 1.3 s against 0.35 s).
 */
export function heatmapPanel(db: Db, range: PanelScope): HeatmapPanel {
  const f = receiptScope(range);
  const cells = withTempTable(db, 'overview_heat', '(k INTEGER PRIMARY KEY, sales REAL NOT NULL, count INTEGER NOT NULL)', () => {
    db.prepare(`INSERT INTO overview_heat (k, sales, count)
      SELECT CASE WHEN hour BETWEEN 0 AND 23 THEN (((day + 3) % 7 + 7) % 7) * 24 + hour ELSE -1 END, coalesce(amount, 0), ${PURCHASE_RECEIPT}
      FROM receipts WHERE day BETWEEN ? AND ?${f.sql}
      ON CONFLICT (k) DO UPDATE SET sales = sales + excluded.sales, count = count + excluded.count`).run(range.from, range.to, ...f.params);
    return all<{ k: number; sales: number; count: number }>(db, 'SELECT k, sales, count FROM overview_heat');
  });
  const receipts = WEEKDAYS.map(() => new Array<number>(24).fill(0));
  const sales = WEEKDAYS.map(() => new Array<number>(24).fill(0));
  let receiptsWithoutHour = 0;
  for (const c of cells) {
    if (c.k < 0) {
      receiptsWithoutHour = c.count;
      continue;
    }
    receipts[Math.floor(c.k / 24)][c.k % 24] = c.count;
    sales[Math.floor(c.k / 24)][c.k % 24] = cents(c.sales);
  }
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const available = cells.some((c) => c.k >= 0);
  const reason = cells.length === 0 ? 'No receipts in this period.' : 'This data has no time of day on its receipts.';
  return { available, ...(available ? {} : { reason }), weekdays: WEEKDAYS, hours, receipts, sales, receiptsWithoutHour };
}

import type { Db } from '../../open.js';
import type { DailyRow } from './calendar.js';
import { PURCHASE_RECEIPT } from './purchase.js';
import { customerScope, receiptScope, type PanelScope } from './scope.js';
import { all, withTempTable } from './temp.js';

/** The per-day breakdowns the time panels need; a closed set, so no caller text reaches the SQL. */
export type DailyBreakdown = 'receipts-by-retailer' | 'receipts-by-channel' | 'partner-uses-by-partner';

const SOURCES: Record<DailyBreakdown, { table: string; key: string; purchase: string }> = {
  'receipts-by-retailer': { table: 'receipts', key: "coalesce(retailer, '')", purchase: PURCHASE_RECEIPT },
  'receipts-by-channel': { table: 'receipts', key: "coalesce(CASE channel WHEN 1 THEN 'offline' WHEN 2 THEN 'online' END, '')", purchase: PURCHASE_RECEIPT },
  'partner-uses-by-partner': { table: 'partner_uses', key: 'partner', purchase: 'amount > 0' },
};

/**
 * Net sales (unknown amounts count 0: the job then marks the panel's money as unknown) and
 * purchase count (see purchase.ts; partner uses: amount > 0) per (day, key) of the period; key '' is
 * "unknown". One UPSERT pass (see withTempTable): receipts are stored by customer, so their days
 * come in random order and a GROUP BY would sort all 1.9M of them.
 */
export function dailyRows(db: Db, breakdown: DailyBreakdown, range: PanelScope): DailyRow[] {
  const { table, key, purchase } = SOURCES[breakdown];
  // Partner uses have a customer but no retailer (scope.ts).
  const f = table === 'receipts' ? receiptScope(range) : customerScope(range, 'customer_id');
  return withTempTable(db, 'overview_daily', '(day INTEGER NOT NULL, key TEXT NOT NULL, sales REAL NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (day, key)) WITHOUT ROWID', () => {
    db.prepare(`INSERT INTO overview_daily (day, key, sales, count)
      SELECT day, ${key}, coalesce(amount, 0), ${purchase} FROM ${table} WHERE day BETWEEN ? AND ?${f.sql}
      ON CONFLICT (day, key) DO UPDATE SET sales = sales + excluded.sales, count = count + excluded.count`).run(range.from, range.to, ...f.params);
    return all<DailyRow>(db, 'SELECT day, key, sales, count FROM overview_daily ORDER BY day, key');
  });
}

/** Distinct keys of daily rows, '' (unknown) last. */
export function keysOf(rows: readonly DailyRow[]): string[] {
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  return keys[0] === '' ? [...keys.slice(1), ''] : keys;
}

import type { ExploreSeries } from '../../../../model/overview-explore.js';
import { isoDate } from '../../../import/values.js';
import type { Db } from '../../open.js';
import { cents, monthOf, monthsBetween, weekday, weeksBetween, weekStart } from './calendar.js';
import { blobLookup, lookupSql, type BlobLookup } from './lookup.js';
import type { SliceSource } from './slice.js';
import { all, one, withTempTable } from './temp.js';

export interface TimePanels {
  monthly: ExploreSeries;
  weekly: ExploreSeries;
  weekdays: { receipts: number[]; sales: number[] };
  /** Null when no receipt of the slice has an hour. */
  hours: { receipts: number[]; sales: number[] } | null;
  newReturning: { periods: string[]; newCustomers: number[]; returningCustomers: number[] };
  customers: number;
  /** Smallest and largest purchase amount > 0 of the slice (the basket bins' range); null without. */
  amountRange: { lo: number; hi: number } | null;
}

/**
 * Monthly and ISO-weekly sales, purchase receipts and customers, the weekday pattern (from the
 * day alone: data without a time of day has one), the hour pattern where hours exist, and new vs
 * returning customers per month, over the slice `src` (sliceSource).
 *
 * Sales and receipts: one UPSERT pass keyed by day·32 + hour slot (a few thousand keys; a GROUP
 * BY would sort every receipt), folded here into months, weeks, weekdays and hours. Customers per
 * period: a pass in customer order (the receipts (customer_id, day) index) that counts a customer
 * for a period when it differs from the last one the period saw — exact without a sort, as
 * category-pass.ts counts receipts. Months and weeks of a day, and each customer's first-purchase
 * month, are read from BLOB lookups (lookup.ts). New = the month of the customer's first purchase
 * receipt in the whole data (unfiltered).
 */
export function timePanels(db: Db, src: SliceSource): TimePanels {
  const cells = withTempTable(db, 'overview_time', '(k INTEGER PRIMARY KEY, sales REAL NOT NULL, receipts INTEGER NOT NULL, lo REAL, hi REAL)', () => {
    db.prepare(`INSERT INTO overview_time (k, sales, receipts, lo, hi)
      SELECT s.day * 32 + CASE WHEN s.hour BETWEEN 0 AND 23 THEN s.hour + 1 ELSE 0 END, coalesce(s.amount, 0), s.purchase,
        CASE WHEN s.purchase AND s.amount > 0 THEN s.amount END, CASE WHEN s.purchase AND s.amount > 0 THEN s.amount END
      FROM ${src.sql} WHERE true
      ON CONFLICT (k) DO UPDATE SET sales = sales + excluded.sales, receipts = receipts + excluded.receipts,
        lo = min(coalesce(lo, excluded.lo), coalesce(excluded.lo, lo)), hi = max(coalesce(hi, excluded.hi), coalesce(excluded.hi, hi))`).run(...src.params);
    return all<{ k: number; sales: number; receipts: number; lo: number | null; hi: number | null }>(db, 'SELECT k, sales, receipts, lo, hi FROM overview_time ORDER BY k');
  });
  const empty = (): ExploreSeries => ({ periods: [], sales: [], receipts: [], customers: [] });
  if (cells.length === 0) {
    return { monthly: empty(), weekly: empty(), weekdays: { receipts: new Array(7).fill(0), sales: new Array(7).fill(0) }, hours: null, newReturning: { periods: [], newCustomers: [], returningCustomers: [] }, customers: 0, amountRange: null };
  }
  const first = Math.floor(cells[0].k / 32), last = Math.floor(cells[cells.length - 1].k / 32);
  const months = monthsBetween(first, last), weeks = weeksBetween(first, last);
  const monthIndex = new Map(months.map((m, i) => [m, i])), weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const monthly = series(months), weekly = series(weeks);
  const wd = { receipts: new Array<number>(7).fill(0), sales: new Array<number>(7).fill(0) };
  const hours = { receipts: new Array<number>(24).fill(0), sales: new Array<number>(24).fill(0) };
  let anyHour = false, lo = Infinity, hi = -Infinity;
  for (const c of cells) {
    const day = Math.floor(c.k / 32), slot = c.k % 32;
    const m = monthIndex.get(monthOf(day)) as number, w = weekIndex.get(isoDate(weekStart(day))) as number, k = weekday(day);
    monthly.sales[m] += c.sales;
    monthly.receipts[m] += c.receipts;
    weekly.sales[w] += c.sales;
    weekly.receipts[w] += c.receipts;
    wd.sales[k] += c.sales;
    wd.receipts[k] += c.receipts;
    if (slot > 0) {
      anyHour = true;
      hours.sales[slot - 1] += c.sales;
      hours.receipts[slot - 1] += c.receipts;
    }
    if (c.lo !== null) lo = Math.min(lo, c.lo);
    if (c.hi !== null) hi = Math.max(hi, c.hi);
  }
  const dayMap = (index: (day: number) => number): BlobLookup => blobLookup(new Map(Array.from({ length: last - first + 1 }, (_, i) => [i, index(first + i)])));
  const monthOfDay = dayMap((d) => monthIndex.get(monthOf(d)) as number);
  const weekOfDay = dayMap((d) => weekIndex.get(isoDate(weekStart(d))) as number);
  const firstMonth = firstPurchaseMonths(db, first, last, monthIndex);
  const perMonth = customersPerPeriod(db, src, lookupSql(`(s.day - ${first})`, monthOfDay), [monthOfDay.blob], firstMonth);
  const perWeek = customersPerPeriod(db, src, lookupSql(`(s.day - ${first})`, weekOfDay), [weekOfDay.blob], null);
  const newCustomers = new Array<number>(months.length).fill(0);
  for (const r of perMonth) {
    monthly.customers[r.k] = r.customers;
    newCustomers[r.k] = r.fresh;
  }
  for (const r of perWeek) weekly.customers[r.k] = r.customers;
  const customers = one<{ n: number }>(db, `SELECT count(*) AS n FROM (SELECT DISTINCT s.customer_id FROM ${src.sql} WHERE s.customer_id IS NOT NULL)`, ...src.params).n;
  for (const s of [monthly, weekly, wd, hours]) s.sales = s.sales.map(cents);
  return {
    monthly,
    weekly,
    weekdays: wd,
    hours: anyHour ? hours : null,
    newReturning: { periods: months, newCustomers, returningCustomers: monthly.customers.map((c, i) => c - newCustomers[i]) },
    customers,
    amountRange: lo <= hi ? { lo, hi } : null,
  };
}

function series(periods: string[]): ExploreSeries {
  const zeros = () => new Array<number>(periods.length).fill(0);
  return { periods, sales: zeros(), receipts: zeros(), customers: zeros() };
}

/**
 * Each customer's first purchase receipt's month as a lookup customer id → month index + 1 (0:
 * before `first`, or no purchase). One UPSERT pass over the receipts keyed by customer (a few
 * thousand to tens of thousands of keys), unfiltered: filters do not make a returning customer new.
 */
function firstPurchaseMonths(db: Db, first: number, last: number, monthIndex: Map<string, number>): BlobLookup {
  const rows = withTempTable(db, 'overview_first', '(customer_id INTEGER PRIMARY KEY, day INTEGER NOT NULL)', () => {
    db.exec(`INSERT INTO overview_first (customer_id, day) SELECT customer_id, day FROM receipts WHERE customer_id IS NOT NULL AND coalesce(amount > 0, quantity > 0)
      ON CONFLICT (customer_id) DO UPDATE SET day = min(day, excluded.day)`);
    return all<{ c: number; d: number }>(db, 'SELECT customer_id AS c, day AS d FROM overview_first');
  });
  return blobLookup(new Map(rows.filter((r) => r.d >= first && r.d <= last).map((r) => [r.c, (monthIndex.get(monthOf(r.d)) as number) + 1])));
}

/**
 * Distinct customers per period (and, with `firstMonth`, how many of them had their first purchase
 * in that period): rows in customer order, counted when the customer differs from the period's last.
 */
function customersPerPeriod(db: Db, src: SliceSource, periodSql: string, periodParams: unknown[], firstMonth: BlobLookup | null): { k: number; customers: number; fresh: number }[] {
  const fresh = firstMonth === null ? '0' : `${lookupSql('s.customer_id', firstMonth)} = ${periodSql} + 1`;
  const params = [...periodParams, ...(firstMonth === null ? [] : [firstMonth.blob, ...periodParams]), ...src.params];
  return withTempTable(db, 'overview_periods', '(k INTEGER PRIMARY KEY, last INTEGER NOT NULL, customers INTEGER NOT NULL, fresh INTEGER NOT NULL)', () => {
    db.prepare(`INSERT INTO overview_periods (k, last, customers, fresh)
      SELECT ${periodSql}, s.customer_id, 1, ${fresh} FROM ${src.sql} WHERE s.customer_id IS NOT NULL ORDER BY s.customer_id
      ON CONFLICT (k) DO UPDATE SET customers = customers + (excluded.last <> last), fresh = fresh + (excluded.last <> last AND excluded.fresh), last = excluded.last`).run(...params);
    return all<{ k: number; customers: number; fresh: number }>(db, 'SELECT k, customers, fresh FROM overview_periods');
  });
}

/**
 * Purchase receipts and sales of the slice grouped by a small integer key expression: an UPSERT
 * into a temp table keyed by the group (a hash-like aggregation; GROUP BY would sort every row,
 * see temp.ts). `keySql` and `whereSql` are ours, never user text.
 */
export function groupSmall(db: Db, src: SliceSource, keySql: string, whereSql = 'true', keyParams: unknown[] = []): { k: number; receipts: number; sales: number }[] {
  return withTempTable(db, 'overview_groups', '(k INTEGER PRIMARY KEY, receipts INTEGER NOT NULL, sales REAL NOT NULL)', () => {
    db.prepare(`INSERT INTO overview_groups (k, receipts, sales) SELECT ${keySql}, s.purchase, coalesce(s.amount, 0) FROM ${src.sql} WHERE ${whereSql}
      ON CONFLICT (k) DO UPDATE SET receipts = receipts + excluded.receipts, sales = sales + excluded.sales`).run(...keyParams, ...src.params);
    return all<{ k: number; receipts: number; sales: number }>(db, 'SELECT k, receipts, sales FROM overview_groups ORDER BY k');
  });
}

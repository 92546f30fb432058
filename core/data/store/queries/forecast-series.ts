import type { ForecastBy, ForecastGrain, ForecastMeasure } from '../../../model/forecast.js';
import { WorkbenchError } from '../../../model/result.js';
import type { Db } from '../open.js';
import { dataCapabilities, missingFieldReason } from './capabilities.js';
import { PURCHASE_RECEIPT } from './overview/purchase.js';
import { withTempTable } from './overview/temp.js';

/**
 * The sales series the forecasts read (issue #12), aggregated in SQL: one value per day (or
 * Monday–Sunday week) of the data's whole day range, for the whole data, each segment of a
 * segmentation run, each retailer or each top-level product category. Days without sales are
 * zeros, never gaps, and every series spans the same range (a retailer opening late starts with
 * zeros), so series compare day by day.
 *
 * Measures, as the Overview counts them (overview/purchase.ts), so the two pages agree:
 * - amount: net sales — the sum of every receipt's (line's) amount, returns subtracting;
 * - quantity: net items, the same way;
 * - receipts: purchase receipts (a positive amount, or a positive quantity when amounts are unknown);
 * - customers: distinct customers with a purchase receipt that day (a week: that week).
 */
export interface SeriesRequest {
  by: ForecastBy;
  measure: ForecastMeasure;
  grain: ForecastGrain;
  /** by=segment: the segmentation run whose segments are the series. */
  segmentRun?: number;
}

export interface SalesSeries {
  /** Stable key: 'total', 'seg<id>', 'retailer:<code>', 'category:<name>'. */
  key: string;
  name: string;
  /** One value per period from `start` (zeros where nothing was sold). */
  values: number[];
}

export interface SalesSeriesSet {
  grain: ForecastGrain;
  /** Project day (days since 1970-01-01, UTC) of the first period; a week's first day is a Monday. */
  start: number;
  /** Periods in every series. */
  periods: number;
  /** Series in a fixed order: total; segments by id; retailers and categories by their total, largest first. */
  series: SalesSeries[];
  /** What was dropped or assumed, one sentence each (partial weeks, outliers set aside, unknown keys). */
  notes: string[];
}

/** ISO date (yyyy-mm-dd) of a project day. */
export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Weekday of a project day, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

const UNKNOWN = '(unknown)';

/** The grouping key as SQL over receipts `r` (or lines `l` joined to products `p` for categories); a closed set. */
function keySql(by: ForecastBy): { from: string; key: string } {
  switch (by) {
    case 'total':
      return { from: 'receipts r', key: "'total'" };
    case 'segment':
      return { from: 'receipts r JOIN segment_members m ON m.run_id = @run AND m.customer_id = r.customer_id', key: 'm.segment' };
    case 'retailer':
      return { from: 'receipts r', key: `coalesce(r.retailer, '${UNKNOWN}')` };
    case 'category':
      return { from: 'lines l JOIN products p ON p.id = l.product_id', key: `coalesce(nullif(p.category, ''), '${UNKNOWN}')` };
  }
}

/** The measure summed per (key, day), as SQL over the same rows; customers are counted apart (distinct). */
function valueSql(by: ForecastBy, measure: Exclude<ForecastMeasure, 'customers'>): string {
  const t = by === 'category' ? 'l' : 'r';
  switch (measure) {
    case 'amount':
      return `coalesce(${t}.amount, 0)`;
    case 'quantity':
      return `coalesce(${t}.quantity, 0)`;
    case 'receipts':
      // Lines: a receipt counts once per category, on its purchase lines (see the DISTINCT pass below).
      return by === 'category' ? '0' : `coalesce(${PURCHASE_RECEIPT.replace(/\b(amount|quantity)\b/g, 'r.$1')}, 0)`;
  }
}

/** Refuses in one sentence what the data cannot give. */
function checkData(db: Db, r: SeriesRequest): void {
  const caps = dataCapabilities(db);
  const needs: ('lines' | 'dates' | 'amounts' | 'customers' | 'products')[] = ['lines', 'dates'];
  if (r.measure === 'amount') needs.push('amounts');
  if (r.measure === 'customers' || r.by === 'segment') needs.push('customers');
  if (r.by === 'category') needs.push('products');
  const reason = missingFieldReason(caps, `forecast (measure=${r.measure}${r.by === 'total' ? '' : `, by=${r.by}`})`, needs);
  if (reason) throw new WorkbenchError('invalid-input', reason);
  if (r.by === 'retailer' && db.prepare('SELECT 1 FROM receipts WHERE retailer IS NOT NULL LIMIT 1').get() === undefined) {
    throw new WorkbenchError('invalid-input', "forecast by=retailer needs retailers (L.point's cop_c), which this project's data does not have; use by=total or by=segment.");
  }
  if (r.by === 'category' && db.prepare("SELECT 1 FROM products WHERE category IS NOT NULL AND category <> '' LIMIT 1").get() === undefined) {
    throw new WorkbenchError('invalid-input', "forecast by=category needs product categories, which this project's data does not have; use by=total.");
  }
  if (r.by === 'segment' && r.segmentRun === undefined) throw new WorkbenchError('invalid-input', 'forecast by=segment needs segmentRun (the segmentation whose segments to forecast).');
}

/** Daily values per key over [from, to]: a Map key → Float64Array(to − from + 1). */
function dailyByKey(db: Db, r: SeriesRequest, from: number, to: number): Map<string, Float64Array> {
  const { from: src, key } = keySql(r.by);
  const t = r.by === 'category' ? 'l' : 'r';
  const params = { run: r.segmentRun ?? 0, lo: from, hi: to };
  const out = new Map<string, Float64Array>();
  const put = (k: string | number, day: number, v: number) => {
    const name = String(k);
    let a = out.get(name);
    if (!a) out.set(name, (a = new Float64Array(to - from + 1)));
    a[day - from] += v;
  };
  const distinct = r.measure === 'customers' ? `${t}.customer_id` : r.measure === 'receipts' && r.by === 'category' ? 'l.receipt_id' : null;
  if (distinct !== null) {
    // Distinct (key, day, id) first through a keyed temp table (SQLite has no hash aggregation; see temp.ts), then counted.
    const purchase = r.by === 'category' ? 'coalesce(l.amount > 0, l.quantity > 0)' : PURCHASE_RECEIPT.replace(/\b(amount|quantity)\b/g, 'r.$1');
    return withTempTable(db, 'forecast_distinct', '(key TEXT NOT NULL, day INTEGER NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (key, day, id)) WITHOUT ROWID', () => {
      db.prepare(`INSERT OR IGNORE INTO forecast_distinct (key, day, id) SELECT ${key}, ${t}.day, ${distinct} FROM ${src}
        WHERE ${t}.day BETWEEN @lo AND @hi AND ${distinct} IS NOT NULL AND ${purchase}`).run(params);
      for (const [k, day, n] of db.prepare('SELECT key, day, count(*) FROM forecast_distinct GROUP BY key, day').raw().iterate() as IterableIterator<[string, number, number]>) put(k, day, n);
      return out;
    });
  }
  return withTempTable(db, 'forecast_sums', '(key TEXT NOT NULL, day INTEGER NOT NULL, v REAL NOT NULL, PRIMARY KEY (key, day)) WITHOUT ROWID', () => {
    db.prepare(`INSERT INTO forecast_sums (key, day, v) SELECT ${key}, ${t}.day, ${valueSql(r.by, r.measure as Exclude<ForecastMeasure, 'customers'>)} FROM ${src}
      WHERE ${t}.day BETWEEN @lo AND @hi ON CONFLICT (key, day) DO UPDATE SET v = v + excluded.v`).run(params);
    for (const [k, day, v] of db.prepare('SELECT key, day, v FROM forecast_sums').raw().iterate() as IterableIterator<[string, number, number]>) put(k, day, v);
    return out;
  });
}

/** Series names and order for each grouping. */
function nameSeries(db: Db, r: SeriesRequest, byKey: Map<string, Float64Array>, notes: string[]): { key: string; name: string; daily: Float64Array }[] {
  const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
  switch (r.by) {
    case 'total':
      return [{ key: 'total', name: 'total', daily: byKey.get('total') ?? new Float64Array(0) }];
    case 'segment': {
      const names = new Map(db.prepare('SELECT segment, name FROM segment_names WHERE run_id = ?').raw().all(r.segmentRun) as [number, string][]);
      const ids = (db.prepare('SELECT DISTINCT segment FROM segment_members WHERE run_id = ? ORDER BY segment').raw().all(r.segmentRun) as [number][]).map((x) => x[0]);
      if (ids.includes(-1)) notes.push('Customers the segmentation set aside (outliers, segment −1) are in no segment series.');
      return ids.filter((s) => s >= 0).map((s) => ({ key: `seg${s}`, name: names.get(s) ?? `segment ${s}`, daily: byKey.get(String(s)) ?? new Float64Array(0) }));
    }
    case 'retailer':
    case 'category': {
      const list = [...byKey].map(([k, daily]) => ({ key: `${r.by}:${k}`, name: k, daily, total: sum(daily) })).sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : 1));
      if (byKey.has(UNKNOWN)) notes.push(`Sales without a ${r.by} form the series '${UNKNOWN}'.`);
      return list;
    }
  }
}

/**
 * The series of one request over the data's day range [first day with a receipt, last day].
 * grain=week sums Monday–Sunday weeks and drops a partial first or last week (said in `notes`),
 * since a short week would read as a sales drop.
 */
export function salesSeries(db: Db, r: SeriesRequest): SalesSeriesSet {
  checkData(db, r);
  const range = db.prepare('SELECT min(day) AS lo, max(day) AS hi FROM receipts WHERE day IS NOT NULL').get() as { lo: number | null; hi: number | null };
  if (range.lo === null || range.hi === null) throw new WorkbenchError('invalid-input', 'forecast needs dated purchases, and this project has none.');
  const lo = range.lo, hi = range.hi;
  const notes: string[] = [];
  const daily = nameSeries(db, r, dailyByKey(db, r, lo, hi), notes);
  const days = hi - lo + 1;
  const filled = (a: Float64Array) => (a.length === days ? a : new Float64Array(days));
  if (r.grain === 'day') {
    return { grain: 'day', start: lo, periods: days, series: daily.map((s) => ({ key: s.key, name: s.name, values: Array.from(filled(s.daily)) })), notes };
  }
  const first = lo + ((7 - weekdayOf(lo)) % 7);
  const weeks = Math.max(0, Math.floor((hi - first + 1) / 7));
  const endNext = first + 7 * weeks;
  if (first > lo) notes.push(`Weeks run Monday–Sunday; the first partial week (${isoOfDay(lo)} to ${isoOfDay(first - 1)}, ${first - lo} days) is left out.`);
  if (endNext <= hi) notes.push(`Weeks run Monday–Sunday; the last partial week (${isoOfDay(endNext)} to ${isoOfDay(hi)}, ${hi - endNext + 1} days) is left out.`);
  const weekly = (a: Float64Array): number[] => {
    const v = filled(a);
    return Array.from({ length: weeks }, (_, w) => {
      let s = 0;
      for (let d = 0; d < 7; d++) s += v[first - lo + 7 * w + d];
      return s;
    });
  };
  // customers per week: distinct in the week, not the sum of daily counts.
  const series = r.measure === 'customers' ? weeklyCustomers(db, r, daily, first, weeks) : daily.map((s) => ({ key: s.key, name: s.name, values: weekly(s.daily) }));
  return { grain: 'week', start: first, periods: weeks, series, notes };
}

/** Distinct customers per (key, week): counted again in SQL, since a customer shopping twice in a week is one customer. */
function weeklyCustomers(db: Db, r: SeriesRequest, daily: { key: string; name: string }[], first: number, weeks: number): SalesSeries[] {
  const { from: src, key } = keySql(r.by);
  const t = r.by === 'category' ? 'l' : 'r';
  const purchase = r.by === 'category' ? 'coalesce(l.amount > 0, l.quantity > 0)' : PURCHASE_RECEIPT.replace(/\b(amount|quantity)\b/g, 'r.$1');
  const prefix = r.by === 'total' ? '' : r.by === 'segment' ? 'seg' : `${r.by}:`;
  const out = new Map(daily.map((s) => [s.key, new Array<number>(weeks).fill(0)]));
  withTempTable(db, 'forecast_weekly', '(key TEXT NOT NULL, week INTEGER NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (key, week, id)) WITHOUT ROWID', () => {
    db.prepare(`INSERT OR IGNORE INTO forecast_weekly (key, week, id) SELECT ${key}, CAST((${t}.day - @first) / 7 AS INTEGER), ${t}.customer_id FROM ${src}
      WHERE ${t}.day BETWEEN @first AND @last AND ${t}.customer_id IS NOT NULL AND ${purchase}`).run({ run: r.segmentRun ?? 0, first, last: first + 7 * weeks - 1 });
    for (const [k, w, n] of db.prepare('SELECT key, week, count(*) FROM forecast_weekly GROUP BY key, week').raw().iterate() as IterableIterator<[string, number, number]>) {
      const a = out.get(r.by === 'total' ? 'total' : `${prefix}${k}`);
      if (a) a[w] = n;
    }
  });
  return daily.map((s) => ({ key: s.key, name: s.name, values: out.get(s.key)! }));
}

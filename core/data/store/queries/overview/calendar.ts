import { isoDate } from '../../../import/values.js';

/** An inclusive range of epoch days (days since 1970-01-01) that every Overview query binds. */
export interface DayRange {
  from: number;
  to: number;
}

/** No restriction: far outside any date the importer accepts (1900–2200). */
export const ALL_DAYS: DayRange = { from: -1_000_000, to: 1_000_000 };

/**
 * The SQL condition restricting `column` to the range, with its parameters; empty for ALL_DAYS, so
 * the passes over 4M lines skip a comparison per line when no period was asked for. The column
 * name is ours, never user text.
 */
export function dayCondition(range: DayRange, column: string): { sql: string; params: number[] } {
  return range.from <= ALL_DAYS.from && range.to >= ALL_DAYS.to ? { sql: '', params: [] } : { sql: ` AND ${column} BETWEEN ? AND ?`, params: [range.from, range.to] };
}

/** Weekday with Monday = 0 … Sunday = 6; epoch day 0 (1970-01-01) was a Thursday (3). */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday that starts the ISO week of `day`, as an epoch day. */
export function weekStart(day: number): number {
  return day - weekday(day);
}

/** "YYYY-MM" of an epoch day. */
export function monthOf(day: number): string {
  return isoDate(day).slice(0, 7);
}

/** Every month from the month of `first` to the month of `last`, inclusive, as "YYYY-MM". */
export function monthsBetween(first: number, last: number): string[] {
  const [y0, m0] = monthOf(first).split('-').map(Number);
  const [y1, m1] = monthOf(last).split('-').map(Number);
  const out: string[] = [];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** Every ISO week (its Monday, "YYYY-MM-DD") from the week of `first` to the week of `last`. */
export function weeksBetween(first: number, last: number): string[] {
  const out: string[] = [];
  for (let d = weekStart(first); d <= last; d += 7) out.push(isoDate(d));
  return out;
}

/** One row of a per-day aggregate: a series key, net sales and a count. */
export interface DailyRow {
  day: number;
  key: string;
  sales: number;
  count: number;
}

/**
 * Folds per-day rows into per-period series aligned on `periods` (missing periods are 0), one
 * series per key in `keys` order. Amounts are rounded to cents once, after summing.
 */
export function foldSeries(rows: readonly DailyRow[], periods: readonly string[], periodOf: (day: number) => string, keys: readonly string[]): { key: string; sales: number[]; count: number[] }[] {
  const index = new Map(periods.map((p, i) => [p, i]));
  const series = new Map(keys.map((k) => [k, { key: k, sales: new Array<number>(periods.length).fill(0), count: new Array<number>(periods.length).fill(0) }]));
  for (const r of rows) {
    const s = series.get(r.key);
    const i = index.get(periodOf(r.day));
    if (s === undefined || i === undefined) continue;
    s.sales[i] += r.sales;
    s.count[i] += r.count;
  }
  const out = [...series.values()];
  for (const s of out) s.sales = s.sales.map(cents);
  return out;
}

/** Rounds money to cents, so float noise of long sums never reaches the UI or a test. */
export function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

/** ISO date of an epoch day, or null. */
export function isoOrNull(day: number | null): string | null {
  return day === null ? null : isoDate(day);
}

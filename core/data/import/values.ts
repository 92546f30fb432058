/**
 * Parsers for single CSV values. Each returns `undefined` for a value it cannot read, so the
 * caller can name the column and the reason in the import report.
 */
import { currencySignOf } from '../../model/currency.js';

const DAY_MS = 86_400_000;
const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days since 1970-01-01 of a calendar date, or undefined when the date does not exist (2021-02-30). */
export function epochDay(y: number, m: number, d: number): number | undefined {
  if (!(y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1)) return undefined;
  const monthDays = m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (d > monthDays) return undefined;
  // Days before year y since 1970, by the proleptic Gregorian rule (0 for 1970).
  const yy = y - 1;
  const daysBeforeYear = 365 * (y - 1970) + (Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400)) - 477;
  return daysBeforeYear + CUMULATIVE_DAYS[m - 1] + (m > 2 && isLeap(y) ? 1 : 0) + d - 1;
}

/** ISO date (YYYY-MM-DD) of an epoch day. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/** L.point `de_dt`: exactly 8 digits YYYYMMDD. */
export function parseYmd(s: string): number | undefined {
  if (s.length !== 8) return undefined;
  const y = digits(s, 0, 4), m = digits(s, 4, 6), d = digits(s, 6, 8);
  return Number.isNaN(y + m + d) ? undefined : epochDay(y, m, d);
}

/** A whole number without sign noise: "7", "-2", "17850.0" → 17850; "1.5", "", "x" → undefined. */
export function parseInteger(s: string): number | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const v = Number(t);
  return Number.isInteger(v) ? v : undefined;
}

/**
 * A decimal number. Accepts thousands separators only in the unambiguous "1,234,567.89" form and a
 * currency sign or code before or after it ("$12.00", "-$3", "12,000원", "12.00 USD": see
 * currencySignOf, which the import also uses to guess the project's currency); rejects empty
 * strings, NaN, Infinity and anything else.
 */
export function parseDecimal(s: string): number | undefined {
  let t = s.trim();
  if (t === '') return undefined;
  const c0 = t.charCodeAt(0);
  const cn = t.charCodeAt(t.length - 1);
  // Plain numbers (the hot path) start with a digit, '.' or '-' then one of those, and end with a digit or '.'.
  const starts = isNumberStart(c0) && (c0 !== 0x2d || isNumberStart(t.charCodeAt(1)));
  if (!(starts && ((cn >= 0x30 && cn <= 0x39) || cn === 0x2e))) t = stripCurrencySign(t);
  if (t.includes(',')) {
    if (!/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return undefined;
    t = t.replace(/,/g, '');
  }
  const v = Number(t);
  return Number.isFinite(v) && t !== '' ? v : undefined;
}

function isNumberStart(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d /* - */ || c === 0x2e /* . */;
}

/** "$12" → "12", "-$12" → "-12", "12,000원" → "12,000", "12.00 USD" → "12.00"; other text unchanged. */
function stripCurrencySign(t: string): string {
  const sign = currencySignOf(t);
  if (sign === undefined) return t;
  const neg = t.startsWith('-');
  const body = neg ? t.slice(1).trimStart() : t;
  const rest = body.startsWith(sign) ? body.slice(sign.length).trimStart() : body.endsWith(sign) ? body.slice(0, -sign.length).trimEnd() : body;
  return neg ? `-${rest}` : rest;
}

/** Date formats a generic transactions file may use, found by sniffing the first rows. */
export type DateFormat = 'iso' | 'ymd8' | 'mdy' | 'dmy';

export interface DateTime {
  day: number;
  /** 0–23, or null when the value has no time. */
  hour: number | null;
}

const ISO_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASH_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?)?$/;

/**
 * Parses a date or date-time in the given format. Times are read as written (local wall-clock of
 * the data); an offset suffix is accepted but not applied, as retail extracts are single-zone.
 */
export function parseDateTime(s: string, format: DateFormat): DateTime | undefined {
  const t = s.trim();
  let y: number, m: number, d: number, h: number | null = null, min = 0, sec = 0;
  if (format === 'ymd8') {
    if (t.length !== 8) return undefined;
    const day = parseYmd(t);
    return day === undefined ? undefined : { day, hour: null };
  } else if (format === 'iso') {
    const r = ISO_RE.exec(t);
    if (!r) return undefined;
    y = +r[1]; m = +r[2]; d = +r[3];
    if (r[4] !== undefined) { h = +r[4]; min = +r[5]; sec = r[6] === undefined ? 0 : +r[6]; }
  } else {
    const r = SLASH_RE.exec(t);
    if (!r) return undefined;
    [m, d] = format === 'mdy' ? [+r[1], +r[2]] : [+r[2], +r[1]];
    y = +r[3];
    if (r[4] !== undefined) {
      h = +r[4]; min = +r[5]; sec = r[6] === undefined ? 0 : +r[6];
      if (r[7] !== undefined) {
        if (h < 1 || h > 12) return undefined;
        const pm = r[7].toLowerCase() === 'pm';
        h = (h % 12) + (pm ? 12 : 0);
      }
    }
  }
  if (h !== null && (h > 23 || min > 59 || sec > 59)) return undefined;
  const day = epochDay(y, m, d);
  return day === undefined ? undefined : { day, hour: h };
}

/**
 * Guesses the date format from sample values: the format that reads the most non-empty samples
 * (at least half; a few bad rows must not hide the format of the good ones, they are reported
 * later). Between M/D and D/M, a first component above 12 decides; when nothing decides, M/D
 * (the common export default) is chosen and the caller can override.
 */
export function guessDateFormat(samples: readonly string[]): DateFormat | undefined {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0) return undefined;
  const order: DateFormat[] = ['ymd8', 'iso', 'mdy', 'dmy'];
  let best: DateFormat | undefined;
  let bestCount = 0;
  for (const f of order) {
    const count = values.filter((v) => parseDateTime(v, f) !== undefined).length;
    if (count > bestCount) [best, bestCount] = [f, count];
  }
  return bestCount * 2 >= values.length ? best : undefined;
}

/** Normalises an id written as a float by spreadsheets or pandas ("17850.0" → "17850"). */
export function normaliseId(s: string): string {
  const t = s.trim();
  const dot = t.indexOf('.');
  if (dot > 0 && /^\d+\.0+$/.test(t)) return t.slice(0, dot);
  return t;
}

const FORMAT_NAMES: Record<DateFormat, string> = { iso: 'YYYY-MM-DD', ymd8: 'YYYYMMDD', mdy: 'month first (M/D/YYYY)', dmy: 'day first (D/M/YYYY)' };

/**
 * The import note for a guessed date format. Day-first and month-first dates (dd-mm-yyyy vs
 * mm-dd-yyyy, e.g. the Kaggle Groceries file) can only be told apart by a value whose first or
 * second part is above 12: the note names the deciding value, or says nothing in the sample
 * decided (month first was assumed; a later day-first value is then rejected, never misread
 * silently as another date, unless both parts stay ≤ 12).
 */
export function describeDateFormat(format: DateFormat, samples: readonly string[]): string {
  if (format !== 'mdy' && format !== 'dmy') return `dates read as ${FORMAT_NAMES[format]}`;
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  const other: DateFormat = format === 'mdy' ? 'dmy' : 'mdy';
  const decider = values.find((v) => parseDateTime(v, format) !== undefined && parseDateTime(v, other) === undefined);
  if (decider !== undefined) return `dates read as ${FORMAT_NAMES[format]}: ${JSON.stringify(decider)} can only be read that way`;
  return `dates read as ${FORMAT_NAMES[format]}: no value in the first ${values.length} rows tells day-first from month-first, so month first was assumed; check the date range`;
}

/**
 * Turns one workbook cell into the text a CSV field of the same value would hold, so every
 * converter, validator and report after the reader is the one the CSV path uses.
 *
 * - Numbers are written with JavaScript's shortest round-trip form (`String(n)`), which
 *   `Number()` reads back to the identical double: no locale, no thousands separators, no
 *   rounding to the cell's display format (a price shown as "2.6" stays 2.55).
 * - Dates become ISO calendar text (`YYYY-MM-DD`, or `YYYY-MM-DD HH:MM:SS` when the cell has a
 *   time of day). Excel stores a date as a serial number of days with no time zone; exceljs turns
 *   it into a Date whose UTC fields are those wall-clock fields (`excelToDate`: epoch ms from the
 *   serial, no local offset), so the UTC getters give the date as written in whatever zone this
 *   process runs. A number in a date-formatted cell that exceljs left as a number (a formula's
 *   result) is converted here from the serial by the same rule.
 * - Rich text → its runs joined; formula → its cached result; hyperlink → its text; error →
 *   its code (`#N/A`), which the converters then reject like any unreadable value; boolean →
 *   TRUE/FALSE as Excel writes them in a CSV; empty → ''.
 */
export function cellText(value: unknown, dateFormatted: boolean, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return dateFormatted ? serialText(value, date1904) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value.getTime());
  if (typeof value === 'object') {
    const v = value as { richText?: { text?: string }[]; result?: unknown; formula?: string; sharedFormula?: string; text?: unknown; error?: string; sharedString?: number };
    // exceljs leaves an index when the shared-strings part was never read: fail, never import a number for a text.
    if (typeof v.sharedString === 'number') throw new Error(`text #${v.sharedString} of the shared-strings part is missing (the part was not read)`);
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) return cellText(v.result, dateFormatted, date1904);
    if (typeof v.error === 'string') return v.error;
    if ('text' in v) return cellText(v.text, dateFormatted, date1904);
  }
  return String(value);
}

/** Days between Excel's serial 0 (1899-12-30 in the 1900 system) and 1970-01-01. */
const SERIAL_EPOCH_1900 = 25569;
/** The 1904 date system (old Mac workbooks) counts from 1904-01-01: 1462 days later. */
const DATE1904_OFFSET = 1462;
const DAY_MS = 86_400_000;

/** The text of an Excel date serial (days, fraction = time of day), read as a calendar date-time. */
export function serialText(serial: number, date1904: boolean): string {
  if (!Number.isFinite(serial)) return String(serial);
  return dateText(Math.round((serial - SERIAL_EPOCH_1900 + (date1904 ? DATE1904_OFFSET : 0)) * DAY_MS));
}

/** ISO text of epoch milliseconds read in UTC (see cellText: UTC fields are the workbook's wall clock). */
function dateText(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  // Round to the second: serials carry binary fractions (12:00 is 0.5, 08:26 is 0.3513888…).
  const d = new Date(Math.round(ms / 1000) * 1000);
  const iso = d.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/**
 * Whether a number format shows a date or time (Excel's own test: after removing quoted text
 * and [bracketed] parts such as colours or locales, any of y m d h s remains). `General`, `0.00`,
 * `#,##0` are not; `yyyy-mm-dd`, `m/d/yy h:mm`, `[$-412]yyyy"년" m"월"` are.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const f = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhs]/i.test(f) && !/^general$/i.test(f.trim());
}

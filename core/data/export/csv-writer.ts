import { AtomicFile } from './atomic-file.js';

export interface CsvWriteOptions {
  /** Prefix a UTF-8 BOM so Excel opens Korean text correctly (default true; each export's own default is in core/service/exports.ts). */
  bom?: boolean;
}

/**
 * Makes a cell safe for spreadsheets: a value starting with = + - @ tab or CR would be run as a
 * formula by Excel/LibreOffice (CSV injection), so it gets a leading apostrophe. Plain negative
 * numbers are left alone: they are data, not formulas.
 */
export function neutraliseCell(value: string): string {
  if (value === '') return value;
  const c = value[0];
  if (c === '=' || c === '+' || c === '@' || c === '\t' || c === '\r' || (c === '-' && !/^-\d+(\.\d+)?$/.test(value))) return `'${value}`;
  return value;
}

/** RFC 4180 quoting: quote a field holding the delimiter, a quote or a line break. */
export function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export type Cell = string | number | boolean | null | undefined;

function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}

/** One CSV line (CRLF-terminated) with formulas neutralised and quoting as needed. */
export function csvLine(row: readonly Cell[]): string {
  return row.map((v) => quoteCell(typeof v === 'string' ? neutraliseCell(v) : cellText(v))).join(',') + '\r\n';
}

/** The same CSV as writeCsvFile, as a string (for downloads in the app). */
export function csvText(header: readonly string[], rows: Iterable<readonly Cell[]>, options: CsvWriteOptions = {}): { text: string; rows: number } {
  const parts = [(options.bom === false ? '' : '\uFEFF') + csvLine(header)];
  for (const row of rows) parts.push(csvLine(row));
  return { text: parts.join(''), rows: parts.length - 1 };
}

/**
 * Writes rows as an Excel-safe CSV (UTF-8, BOM unless `bom: false`, CRLF, neutralised formulas);
 * returns the data row count. The file is written atomically (AtomicFile): a full disk, a failed
 * query while reading the rows or a kill leaves the old file as it was, never half a file.
 */
export function writeCsvFile(file: string, header: readonly string[], rows: Iterable<readonly Cell[]>, options: CsvWriteOptions = {}): number {
  const out = new AtomicFile(file);
  try {
    let buf = (options.bom === false ? '' : '\uFEFF') + csvLine(header);
    let n = 0;
    for (const row of rows) {
      buf += csvLine(row);
      n++;
      if (buf.length > 1 << 20) {
        out.write(buf);
        buf = '';
      }
    }
    out.write(buf);
    out.commit();
    return n;
  } catch (err) {
    out.abort();
    throw err;
  }
}

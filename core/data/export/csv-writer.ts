import fs from 'node:fs';

export interface CsvWriteOptions {
  /** Prefix a UTF-8 BOM so Excel opens Korean text correctly (default true). */
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

type Cell = string | number | boolean | null | undefined;

function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}

/** Writes rows as an Excel-safe CSV (UTF-8 with BOM, CRLF, neutralised formulas); returns the row count. */
export function writeCsvFile(file: string, header: readonly string[], rows: Iterable<readonly Cell[]>, options: CsvWriteOptions = {}): number {
  const fd = fs.openSync(file, 'w');
  try {
    let buf = (options.bom === false ? '' : '\uFEFF') + header.map((h) => quoteCell(neutraliseCell(h))).join(',') + '\r\n';
    let n = 0;
    for (const row of rows) {
      buf += row.map((v) => quoteCell(typeof v === 'string' ? neutraliseCell(v) : cellText(v))).join(',') + '\r\n';
      n++;
      if (buf.length > 1 << 20) {
        fs.writeSync(fd, buf);
        buf = '';
      }
    }
    fs.writeSync(fd, buf);
    return n;
  } finally {
    fs.closeSync(fd);
  }
}

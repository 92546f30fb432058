import { open } from 'node:fs/promises';
import { readXlsxRows, XlsxSheetError } from './reader.js';

/** The head of one sheet of a workbook: what the import plans and the wizard previews from. */
export interface XlsxSniff {
  sheets: string[];
  sheet: string;
  header: string[];
  /** Up to sampleRows data rows after the header. */
  rows: string[][];
  /** Row number of the header (the first non-blank row). */
  headerLine: number;
  bytes: number;
}

/** The 4 bytes every zip archive (and so every .xlsx workbook) starts with: "PK\x03\x04". */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Whether a file is a zip archive, the container of .xlsx workbooks. Decided by content, not by
 * name, so an uploaded or renamed workbook is still read as one.
 */
export async function isZipFile(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
    const head = new Uint8Array(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && ZIP_MAGIC.every((b, i) => head[i] === b);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/**
 * Reads the header row and the first sampleRows data rows of a sheet (default: the first sheet),
 * and lists the workbook's sheets. The header is the sheet's first non-blank row, trimmed as a
 * CSV header is. Reading stops after the sample, but exceljs may have to read through the zip up
 * to the sheet (and the shared strings) first.
 */
export async function sniffXlsxFile(path: string, options: { sheet?: string; sampleRows?: number } = {}): Promise<XlsxSniff> {
  const sampleRows = options.sampleRows ?? 20;
  let header: string[] | undefined;
  let headerLine = 0;
  const rows: string[][] = [];
  const r = await readXlsxRows(path, { sheet: options.sheet }, (fields, line) => {
    if (header === undefined) {
      header = fields.map((h) => h.trim());
      headerLine = line;
      return sampleRows > 0;
    }
    rows.push(fields);
    return rows.length < sampleRows;
  });
  if (header === undefined) throw new XlsxSheetError('empty', path, `sheet ${JSON.stringify(r.sheet)} of the workbook holds no data`, r.sheets, r.sheet);
  if (header.length <= 1) throw new XlsxSheetError('not-csv', path, `sheet ${JSON.stringify(r.sheet)} has one column only (row ${headerLine}: ${JSON.stringify(header[0] ?? '')}); the first non-blank row must be the header`, r.sheets, r.sheet);
  const width = header.length;
  return { sheets: r.sheets, sheet: r.sheet, header, rows: rows.map((f) => padTo(f, width)), headerLine, bytes: r.bytes };
}

/**
 * A sheet row as a record of the header's width: a spreadsheet does not store trailing empty
 * cells, so a short row is padded with ''; a row with values past the header keeps them, and the
 * record check rejects it as it would a CSV line with extra fields.
 */
export function padTo(fields: string[], width: number): string[] {
  while (fields.length < width) fields.push('');
  return fields;
}

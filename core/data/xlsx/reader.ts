import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { PassThrough, Transform } from 'node:stream';
import type { Row } from 'exceljs';
import { CsvFileError, type CsvFileErrorReason } from '../csv/file-error.js';
import { cellText, isDateFormat } from './cell-text.js';
import { decodeUtf8AcrossChunks } from './utf8-chunks.js';
import { readWorkbookPart } from './workbook-part.js';
import { deliverEveryEntry } from './zip-entries.js';

/** Bytes per read of the workbook file, as for CSV (see core/data/csv/reader.ts). */
const CHUNK_BYTES = 256 << 10;
/** Rows between two `afterRows` calls (progress, backpressure, cancellation). */
const ROWS_PER_TICK = 4096;

/**
 * A workbook that opened but whose chosen sheet cannot be imported (missing, empty, one column):
 * carries the workbook's sheets so the wizard can offer another one.
 */
export class XlsxSheetError extends CsvFileError {
  constructor(reason: CsvFileErrorReason, file: string, detail: string, readonly sheets: string[], readonly sheet: string) {
    super(reason, file, detail);
    this.name = 'XlsxSheetError';
  }
}

export interface XlsxReadOptions {
  /** The sheet to read by name; default the first sheet of the workbook (its tab order). */
  sheet?: string;
  signal?: AbortSignal;
}

export interface XlsxReadResult {
  /** Every sheet of the workbook, in tab order. */
  sheets: string[];
  /** The sheet that was read. */
  sheet: string;
  bytes: number;
  /** Hex sha256 of the file's bytes. */
  digest: string;
}

/**
 * Called for each non-blank row of the chosen sheet, header included, with its 1-based row
 * number. `fields` is a fresh array of cell texts (see cellText), cut after the last non-empty
 * cell. Return false to stop handing rows over (a sniff): the rest is skipped, not parsed.
 */
export type XlsxRowHandler = (fields: string[], line: number) => boolean | void;

/** What exceljs's streaming reader keeps of xl/workbook.xml (not in its type declarations). */
interface WorkbookReaderInternals {
  model?: { sheets?: { name: string; id: number; state: string; rId: string }[] };
  properties?: { model?: { date1904?: boolean } };
  _parseStyles?: (entry: PassThrough) => Promise<void>;
}

function abortError(signal: AbortSignal): Error {
  const error = new Error('xlsx read aborted', { cause: signal.reason });
  error.name = 'AbortError';
  return error;
}

/** The chunk source of a worksheet reader: a parked file's stream, or the zip entry's (under our UTF-8 decoder). */
function sourceOf(ws: unknown): unknown {
  const iterator = (ws as { iterator?: { source?: unknown } }).iterator;
  return iterator !== undefined && typeof iterator === 'object' && 'source' in iterator ? iterator.source : iterator;
}

/**
 * Lets go of a worksheet without parsing it. A sheet exceljs parked in a temporary file is read
 * through a file stream: closing it frees the descriptor, and exceljs deletes the file as soon as
 * the loop moves on. (Breaking out of the loop instead would leave the parked copies of the later
 * sheets on disk until the process exits — in the long-lived browser host, one set per preview.)
 */
function release(ws: unknown): void {
  const source = sourceOf(ws) as { destroy?: () => void; on?: (event: string, f: () => void) => void } | undefined;
  if (!source || typeof source.destroy !== 'function') return;
  // exceljs deletes the parked file right away, maybe before the stream has opened it: that
  // ENOENT must not surface as an unhandled 'error' event.
  source.on?.('error', () => {});
  source.destroy();
}

/**
 * Progress in bytes of the file while a sheet is parsed. A sheet exceljs parked in a temporary
 * file is parsed after the whole zip has been read: there the share of the parked copy read so
 * far, scaled to the file, says how far along the sheet is; otherwise the bytes read of the file.
 */
function progressOf(ws: unknown, fileBytes: number, bytesRead: number): number {
  const source = sourceOf(ws) as { path?: unknown; bytesRead?: unknown } | undefined;
  if (!source || typeof source.path !== 'string' || typeof source.bytesRead !== 'number') return bytesRead;
  try {
    const parked = statSync(source.path).size;
    return parked > 0 ? Math.min(fileBytes, Math.round((fileBytes * source.bytesRead) / parked)) : bytesRead;
  } catch {
    return bytesRead;
  }
}

/** The row's cells as text, in column order, up to its last non-empty cell. */
function rowFields(row: Row, date1904: boolean): string[] {
  const fields: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const text = cellText(cell.value, isDateFormat(cell.numFmt), date1904);
    if (text === '') return;
    while (fields.length < col - 1) fields.push('');
    fields[col - 1] = text;
  });
  return fields;
}

/**
 * Streams one sheet of an .xlsx workbook with bounded memory, using exceljs's streaming reader
 * (a SAX parse of the zip entries as they arrive: rows are handed over and dropped, never held
 * as a workbook model). Shared strings are cached — the .xlsx format keeps every distinct text
 * of the workbook in one table the rows refer to by index — so memory grows with the distinct
 * texts, not with the rows. exceljs parks worksheets that come before the shared strings in the
 * zip (as Excel writes them) in a temporary file and reads them after: disk, not memory.
 *
 * The sha256 of the file's bytes is computed on the way, as the CSV reader does, so re-import
 * detection fingerprints the same bytes whichever format the file is. Fully blank rows are
 * skipped, as spreadsheets keep formatted but empty rows.
 */
export async function readXlsxRows(path: string, options: XlsxReadOptions, onRow: XlsxRowHandler, afterRows?: (bytesRead: number) => void | Promise<void>): Promise<XlsxReadResult> {
  const { signal } = options;
  if (signal?.aborted) throw abortError(signal);
  const bytes = statSync(path).size;
  const { default: ExcelJS } = await import('exceljs');
  const part = await readWorkbookPart(path);
  const hash = createHash('sha256');
  let bytesRead = 0;
  const file = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytesRead += chunk.length;
      done(null, chunk);
    },
  });
  file.on('error', (err) => counted.destroy(err));
  file.pipe(counted);
  // exceljs pipes `counted` into its zip parser: make that parser hand over every entry (see zip-entries.ts).
  deliverEveryEntry(counted);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const inner = reader as unknown as WorkbookReaderInternals;
  decodeUtf8AcrossChunks(reader);
  if (part !== undefined) {
    // Seed what the streaming pass learns late or, intermittently, never (see readWorkbookPart).
    inner.model = { sheets: part.sheets };
    inner.properties = { model: { date1904: part.date1904 } };
    if (part.styles !== undefined) {
      const styles = new PassThrough();
      styles.end(part.styles);
      await inner._parseStyles?.(styles);
    }
  }
  let sheets: string[] = [];
  let chosen: string | undefined;
  let found = false;
  let stopped = false;
  try {
    let worksheets = 0;
    for await (const ws of reader) {
      worksheets++;
      const named = ws as typeof ws & { name?: string };
      sheets = (inner.model?.sheets ?? []).map((s) => s.name);
      chosen = options.sheet ?? sheets[0] ?? named.name;
      const date1904 = inner.properties?.model?.date1904 === true;
      if (signal?.aborted) throw abortError(signal);
      if (stopped || found || named.name !== chosen) {
        // Not wanted: left unparsed (exceljs drains the zip entry, or removes the parked copy).
        release(ws);
        continue;
      }
      found = true;
      let sinceTick = 0;
      for await (const row of ws) {
        const fields = rowFields(row, date1904);
        if (fields.length > 0 && onRow(fields, row.number) === false) {
          stopped = true;
          break;
        }
        if (++sinceTick >= ROWS_PER_TICK) {
          sinceTick = 0;
          if (signal?.aborted) throw abortError(signal);
          await afterRows?.(progressOf(ws, bytes, bytesRead));
        }
      }
      if (stopped) {
        // The rest of the sheet is not parsed; the loop goes on so exceljs cleans up after itself.
        release(ws);
        continue;
      }
      if (signal?.aborted) throw abortError(signal);
      await afterRows?.(bytesRead);
    }
    if (worksheets === 0) throw new CsvFileError('not-csv', path, 'a ZIP archive without any worksheet: not an .xlsx workbook');
  } catch (err) {
    if (err instanceof CsvFileError || (err as Error).name === 'AbortError') throw err;
    throw new CsvFileError('unreadable', path, `cannot read the workbook (${(err as Error).message})`, { cause: err });
  } finally {
    file.destroy();
    counted.destroy();
  }
  if (!found) {
    const list = sheets.map((s) => JSON.stringify(s)).join(', ');
    throw new XlsxSheetError('not-csv', path, options.sheet === undefined ? 'the workbook has no sheet' : `no sheet ${JSON.stringify(options.sheet)} in the workbook (sheets: ${list})`, sheets, options.sheet ?? '');
  }
  // The zip reader stops at the central directory; hash the rest of the bytes it left unread.
  if (bytesRead < bytes) {
    for await (const chunk of createReadStream(path, { start: bytesRead, highWaterMark: CHUNK_BYTES })) hash.update(chunk as Buffer);
  }
  return { sheets, sheet: chosen as string, bytes, digest: hash.digest('hex') };
}

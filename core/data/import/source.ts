import type { ImportOptions } from '../../model/import.js';
import { CsvFileError, openCsvStream, sniffCsvFile, type CsvSniff, type CsvStream } from '../csv/index.js';
import { isZipFile } from '../xlsx/index.js';
import { openBasketRecords, sniffBaskets, type BasketsSniff } from './baskets-reader.js';
import { openWhitespaceRecords, sniffWhitespace, type WhitespaceSniff } from './whitespace-reader.js';
import { openXlsxRecords, sniffXlsxSource, type XlsxSourceSniff } from './xlsx-source.js';

/**
 * What the importer learnt of a file before reading it: a CSV sniff, or the same shape for an
 * .xlsx sheet or a basket file, tagged with its kind so the records come from the right reader.
 */
export type SourceSniff = (CsvSniff & { kind?: 'csv' }) | XlsxSourceSniff | BasketsSniff | WhitespaceSniff;

/** The records of a file, handed over one at a time as CsvStream.each does. */
export type RecordStream = Pick<CsvStream, 'each' | 'digest'>;

/**
 * Sniffs a file by what it is: a zip archive is an .xlsx workbook (by content, whatever its
 * name; `sheet` picks the sheet), `format: 'baskets'` reads a basket file (only when asked: a
 * basket file is a CSV without a header, which no detector can tell apart reliably), anything
 * else is CSV.
 */
export async function sniffSource(path: string, options: Pick<ImportOptions, 'encoding' | 'format'> & { sheet?: string }, sampleRows: number): Promise<SourceSniff> {
  if (await isZipFile(path)) {
    if (options.format === 'baskets') throw new CsvFileError('not-csv', path, 'the basket format reads text files (one basket per line); save the sheet as CSV first');
    return sniffXlsxSource(path, options.sheet, sampleRows);
  }
  if (options.format === 'baskets') return sniffBaskets(path, { encoding: options.encoding, sampleRows });
  try {
    return await sniffCsvFile(path, { encoding: options.encoding, sampleRows });
  } catch (err) {
    // No CSV delimiter splits the lines: perhaps a whitespace-aligned table (CDNOW, issue #10).
    if (!(err instanceof CsvFileError) || err.reason !== 'not-csv') throw err;
    const table = await sniffWhitespace(path, { encoding: options.encoding, sampleRows });
    if (table === undefined) throw err;
    return table;
  }
}

/** Opens the record stream of a sniffed file (see SourceSniff). */
export function openSource(path: string, sniff: SourceSniff, signal: AbortSignal | undefined): RecordStream {
  if (sniff.kind === 'xlsx') return openXlsxRecords(path, sniff, signal);
  if (sniff.kind === 'baskets') return openBasketRecords(path, sniff.encoding.encoding, signal);
  if (sniff.kind === 'whitespace') return openWhitespaceRecords(path, sniff, signal);
  return openCsvStream(path, { encoding: sniff.encoding.encoding, delimiter: sniff.delimiter, signal });
}

/** How the import report and the imports table describe the file's text: encoding, delimiter, sheet. */
export function describeSource(sniff: SourceSniff): { encoding: string; label: string; delimiter: string; sheet?: string } {
  if (sniff.kind === 'xlsx') return { encoding: 'xlsx', label: 'xlsx', delimiter: '', sheet: sniff.sheet };
  const e = sniff.encoding;
  return { encoding: e.encoding, label: e.encoding + (e.bom ? '+bom' : ''), delimiter: sniff.kind === 'whitespace' ? 'whitespace' : sniff.delimiter };
}

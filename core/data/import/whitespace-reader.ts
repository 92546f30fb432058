import { open } from 'node:fs/promises';
import { createDecoder, detectEncoding, type EncodingChoice } from '../csv/encoding.js';
import type { CsvSniff } from '../csv/sniff.js';
import { openLineRecords, type LineRecords } from './text-lines.js';
import { parseDecimal } from './values.js';

/**
 * Whitespace-aligned text tables, as statistics packages and old extracts write them — CDNOW's
 * `CDNOW_sample.txt`: ` 00004 0001 19970101  2   29.33`, five columns, no header, CRLF. Fields
 * are separated by runs of spaces or tabs (leading and trailing blanks ignored); no quoting. Only
 * tried when no CSV delimiter splits the file (see source.ts), so every CSV reads as before.
 *
 * A header is recognised when no field of the first line is a number while the second line has
 * one; otherwise the columns are named `column1…columnN` (`--map customer=column1,date=column3`).
 */
export interface WhitespaceSniff extends CsvSniff {
  kind: 'whitespace';
  /** Whether the first line was a header (else it is the first data row). */
  hasHeader: boolean;
}

const SAMPLE_BYTES = 65536;

export function splitWhitespace(line: string): string[] {
  const t = line.trim();
  return t === '' ? [] : t.split(/[ \t]+/);
}

/** Lines of the decoded sample (LF, CRLF or CR), the last one dropped unless the sample is the whole file. */
function sampleLines(text: string, complete: boolean): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (!complete) lines.pop();
  return lines;
}

/**
 * Reads the head of a file as a whitespace table, or returns undefined when it does not look like
 * one: at least 2 columns, ≥ 90 % of the sampled non-blank lines with the most common field count,
 * and a number in at least one column of most data rows (prose splits on spaces too, but has no
 * numeric columns).
 */
export async function sniffWhitespace(path: string, options: { encoding?: EncodingChoice; sampleRows?: number } = {}): Promise<WhitespaceSniff | undefined> {
  const handle = await open(path, 'r');
  let sample: Uint8Array, size: number;
  try {
    size = (await handle.stat()).size;
    sample = new Uint8Array(Math.min(size, SAMPLE_BYTES));
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    sample = sample.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const encoding = !options.encoding || options.encoding === 'auto' ? detectEncoding(sample) : { encoding: options.encoding, bom: false, reason: 'chosen by the user' };
  const decoder = createDecoder(encoding.encoding);
  const complete = sample.length >= size;
  const text = decoder.decode(sample) + (complete ? decoder.end() : '');
  const records = sampleLines(text, complete).map(splitWhitespace).filter((r) => r.length > 0);
  if (records.length < 2) return undefined;
  const tally = new Map<number, number>();
  for (const r of records) tally.set(r.length, (tally.get(r.length) ?? 0) + 1);
  const [width, matching] = [...tally].reduce((a, b) => (b[1] > a[1] ? b : a));
  if (width < 2 || matching < 0.9 * records.length) return undefined;
  const isNumber = (s: string): boolean => parseDecimal(s) !== undefined;
  const hasHeader = !records[0].some(isNumber) && records[1].some(isNumber);
  const data = hasHeader ? records.slice(1) : records;
  if (data.filter((r) => r.some(isNumber)).length < 0.9 * data.length) return undefined;
  const header = hasHeader ? records[0] : Array.from({ length: width }, (_, i) => `column${i + 1}`);
  const lineEnding = /\r\n/.test(text) ? 'crlf' : /\r/.test(text) ? 'cr' : 'lf';
  return { kind: 'whitespace', hasHeader, encoding, delimiter: ',', header, rows: data.slice(0, options.sampleRows ?? 20), lineEnding, bytes: size };
}

/**
 * Streams the records of a whitespace table (one per non-blank line after the header, with its
 * physical line number) and the sha256 of the file's bytes, as CsvStream.each does for CSV.
 */
export function openWhitespaceRecords(path: string, sniff: WhitespaceSniff, signal: AbortSignal | undefined): LineRecords {
  return openLineRecords(path, sniff.encoding.encoding, signal, (text, line) => {
    if (line === 1 && sniff.hasHeader) return null;
    const fields = splitWhitespace(text);
    return fields.length > 0 ? fields : null;
  });
}

import { open } from 'node:fs/promises';
import { binaryReason } from './binary.js';
import { guessDelimiter, type Delimiter, type DelimiterFit } from './delimiter.js';
import { createDecoder, detectEncoding, type EncodingChoice, type EncodingGuess } from './encoding.js';
import { CsvFileError } from './file-error.js';

export { CsvFileError, type CsvFileErrorReason } from './file-error.js';
export type { Delimiter } from './delimiter.js';

export interface CsvSniff {
  encoding: EncodingGuess;
  delimiter: Delimiter;
  header: string[];
  /** Up to sampleRows data rows after the header. */
  rows: string[][];
  lineEnding: 'lf' | 'crlf' | 'cr';
  /** File size in bytes. */
  bytes: number;
}

export interface SniffOptions {
  /** 'auto' (default) guesses from the sample; a name forces it. */
  encoding?: EncodingChoice;
  /**
   * Bytes first read from the head of the file. Default 65536. When they do not hold the header
   * and min(sampleRows, 20) whole records, the sample grows (×4 each time) until they do, the file
   * ends, a syntax error makes more bytes useless, or it reaches 64 MiB: a record is read whole,
   * whatever its size (issue #15 §5).
   */
  sampleBytes?: number;
  /** Data rows returned after the header. Default 20. */
  sampleRows?: number;
  /** Accept a file that no delimiter splits (a list of ids). Default false. */
  allowSingleColumn?: boolean;
}


async function readHead(path: string, sampleBytes: number): Promise<{ sample: Uint8Array; size: number }> {
  let handle;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    const buffer = new Uint8Array(Math.min(size, sampleBytes));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { sample: buffer.subarray(0, filled), size };
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new CsvFileError('unreadable', path, `cannot read the file (${why})`, { cause });
  } finally {
    await handle?.close();
  }
}

/** The first line break outside quotes decides; a file of one line without a break says 'lf'. */
function detectLineEnding(text: string): CsvSniff['lineEnding'] {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && c === 10) return 'lf';
    else if (!quoted && c === 13) return text.charCodeAt(i + 1) === 10 ? 'crlf' : 'cr';
  }
  return 'lf';
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/**
 * Looks at the head of a file before an import so the analyst can confirm encoding, delimiter
 * and column mapping on real rows, and so hopeless files (empty, binary, one column) are refused
 * with one sentence instead of a row-by-row error flood. Reads sampleBytes, more when they do
 * not hold enough whole records (see SniffOptions.sampleBytes); when the file is longer than the
 * sample, the last (probably cut) record of the sample is ignored.
 */
/** Whole data records the sample should hold besides the header before it stops growing. */
const WANTED_ROWS = 20;
/** The sample never grows past this: records this long are not what a CSV import is for. */
const MAX_SAMPLE_BYTES = 64 << 20;

export async function sniffCsvFile(path: string, options: SniffOptions = {}): Promise<CsvSniff> {
  const o = {
    encoding: options.encoding ?? 'auto',
    sampleBytes: options.sampleBytes ?? 65536,
    sampleRows: options.sampleRows ?? 20,
    allowSingleColumn: options.allowSingleColumn ?? false,
  };
  if (!Number.isInteger(o.sampleBytes) || o.sampleBytes < 1) throw new RangeError(`sampleBytes must be a positive integer, got ${o.sampleBytes}`);
  if (!Number.isInteger(o.sampleRows) || o.sampleRows < 0) throw new RangeError(`sampleRows must be a non-negative integer, got ${o.sampleRows}`);

  let sampleBytes = o.sampleBytes;
  for (;;) {
    const { sample, size } = await readHead(path, sampleBytes);
    const complete = sample.length >= size;
    if (size === 0) throw new CsvFileError('empty', path, 'the file is empty (0 bytes)');
    const binary = binaryReason(sample);
    if (binary !== undefined) throw new CsvFileError('binary', path, binary);

    const encoding: EncodingGuess =
      o.encoding === 'auto' ? detectEncoding(sample) : { encoding: o.encoding, bom: hasUtf8Bom(sample), reason: 'chosen by the user' };
    const decoder = createDecoder(encoding.encoding);
    let text = decoder.decode(sample);
    if (complete) text += decoder.end();
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') {
      if (complete) throw new CsvFileError('empty', path, 'the file holds no data (only a byte order mark or blank space)');
      throw new CsvFileError('not-csv', path, `the first ${sample.length} bytes are blank space`);
    }

    const fit = guessDelimiter(text, complete);
    const enough = fit.records.length >= 1 + Math.min(o.sampleRows, WANTED_ROWS);
    if (complete || enough || fit.stopped || sampleBytes >= MAX_SAMPLE_BYTES) return sniffResult(path, o, { sample, size, encoding, text, fit });
    sampleBytes = Math.min(sampleBytes * 4, MAX_SAMPLE_BYTES);
  }
}

function sniffResult(
  path: string,
  o: { sampleRows: number; allowSingleColumn: boolean },
  { sample, size, encoding, text, fit }: { sample: Uint8Array; size: number; encoding: EncodingGuess; text: string; fit: DelimiterFit },
): CsvSniff {
  if (fit.records.length === 0) {
    throw new CsvFileError('not-csv', path, `no complete CSV record in the first ${sample.length} bytes (an unbalanced quote?)`);
  }
  if (fit.fieldCount <= 1 && !o.allowSingleColumn) {
    throw new CsvFileError('not-csv', path, 'no delimiter (comma, semicolon, tab or |) splits the lines into more than one column');
  }
  const { delimiter } = fit;
  const [first, ...data] = fit.records;
  const header = first.map((h) => h.trim());
  if (header.length > 0 && header[0].charCodeAt(0) === 0xfeff) header[0] = header[0].slice(1).trim();
  return {
    encoding,
    delimiter,
    header,
    rows: data.slice(0, o.sampleRows),
    lineEnding: detectLineEnding(text),
    bytes: size,
  };
}

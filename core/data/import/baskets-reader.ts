import { open } from 'node:fs/promises';
import { binaryReason } from '../csv/binary.js';
import { createDecoder, detectEncoding, type EncodingChoice, type EncodingGuess, type EncodingName } from '../csv/encoding.js';
import { CsvFileError } from '../csv/file-error.js';
import type { CsvSniff } from '../csv/sniff.js';
import { LineSplitter, openLineRecords, type LineRecords } from './text-lines.js';

/**
 * The basket format of arules (`read.transactions(format = "basket", sep = ",")`) and Orange:
 * one basket per line, its items separated by commas, no header, no quoting. Blank lines hold no
 * basket and are skipped; items are trimmed; an empty item (",,") is dropped.
 */
export interface BasketsSniff extends CsvSniff {
  kind: 'baskets';
}

const SAMPLE_BYTES = 65536;

/** The items of one line: split on commas, trimmed, empty ones dropped (duplicates kept: the plan reports them). */
export function splitBasket(line: string): string[] {
  const items: string[] = [];
  for (const raw of line.split(',')) {
    const item = raw.trim();
    if (item !== '') items.push(item);
  }
  return items;
}

/**
 * Reads the head of a basket file: its encoding (guessed as for CSV) and the first baskets. The
 * header is empty (a basket file has none); `rows` are the first baskets' items.
 */
export async function sniffBaskets(path: string, options: { encoding?: EncodingChoice; sampleRows?: number } = {}): Promise<BasketsSniff> {
  const sampleRows = options.sampleRows ?? 20;
  let handle;
  let sample: Uint8Array, size: number;
  try {
    handle = await open(path, 'r');
    size = (await handle.stat()).size;
    sample = new Uint8Array(Math.min(size, SAMPLE_BYTES));
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    sample = sample.subarray(0, bytesRead);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') throw cause;
    throw new CsvFileError('unreadable', path, `cannot read the file (${(cause as Error).message})`, { cause });
  } finally {
    await handle?.close();
  }
  if (size === 0) throw new CsvFileError('empty', path, 'the file is empty (0 bytes)');
  const binary = binaryReason(sample);
  if (binary !== undefined) throw new CsvFileError('binary', path, binary);
  const encoding: EncodingGuess = !options.encoding || options.encoding === 'auto' ? detectEncoding(sample) : { encoding: options.encoding, bom: false, reason: 'chosen by the user' };
  const decoder = createDecoder(encoding.encoding);
  const text = decoder.decode(sample) + (sample.length >= size ? decoder.end() : '');
  const rows: string[][] = [];
  const lines = new LineSplitter((t) => {
    const items = splitBasket(t);
    if (items.length > 0 && rows.length < sampleRows) rows.push(items);
  });
  lines.push(text);
  if (sample.length >= size) lines.end();
  if (rows.length === 0) throw new CsvFileError('empty', path, `no basket (no line with an item) in the first ${sample.length} bytes`);
  return { kind: 'baskets', encoding, delimiter: ',', header: [], rows, lineEnding: 'lf', bytes: size };
}

/**
 * Streams the baskets of a file as records (one per non-blank line, its items as fields, its
 * physical line number), with the sha256 of the bytes, as CsvStream.each does for CSV.
 */
export function openBasketRecords(path: string, encoding: EncodingName, signal: AbortSignal | undefined): LineRecords {
  return openLineRecords(path, encoding, signal, (text) => {
    const items = splitBasket(text);
    return items.length > 0 || text.trim() !== '' ? items : null;
  });
}

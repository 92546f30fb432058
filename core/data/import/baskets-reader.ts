import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { binaryReason } from '../csv/binary.js';
import { createDecoder, detectEncoding, type EncodingChoice, type EncodingGuess, type EncodingName } from '../csv/encoding.js';
import { CsvFileError } from '../csv/file-error.js';
import type { CsvRecordHandler } from '../csv/reader.js';
import type { CsvSniff } from '../csv/sniff.js';

/**
 * The basket format of arules (`read.transactions(format = "basket", sep = ",")`) and Orange:
 * one basket per line, its items separated by commas, no header, no quoting. Blank lines hold no
 * basket and are skipped; items are trimmed; an empty item (",,") is dropped.
 */
export interface BasketsSniff extends CsvSniff {
  kind: 'baskets';
}

const CHUNK_BYTES = 256 << 10;
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
 * Calls `onLine` for each physical line of decoded text (1-based numbers), across chunks: a
 * line cut by a chunk boundary is carried over. Handles LF, CRLF and lone CR.
 */
class LineSplitter {
  private carry = '';
  private line = 0;
  private lastWasCr = false;
  constructor(private readonly onLine: (text: string, line: number) => void) {}

  push(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 && this.lastWasCr && i === start && this.carry === '') {
        // The LF of a CRLF whose CR ended the previous chunk.
        start = i + 1;
        this.lastWasCr = false;
        continue;
      }
      this.lastWasCr = false;
      if (c === 10 || c === 13) {
        this.emit(this.carry + text.slice(start, i));
        this.carry = '';
        if (c === 13) {
          if (i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
          else if (i + 1 === text.length) this.lastWasCr = true;
        }
        start = i + 1;
      }
    }
    this.carry += text.slice(start);
  }

  end(): void {
    if (this.carry !== '') this.emit(this.carry);
    this.carry = '';
  }

  private emit(text: string): void {
    this.line++;
    if (this.line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.onLine(text, this.line);
  }
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
export function openBasketRecords(path: string, encoding: EncodingName, signal: AbortSignal | undefined): { each(onRecord: CsvRecordHandler, afterChunk?: (bytesRead: number) => void | Promise<void>): Promise<void>; digest(): string } {
  const hash = createHash('sha256');
  let hex: string | undefined;
  return {
    async each(onRecord, afterChunk) {
      const decoder = createDecoder(encoding);
      let dirty = false, lastDirty = false;
      const lines = new LineSplitter((text, line) => {
        const items = splitBasket(text);
        if (items.length > 0 || text.trim() !== '') onRecord(items, line, dirty);
      });
      let bytesRead = 0;
      const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          if (signal?.aborted) throw Object.assign(new Error('baskets read aborted'), { name: 'AbortError' });
          hash.update(chunk);
          bytesRead += chunk.length;
          const text = decoder.decode(chunk);
          // A line may start in the previous chunk: it is suspect when either held NUL or U+FFFD.
          const now = text.includes('\u0000') || text.includes('\uFFFD');
          dirty = now || lastDirty;
          lastDirty = now;
          lines.push(text);
          await afterChunk?.(bytesRead);
        }
      } finally {
        stream.destroy();
      }
      // A character cut by the end of the file (a lone lead byte) becomes U+FFFD only here.
      const tail = decoder.end();
      dirty ||= tail.includes('\uFFFD');
      lines.push(tail);
      lines.end();
      hex = hash.digest('hex');
    },
    digest() {
      if (hex === undefined) throw new Error('the digest is available only after the file has been read to the end');
      return hex;
    },
  };
}

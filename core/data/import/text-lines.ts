import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createDecoder, type EncodingName } from '../csv/encoding.js';
import type { CsvRecordHandler } from '../csv/reader.js';

const CHUNK_BYTES = 256 << 10;

/**
 * Calls `onLine` for each physical line of decoded text (1-based numbers), across chunks: a
 * line cut by a chunk boundary is carried over. Handles LF, CRLF and lone CR.
 */
export class LineSplitter {
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
 * Reads a text file line by line for the line-based readers (basket files, whitespace tables):
 * 256 KiB chunks, the sha256 of the bytes, decoding in `encoding`, and `onLine(text, line, dirty)`
 * for each physical line, where `dirty` says the line may hold an invalid sequence (U+FFFD) or NUL:
 * its chunk or the previous one (where the line may have started) held one. Returns the digest.
 */
export async function streamLines(
  path: string,
  encoding: EncodingName,
  signal: AbortSignal | undefined,
  onLine: (text: string, line: number, dirty: boolean) => void,
  afterChunk?: (bytesRead: number) => void | Promise<void>,
): Promise<string> {
  const hash = createHash('sha256');
  const decoder = createDecoder(encoding);
  let dirty = false, lastDirty = false, bytesRead = 0;
  const lines = new LineSplitter((text, line) => onLine(text, line, dirty));
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw Object.assign(new Error('read aborted'), { name: 'AbortError' });
      hash.update(chunk);
      bytesRead += chunk.length;
      const text = decoder.decode(chunk);
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
  return hash.digest('hex');
}

/** A line-based file as the importer reads a CSV stream: `each` hands over the records, then `digest` is the file's sha256. */
export interface LineRecords {
  each(onRecord: CsvRecordHandler, afterChunk?: (bytesRead: number) => void | Promise<void>): Promise<void>;
  digest(): string;
}

/**
 * The records of a line-based file: `fieldsOf` turns a physical line into its fields, or null for
 * a line that holds no record (a header, a blank line).
 */
export function openLineRecords(path: string, encoding: EncodingName, signal: AbortSignal | undefined, fieldsOf: (text: string, line: number) => string[] | null): LineRecords {
  let hex: string | undefined;
  return {
    async each(onRecord, afterChunk) {
      hex = await streamLines(path, encoding, signal, (text, line, dirty) => {
        const fields = fieldsOf(text, line);
        if (fields !== null) onRecord(fields, line, dirty);
      }, afterChunk);
    },
    digest() {
      if (hex === undefined) throw new Error('the digest is available only after the file has been read to the end');
      return hex;
    },
  };
}

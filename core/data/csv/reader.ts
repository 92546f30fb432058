import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createDecoder, type EncodingName } from './encoding.js';
import { CsvParser, CsvSyntaxError, type CsvSkippedLine } from './parser.js';
import type { Delimiter } from './delimiter.js';

export interface CsvBatch {
  records: string[][];
  /** Physical start line of each record (1-based; the header is line 1). */
  lines: Int32Array;
  /** Cumulative bytes of the file consumed so far. */
  bytesRead: number;
  /**
   * False when no text the batch's records were cut from holds a NUL or U+FFFD (a byte invalid in
   * the encoding): callers may then skip checking every field (a native indexOf per chunk
   * instead of two per field).
   */
  suspect: boolean;
}

/** Called for each record in `each` mode; `fields` is reused for the next record: copy what you keep. */
export type CsvRecordHandler = (fields: string[], line: number, suspect: boolean) => void;

export interface CsvStream {
  batches: AsyncIterable<CsvBatch>;
  /**
   * The garbage-free way through a big file: each record is handed over synchronously, in one
   * reused array, and dies young (no record survives a young-generation collection, unlike
   * records waiting in a batch). `afterChunk` runs after every chunk (256 KiB) and may be awaited
   * (backpressure). Use either `each` or `batches`, once.
   *
   * With `onSkip`, a syntax error does not end the reading: the parser resynchronises on the next
   * line that reads as a record of the header's field count and hands each skipped line to
   * `onSkip` (issue #15 §3); `each` rejects with a CsvSyntaxError only when no such line follows
   * (or the header itself is broken). Without it, the first syntax error ends the records.
   */
  each(onRecord: CsvRecordHandler, afterChunk?: (bytesRead: number) => void | Promise<void>, onSkip?: (skipped: CsvSkippedLine) => void): Promise<void>;
  bytesTotal: number;
  /** Hex sha256 of all bytes of the file, available after the file has been read to the end. */
  digest(): string;
}

export interface CsvStreamOptions {
  encoding: EncodingName;
  delimiter: Delimiter;
  batchSize?: number;
  signal?: AbortSignal;
  maxFieldLength?: number;
}

/**
 * Bytes per read. 256 KiB keeps every buffer of the import small (the raw chunk, its decoded text,
 * the records cut from it): measured on the full demo, peak memory 260–310 MB with 1 MiB reads,
 * 218–222 MB with 256 KiB, at the same speed.
 */
const CHUNK_BYTES = 256 << 10;
/**
 * Records per batch. Every record of an unfinished batch survives V8's young-generation
 * collections and is copied (then promoted) instead of dying young, so throughput falls with
 * batch size: measured end to end, 4096 gives ~2.3M rows/s, 16384 ~1.3M rows/s (scavenge time
 * ×10). See docs/decisions/csv-parser.md.
 */
const DEFAULT_BATCH = 4096;

function abortError(signal: AbortSignal): Error {
  const error = new Error('CSV read aborted', { cause: signal.reason });
  error.name = 'AbortError';
  return error;
}

/**
 * Streams a CSV file with constant memory (256 KiB reads): decode, parse, and hand out batches of
 * records so the caller can insert each batch in one statement loop and report progress by bytes.
 * The header (first record) is skipped; record lines stay physical so line 2 is the first data
 * row of a plain file. The sha256 of the raw bytes is computed on the way, so re-import detection
 * costs no second pass. Cancellation is checked between chunks (AbortError); breaking out of the
 * loop closes the file. Throws synchronously when the file cannot be stat'ed; CsvSyntaxError
 * surfaces from the iteration.
 */
export function openCsvStream(path: string, options: CsvStreamOptions): CsvStream {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const bytesTotal = statSync(path).size;
  const hash = createHash('sha256');
  let hex: string | undefined;
  let started = false;

  /**
   * Reads, hashes, decodes and parses the file chunk by chunk, calling `emit` for each data record
   * (the header is skipped) and yielding after each chunk so the caller can hand out what it
   * collected. After a syntax error the parser cannot go on, but the records before it are
   * handed out and the rest of the file is still hashed, so the caller can report and fingerprint
   * it; the error is thrown at the end.
   */
  async function* chunks(emit: (fields: string[], line: number, suspect: boolean, chunk: number) => void, reuseFields: boolean, onSkip?: (skipped: CsvSkippedLine) => void): AsyncGenerator<number> {
    const { signal } = options;
    if (signal?.aborted) throw abortError(signal);
    const decoder = createDecoder(options.encoding);
    const parser = new CsvParser({ delimiter: options.delimiter, maxFieldLength: options.maxFieldLength, reuseFields, onSkip });
    let headerSeen = false;
    // A record may start in the chunk before the one that completes it: it is suspect when that
    // chunk or the current one held NUL or U+FFFD.
    let chunkIndex = 0;
    let lastDirtyChunk = -2;
    const onRecord = (fields: string[], line: number): void => {
      if (headerSeen) emit(fields, line, lastDirtyChunk >= chunkIndex - 1, chunkIndex);
      else headerSeen = true;
    };
    let syntaxError: CsvSyntaxError | undefined;
    const parse = (text: string, end: boolean): void => {
      if (syntaxError) return;
      chunkIndex++;
      if (text.indexOf('\u0000') >= 0 || text.indexOf('\uFFFD') >= 0) lastDirtyChunk = chunkIndex;
      try {
        parser.push(text, onRecord);
        if (end) parser.end(onRecord);
      } catch (err) {
        if (!(err instanceof CsvSyntaxError)) throw err;
        syntaxError = err;
      }
    };
    let bytesRead = 0;
    const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (signal?.aborted) throw abortError(signal);
        hash.update(chunk);
        bytesRead += chunk.length;
        if (!syntaxError) parse(decoder.decode(chunk), false);
        yield bytesRead;
      }
    } finally {
      stream.destroy();
    }
    if (signal?.aborted) throw abortError(signal);
    parse(decoder.end(), true);
    yield bytesRead;
    hex = hash.digest('hex');
    if (syntaxError) throw syntaxError;
  }

  async function* generate(): AsyncGenerator<CsvBatch> {
    const ready: CsvBatch[] = [];
    let records: string[][] = new Array<string[]>(batchSize);
    let count = 0;
    let lines = new Int32Array(batchSize);
    let suspect = false;
    const emit = (fields: string[], line: number, dirty: boolean): void => {
      lines[count] = line;
      records[count++] = fields;
      suspect ||= dirty;
      if (count === batchSize) {
        ready.push({ records, lines, bytesRead: 0, suspect });
        records = new Array<string[]>(batchSize);
        lines = new Int32Array(batchSize);
        count = 0;
        suspect = false;
      }
    };
    let bytesRead = 0;
    try {
      for await (bytesRead of chunks(emit, false)) {
        for (const batch of ready) {
          if (options.signal?.aborted) throw abortError(options.signal);
          batch.bytesRead = bytesRead;
          yield batch;
        }
        ready.length = 0;
      }
    } catch (err) {
      if (!(err instanceof CsvSyntaxError)) throw err;
      if (count > 0) yield { records: records.slice(0, count), lines: lines.subarray(0, count), bytesRead, suspect };
      throw err;
    }
    if (count > 0) {
      records.length = count;
      yield { records, lines: lines.subarray(0, count), bytesRead, suspect };
    }
  }

  function claim(): void {
    if (started) throw new Error('a CsvStream can be read once, through batches or each; open a new stream');
    started = true;
  }

  const batches: AsyncIterable<CsvBatch> = {
    [Symbol.asyncIterator]() {
      claim();
      return generate();
    },
  };

  return {
    batches,
    async each(onRecord, afterChunk, onSkip) {
      claim();
      for await (const bytesRead of chunks(onRecord, true, onSkip)) await afterChunk?.(bytesRead);
    },
    bytesTotal,
    digest() {
      if (hex === undefined) throw new Error('CsvStream.digest() is available only after the file has been read to the end');
      return hex;
    },
  };
}

import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createDecoder, type EncodingName } from './encoding.js';
import { CsvParser } from './parser.js';
import type { Delimiter } from './delimiter.js';

export interface CsvBatch {
  records: string[][];
  /** Physical start line of each record (1-based; the header is line 1). */
  lines: Int32Array;
  /** Cumulative bytes of the file consumed so far. */
  bytesRead: number;
}

export interface CsvStream {
  batches: AsyncIterable<CsvBatch>;
  bytesTotal: number;
  /** Hex sha256 of all bytes of the file, available after batches is exhausted. */
  digest(): string;
}

export interface CsvStreamOptions {
  encoding: EncodingName;
  delimiter: Delimiter;
  batchSize?: number;
  signal?: AbortSignal;
  maxFieldLength?: number;
}

const CHUNK_BYTES = 1 << 20;

function abortError(signal: AbortSignal): Error {
  const error = new Error('CSV read aborted', { cause: signal.reason });
  error.name = 'AbortError';
  return error;
}

/**
 * Streams a CSV file with constant memory (1 MiB reads): decode, parse, and hand out batches of
 * records so the caller can insert each batch in one statement loop and report progress by bytes.
 * The header (first record) is skipped; record lines stay physical so line 2 is the first data
 * row of a plain file. The sha256 of the raw bytes is computed on the way, so re-import detection
 * costs no second pass. Cancellation is checked between chunks (AbortError); breaking out of the
 * loop closes the file. Throws synchronously when the file cannot be stat'ed; CsvSyntaxError
 * surfaces from the iteration.
 */
export function openCsvStream(path: string, options: CsvStreamOptions): CsvStream {
  const batchSize = options.batchSize ?? 16384;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const bytesTotal = statSync(path).size;
  const hash = createHash('sha256');
  let hex: string | undefined;
  let started = false;

  async function* generate(): AsyncGenerator<CsvBatch> {
    const { signal } = options;
    if (signal?.aborted) throw abortError(signal);
    const decoder = createDecoder(options.encoding);
    const parser = new CsvParser({ delimiter: options.delimiter, maxFieldLength: options.maxFieldLength });
    const ready: CsvBatch[] = [];
    let bytesRead = 0;
    let headerSeen = false;
    let records: string[][] = [];
    let lines = new Int32Array(batchSize);
    const emit = (fields: string[], line: number): void => {
      if (!headerSeen) {
        headerSeen = true;
        return;
      }
      lines[records.length] = line;
      if (records.push(fields) === batchSize) {
        ready.push({ records, lines, bytesRead });
        records = [];
        lines = new Int32Array(batchSize);
      }
    };

    const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (signal?.aborted) throw abortError(signal);
        hash.update(chunk);
        bytesRead += chunk.length;
        parser.push(decoder.decode(chunk), emit);
        for (const batch of ready) {
          batch.bytesRead = bytesRead;
          yield batch;
        }
        ready.length = 0;
      }
    } finally {
      stream.destroy();
    }
    if (signal?.aborted) throw abortError(signal);
    parser.push(decoder.end(), emit);
    parser.end(emit);
    for (const batch of ready) {
      batch.bytesRead = bytesRead;
      yield batch;
    }
    if (records.length > 0) yield { records, lines: lines.subarray(0, records.length), bytesRead };
    hex = hash.digest('hex');
  }

  const batches: AsyncIterable<CsvBatch> = {
    [Symbol.asyncIterator]() {
      if (started) throw new Error('CsvStream.batches can be iterated only once; open a new stream');
      started = true;
      return generate();
    },
  };

  return {
    batches,
    bytesTotal,
    digest() {
      if (hex === undefined) throw new Error('CsvStream.digest() is available only after batches has been read to the end');
      return hex;
    },
  };
}

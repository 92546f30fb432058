import type { ImportOptions, RowIssue } from '../../model/import.js';
import { CsvSyntaxError, openCsvStream, type CsvSniff } from '../csv/index.js';
import { planFile } from './detect.js';
import { Encoder, type EncoderState } from './encoder.js';
import type { EncodedBatch } from './encoded.js';
import { IssueLog } from './issues.js';

/** Rows per encoded batch: large enough that messages and statements are few, small enough for smooth progress. */
const ROWS_PER_BATCH = 16_384;

/** What encoding one file produced, besides the batches. */
export interface EncodeResult {
  digest: string;
  rowsRead: number;
  rowsImported: number;
  rejectedCount: number;
  flaggedCount: number;
  /** The first rejected/flagged rows (all of them are in the batches' issues). */
  rejected: RowIssue[];
  flagged: RowIssue[];
  amount: number;
  amountRejected: number;
  suspects: string[];
  lines: number;
  firstLineId: number;
  lastLineId: number;
}

export interface EncodeFileArgs {
  path: string;
  sniff: CsvSniff;
  options: Pick<ImportOptions, 'format' | 'map' | 'role' | 'onError'>;
  state: EncoderState;
  signal?: AbortSignal;
  /** Receives each batch; a returned promise is awaited (backpressure). */
  onBatch: (batch: EncodedBatch) => void | Promise<void>;
  /** The batches go to another thread: pack their strings for a cheap transfer. */
  pack?: boolean;
}

/**
 * Streams one file through its plan's converter into encoded batches: parse, validate, convert,
 * assign ids. Pure of SQLite, so it can run in the import's own thread or in a thread of its own.
 * In abort mode the first rejected row throws (RowRejectedError) and no batch of it is written.
 */
export async function encodeFile(args: EncodeFileArgs): Promise<EncodeResult> {
  const { path, sniff } = args;
  const plan = planFile(sniff.header, sniff.rows, { ...args.options });
  const encoder = new Encoder(args.state);
  const pack = args.pack === true;
  const log = new IssueLog(path, args.options.onError, (severity, issue) => encoder.issue(severity, issue));
  const convert = plan.converter(encoder, log, sniff.header);
  const stream = openCsvStream(path, { encoding: sniff.encoding.encoding, delimiter: sniff.delimiter, signal: args.signal });
  let rowsRead = 0, rowsImported = 0, amountRejected = 0, bytesRead = 0, rowsSent = 0;
  try {
    await stream.each(
      (fields, line, suspect) => {
        rowsRead++;
        if (convert(fields, line, suspect)) rowsImported++;
        else if (plan.amountOf) amountRejected += plan.amountOf(fields) ?? 0;
      },
      async (bytes) => {
        bytesRead = bytes;
        if (rowsRead - rowsSent >= ROWS_PER_BATCH) {
          rowsSent = rowsRead;
          await args.onBatch(encoder.take({ rowsRead, rowsImported, bytesRead }, pack));
        }
      },
    );
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    // The parser cannot resynchronise after a broken quote: what follows is unreadable text.
    const column = err.column > 0 ? (sniff.header[err.column - 1] ?? '') : '';
    log.reject(err.line, column, '', `${err.detail}; the file could not be read from this line on`);
  }
  await args.onBatch(encoder.take({ rowsRead, rowsImported, bytesRead: sniff.bytes }, pack, true));
  return {
    digest: stream.digest(), rowsRead, rowsImported,
    rejectedCount: log.rejectedCount, flaggedCount: log.flaggedCount, rejected: log.rejected, flagged: log.flagged,
    amountRejected, ...encoder.summary(),
  };
}

import type { ImportOptions, RowIssue } from '../../model/import.js';
import { WorkbenchError } from '../../model/result.js';
import { CsvSyntaxError, type CsvSkippedLine } from '../csv/index.js';
import { planFile } from './detect.js';
import { Encoder, type EncoderState } from './encoder.js';
import type { EncodedBatch } from './encoded.js';
import { IssueLog } from './issues.js';
import { openSource, type SourceSniff } from './source.js';

/** Rows per encoded batch: large enough that messages and statements are few, small enough for smooth progress. */
const ROWS_PER_BATCH = 16_384;

/** What encoding one file produced, besides the batches. */
export interface EncodeResult {
  digest: string;
  rowsRead: number;
  rowsImported: number;
  /** Physical lines skipped after a CSV syntax error (each also a rejected row). */
  linesNotRead: number;
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
  sniff: SourceSniff;
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
 * After a CSV syntax error the reader resynchronises and each line it skips is a rejected row
 * (issue #15 §3); when it cannot resynchronise, the file fails in both modes: never a partly
 * read file reported as imported.
 */
export async function encodeFile(args: EncodeFileArgs): Promise<EncodeResult> {
  const { path, sniff } = args;
  const plan = planFile(sniff.header, sniff.rows, { ...args.options });
  const encoder = new Encoder(args.state);
  const pack = args.pack === true;
  const log = new IssueLog(path, args.options.onError, (severity, issue) => encoder.issue(severity, issue));
  const convert = plan.converter(encoder, log, sniff.header);
  const stream = openSource(path, sniff, args.signal);
  let rowsRead = 0, rowsImported = 0, amountRejected = 0, bytesRead = 0, rowsSent = 0, linesNotRead = 0;
  const columnOf = (err: CsvSyntaxError): string => (err.column > 0 ? (sniff.header[err.column - 1] ?? '') : '');
  const onSkip = (s: CsvSkippedLine): void => {
    linesNotRead++;
    const at = s.error.line !== s.line ? ` (line ${s.error.line})` : '';
    if (s.first) log.reject(s.line, columnOf(s.error), s.text, `${s.error.detail}${at}; this record cannot be read`);
    else log.reject(s.line, '', s.text, `skipped after the CSV error on line ${s.error.line}: not a record of ${sniff.header.length} fields on its own line`);
  };
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
      onSkip,
    );
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    // No line after the error reads as a record (or the header is broken): the rest of the file
    // is unreadable, so the file fails whatever --on-error says.
    const column = columnOf(err);
    const where = [path, `line ${err.line}`, column ? `column ${column}` : ''].filter(Boolean).join(', ');
    throw new WorkbenchError('import-failed', `${where}: ${err.detail}. The file could not be read to the end; nothing was imported.`, { file: path, line: err.line, column, value: '', reason: err.detail } satisfies RowIssue);
  }
  await args.onBatch(encoder.take({ rowsRead, rowsImported, bytesRead: sniff.bytes }, pack, true));
  return {
    digest: stream.digest(), rowsRead, rowsImported, linesNotRead,
    rejectedCount: log.rejectedCount, flaggedCount: log.flaggedCount, rejected: log.rejected, flagged: log.flagged,
    amountRejected, ...encoder.summary(),
  };
}

export type CsvErrorReason = 'unterminated-quote' | 'field-too-long' | 'stray-quote';

const describe: Record<CsvErrorReason, string> = {
  'unterminated-quote': 'a quoted field is never closed (the file ends inside quotes); check for a missing closing " on that line',
  'field-too-long': 'a field is longer than the allowed maximum; the file is probably not split into fields the way the delimiter says',
  'stray-quote': 'text follows a closing quote before the delimiter (like "ab"c); a quote inside a quoted field must be doubled ("")',
};

/**
 * A structural CSV error the parser cannot recover from. It carries the physical line and the
 * 1-based field index so the import report can point the analyst at the exact spot in the file.
 */
export class CsvSyntaxError extends Error {
  readonly line: number;
  /** 1-based field index within the record, 0 if unknown. */
  readonly column: number;
  readonly reason: CsvErrorReason;
  /** The message without the position in front, for reports that show line and column separately. */
  readonly detail: string;

  constructor(reason: CsvErrorReason, line: number, column: number, detail: string = describe[reason]) {
    const where = column > 0 ? `line ${line}, field ${column}` : `line ${line}`;
    super(`CSV syntax error at ${where}: ${detail}`);
    this.name = 'CsvSyntaxError';
    this.reason = reason;
    this.detail = detail;
    this.line = line;
    this.column = column;
  }
}

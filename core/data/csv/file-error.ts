export type CsvFileErrorReason = 'empty' | 'binary' | 'not-csv' | 'unreadable';

/**
 * The file as a whole cannot be imported as CSV. Raised before any row is read, so the analyst
 * gets one clear sentence about the file (named) instead of a flood of row errors.
 */
export class CsvFileError extends Error {
  readonly reason: CsvFileErrorReason;
  readonly file: string;
  /** The message without the file name in front, for reports that show the file separately. */
  readonly detail: string;

  constructor(reason: CsvFileErrorReason, file: string, detail: string, options?: { cause?: unknown }) {
    super(`${file}: ${detail}`, options);
    this.name = 'CsvFileError';
    this.reason = reason;
    this.file = file;
    this.detail = detail;
  }
}

import type { RowIssue } from '../../model/import.js';
import { WorkbenchError } from '../../model/result.js';

/** Thrown when a row is rejected and the user chose `--on-error abort`. */
export class RowRejectedError extends WorkbenchError {
  constructor(issue: RowIssue) {
    const where = `${issue.file}, line ${issue.line}${issue.column ? `, column ${issue.column}` : ''}`;
    super('import-failed', `${where}: ${issue.reason}${issue.value !== '' ? ` (value ${JSON.stringify(truncate(issue.value))})` : ''}. Nothing was imported; use --on-error skip to import the other rows.`, issue);
  }
}

export function truncate(s: string, n = 80): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/** Issues kept in memory for the summary; the import report in the project has all of them. */
export const LISTED_REJECTED = 100_000;
export const LISTED_FLAGGED = 10_000;

/**
 * Collects the rejected and flagged rows of one file. Every issue goes to `sink` (the project's
 * import report) as it happens; the first LISTED_* are also kept for the summary, so a file where
 * every row is bad cannot exhaust memory. In abort mode the first rejection throws; the caller's
 * transaction rolls back, so nothing of the import lands.
 */
export class IssueLog {
  readonly rejected: RowIssue[] = [];
  readonly flagged: RowIssue[] = [];
  rejectedCount = 0;
  flaggedCount = 0;
  constructor(
    readonly file: string,
    private readonly onError: 'abort' | 'skip',
    private readonly sink: (severity: 'rejected' | 'flagged', issue: RowIssue) => void = () => {},
  ) {}

  reject(line: number, column: string, value: string, reason: string): void {
    const issue = { file: this.file, line, column, value: truncate(value, 200), reason };
    if (this.onError === 'abort') throw new RowRejectedError(issue);
    this.sink('rejected', issue);
    if (this.rejectedCount++ < LISTED_REJECTED) this.rejected.push(issue);
  }

  flag(line: number, column: string, value: string, reason: string): void {
    const issue = { file: this.file, line, column, value: truncate(value, 200), reason };
    this.sink('flagged', issue);
    if (this.flaggedCount++ < LISTED_FLAGGED) this.flagged.push(issue);
  }
}

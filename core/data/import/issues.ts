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

/**
 * Collects rejected and flagged rows of one file. In abort mode the first rejection throws; the
 * caller's transaction rolls back, so nothing of the import lands.
 */
export class IssueLog {
  readonly rejected: RowIssue[] = [];
  readonly flagged: RowIssue[] = [];
  constructor(
    readonly file: string,
    private readonly onError: 'abort' | 'skip',
  ) {}

  reject(line: number, column: string, value: string, reason: string): void {
    const issue = { file: this.file, line, column, value: truncate(value, 200), reason };
    if (this.onError === 'abort') throw new RowRejectedError(issue);
    this.rejected.push(issue);
  }

  flag(line: number, column: string, value: string, reason: string): void {
    this.flagged.push({ file: this.file, line, column, value: truncate(value, 200), reason });
  }
}

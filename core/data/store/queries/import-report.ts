import type { Db } from '../open.js';

export interface ImportIssueRow {
  file: string;
  line: number;
  column: string;
  value: string;
  reason: string;
  severity: 'rejected' | 'flagged';
}

/** Every rejected and flagged row of the imports a run made (imports carry the run id). */
export function importIssuesOfRun(db: Db, runId: number): Iterable<ImportIssueRow> {
  return db
    .prepare(`SELECT i.file, x.line, x.column_name AS "column", x.value, x.reason, x.severity
      FROM import_issues x JOIN imports i ON i.id = x.import_id WHERE i.run_id = ? ORDER BY x.import_id, x.line`)
    .iterate(runId) as Iterable<ImportIssueRow>;
}

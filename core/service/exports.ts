import { writeCsvFile } from '../data/export/csv-writer.js';
import type { Db } from '../data/store/open.js';
import { importIssuesOfRun } from '../data/store/queries/import-report.js';
import { getRun } from '../data/store/runs.js';
import { EXPORT_KINDS, type ExportResult } from '../model/api.js';
import { WorkbenchError } from '../model/result.js';
import fs from 'node:fs';

/** Writes one export of a stored run. Kinds grow with the analyses; each checks the run fits. */
export function exportRun(db: Db, runId: number, what: string, out: string): ExportResult {
  const run = getRun(db, runId);
  if (!run) throw new WorkbenchError('not-found', `No run ${runId} in this project; \`runs\` lists them.`);
  switch (what) {
    case 'import-report': {
      if (run.analysis !== 'import' && run.analysis !== 'demo') throw new WorkbenchError('invalid-input', `Run ${runId} is a ${run.analysis} run; import-report needs an import or demo run.`);
      const rows = (function* () {
        for (const r of importIssuesOfRun(db, runId)) yield [r.file, r.line, r.column, r.value, r.reason, r.severity] as const;
      })();
      return { file: out, what, rows: writeCsvFile(out, ['file', 'line', 'column', 'value', 'reason', 'severity'], rows) };
    }
    case 'summary': {
      fs.writeFileSync(out, JSON.stringify({ id: run.id, analysis: run.analysis, params: run.params, dataFingerprint: run.dataFingerprint, startedAt: run.startedAt, finishedAt: run.finishedAt, durationMs: run.durationMs, summary: run.summary }, null, 2) + '\n');
      return { file: out, what, rows: 1 };
    }
    default:
      throw new WorkbenchError('invalid-input', `Unknown export '${what}'; known: ${EXPORT_KINDS.join(', ')}.`);
  }
}

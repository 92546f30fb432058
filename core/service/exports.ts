import { csvText, writeCsvFile } from '../data/export/csv-writer.js';
import type { Db } from '../data/store/open.js';
import { importIssuesOfRun } from '../data/store/queries/import-report.js';
import { getRun } from '../data/store/runs.js';
import { EXPORT_KINDS, type ExportResult } from '../model/api.js';
import { WorkbenchError } from '../model/result.js';
import fs from 'node:fs';
import { SEGMENT_EXPORTS, segmentExport } from './segments.js';

/** Writes one export of a stored run. Kinds grow with the analyses; each checks the run fits. */
export function exportRun(db: Db, runId: number, what: string, out: string, params: Record<string, string> = {}): ExportResult {
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
    case 'segments':
    case 'profiles':
    case 'features': {
      const { header, rows } = segmentExport(db, runId, what, params);
      return { file: out, what, rows: writeCsvFile(out, header, rows) };
    }
    default:
      throw new WorkbenchError('invalid-input', `Unknown export '${what}'; known: ${EXPORT_KINDS.join(', ')}.`);
  }
}

/** A CSV export as text, for a download in the app (segmentation exports). */
export function exportText(db: Db, runId: number, what: string, params: Record<string, string>): { filename: string; rows: number; csv: string } {
  if (!(SEGMENT_EXPORTS as readonly string[]).includes(what)) throw new WorkbenchError('invalid-input', `The app exports ${SEGMENT_EXPORTS.join(', ')} as CSV; '${what}' is a CLI export.`);
  const { header, rows } = segmentExport(db, runId, what, params);
  const { text, rows: count } = csvText(header, rows);
  return { filename: `run-${runId}-${what}${params.stage ? `-${params.stage}` : ''}.csv`, rows: count, csv: text };
}

import { csvText, writeCsvFile, type Cell } from '../data/export/csv-writer.js';
import { sha256Text } from '../data/hash.js';
import { readMembers, readNames } from '../data/store/segments.js';
import type { Db } from '../data/store/open.js';
import { importIssuesOfRun } from '../data/store/queries/import-report.js';
import { getRun } from '../data/store/runs.js';
import { EXPORT_KINDS, type ExportResult } from '../model/api.js';
import { WorkbenchError } from '../model/result.js';
import fs from 'node:fs';
import { SEGMENT_EXPORTS, segmentationRun, segmentExport } from './segments.js';

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
    case 'campaign': {
      const { header, rows } = campaignRows(db, runId, params);
      return { file: out, what, rows: writeCsvFile(out, header, rows) };
    }
    default:
      throw new WorkbenchError('invalid-input', `Unknown export '${what}'; known: ${EXPORT_KINDS.join(', ')}.`);
  }
}

/** A CSV export as text, for a download in the app (segmentation exports and campaigns). */
export function exportText(db: Db, runId: number, what: string, params: Record<string, string>): { filename: string; rows: number; csv: string } {
  const kinds = [...SEGMENT_EXPORTS, 'campaign'];
  if (!kinds.includes(what)) throw new WorkbenchError('invalid-input', `The app exports ${kinds.join(', ')} as CSV; '${what}' is a CLI export.`);
  const { header, rows } = what === 'campaign' ? campaignRows(db, runId, params) : segmentExport(db, runId, what, params);
  const { text, rows: count } = csvText(header, rows);
  return { filename: `run-${runId}-${what}${params.stage ? `-${params.stage}` : ''}.csv`, rows: count, csv: text };
}

/**
 * The campaign of a `recommend` run (issue #5 §4; contract: header starts with `customer`): one
 * row per recommended product — customer, segment (of `segmentRun` when given), rank, product
 * code, name, category, score, reason. `segment` (an id or a name of `segmentRun`) keeps only that
 * segment's customers; `hashIds=true` replaces customer ids by the first 16 hex digits of their
 * SHA-256 (pseudonymous, not anonymous: short ids can be recovered by trying them all).
 */
export function campaignRows(db: Db, runId: number, params: Record<string, string>): { header: string[]; rows: Iterable<Cell[]> } {
  const run = getRun(db, runId);
  if (!run || run.analysis !== 'recommend') throw new WorkbenchError('invalid-input', `Run ${runId} is not a recommend run; campaign needs one (\`run recommend --param model=…\`).`);
  let segmentOf: Map<number, { id: number; name: string }> | null = null;
  let keep: number | null = null;
  if (params.segmentRun !== undefined) {
    const segRun = Number(params.segmentRun);
    segmentationRun(db, segRun);
    const m = readMembers(db, segRun);
    const names = readNames(db, segRun);
    segmentOf = new Map();
    m.customers.forEach((c, i) => segmentOf!.set(c, { id: m.segments[i], name: names.get(m.segments[i]) ?? `segment ${m.segments[i]}` }));
    if (params.segment !== undefined) {
      const byId = /^-?\d+$/.test(params.segment) ? Number(params.segment) : [...names].find(([, n]) => n === params.segment)?.[0];
      if (byId === undefined || ![...m.segments].includes(byId)) throw new WorkbenchError('not-found', `Run ${segRun} has no segment '${params.segment}'.`);
      keep = byId;
    }
  } else if (params.segment !== undefined) throw new WorkbenchError('invalid-input', 'segment needs segmentRun (the segmentation the segment belongs to).');
  const hash = params.hashIds === 'true';
  const rows = db
    .prepare(
      `SELECT r.customer_id, c.code, r.rank, p.code, p.name, p.category, r.score, r.reason
       FROM recommendations r JOIN customers c ON c.id = r.customer_id JOIN products p ON p.id = r.product_id
       WHERE r.run_id = ? ORDER BY r.customer_id, r.rank`,
    )
    .raw()
    .iterate(runId) as IterableIterator<[number, string, number, string, string | null, string | null, number | null, string]>;
  return {
    header: ['customer', 'segment', 'rank', 'product', 'name', 'category', 'score', 'reason'],
    rows: (function* () {
      for (const [cid, code, rank, product, name, category, score, reason] of rows) {
        const seg = segmentOf?.get(cid);
        if (keep !== null && seg?.id !== keep) continue;
        yield [hash ? sha256Text(code).slice(0, 16) : code, seg ? seg.name : '', rank, product, name, category, score, reason];
      }
    })(),
  };
}

import path from 'node:path';
import type { AnalysisInfo, ExportResult, ProjectInfo } from '../core/model/api.js';
import type { ImportSummary, RowIssue } from '../core/model/import.js';
import type { RunRecord } from '../core/model/jobs.js';
import type { SegmentationSummary } from '../core/model/segment.js';
import { paramLines } from './help.js';

const n = (x: number): string => x.toLocaleString('en-US');
const write = (s: string): void => void process.stdout.write(`${s}\n`);

function issueLines(title: string, issues: RowIssue[], total: number): void {
  if (total === 0) return;
  write(`${title} (${n(total)}${issues.length < total ? `, first ${issues.length} shown` : ''}):`);
  for (const r of issues.slice(0, 5)) write(`  ${r.file}:${r.line}  ${r.column || '-'}  ${JSON.stringify(r.value)}  ${r.reason}`);
  if (total > 5) write(`  … ${n(total - 5)} more`);
}

export function printImportSummary(s: ImportSummary & { runId?: number }, project: string): void {
  for (const f of s.files) {
    const what = f.format === 'baskets' ? `${n(f.rowsImported)} baskets of ${n(f.rowsRead)} lines imported, ${n(f.rowsRejected)} rejected, ${n(f.rowsFlagged)} repeated items dropped` : `${n(f.rowsImported)} of ${n(f.rowsRead)} rows imported, ${n(f.rowsRejected)} rejected, ${n(f.rowsFlagged)} flagged`;
    const notRead = f.linesNotRead > 0 ? `, ${n(f.linesNotRead)} line${f.linesNotRead === 1 ? '' : 's'} not read (skipped after a CSV error, each listed below)` : '';
    write(`${f.file}: ${f.format === 'baskets' ? 'baskets' : `${f.format} ${f.table}`}, ${f.sheet ? `sheet ${JSON.stringify(f.sheet)}` : f.encoding}, ${what}${notRead}`);
    if (f.couponStatus) write(`  coupon status: ${n(f.couponStatus.used)} used, ${n(f.couponStatus.clicked)} clicked, ${n(f.couponStatus.notUsed)} not used, ${n(f.couponStatus.unknown)} unknown`);
    for (const note of f.notes ?? []) write(`  note: ${note}`);
  }
  write(`Imported ${n(s.rowsImported)} of ${n(s.rowsRead)} rows into ${project} in ${s.seconds.toFixed(1)} s: ${Object.entries(s.tables).map(([t, c]) => `${t} ${n(c)}`).join(', ')}.`);
  write(`Project now has ${n(s.customers)} customers and ${n(s.receipts)} receipts; ${s.amountTotal === null ? 'amounts unknown (the files have no amount or unit price column)' : `purchase amount imported ${s.amountTotal.toLocaleString('en-US', { maximumFractionDigits: 2 })}`}.`);
  write(`Currency: ${s.currency === 'none' ? 'none (amounts carry no sign; set one with `project --currency CODE`)' : s.currency}${s.currencySymbol ? ` (amounts carry ${JSON.stringify(s.currencySymbol)})` : ''}.`);
  if (s.marketing) write(`Marketing spend now covers ${n(s.marketing.days)} days (${s.marketing.firstDay} to ${s.marketing.lastDay}) of ${s.marketing.channels.join(', ')}.`);
  if (s.coupons) write(`Coupon offers now: ${n(s.coupons.offers)}, discount levels ${s.coupons.discountLevels.map((d) => `${d}%`).join(', ')}, categories ${s.coupons.categories.join(', ')}.`);
  issueLines('Rejected rows', s.rejected, s.rowsRejected);
  issueLines('Flagged rows (kept)', s.flagged, s.rowsFlagged);
  if (s.runId !== undefined && s.rowsRejected + s.rowsFlagged > 0) write(`Full report: segment-workbench export --project ${project} --run ${s.runId} --what import-report --out report.csv`);
}

export function printAnalyses(list: AnalysisInfo[], lang: 'en' | 'ko' = 'en'): void {
  for (const a of list) {
    const [title, description] = lang === 'ko' ? [a.titleKo ?? a.title, a.descriptionKo ?? a.description] : [a.title, a.description];
    write(`${a.id} — ${title}\n  ${description}`);
    for (const line of paramLines(a, lang)) write(line);
  }
}

export function printRuns(runs: RunRecord[]): void {
  if (runs.length === 0) return write('No runs yet.');
  for (const r of runs) {
    write(`#${r.id}  ${r.analysis.padEnd(14)} ${r.title === undefined ? '' : `${JSON.stringify(r.title)}  `}${r.status.padEnd(9)} ${r.startedAt}  ${r.durationMs === null ? '' : `${(r.durationMs / 1000).toFixed(1)} s`}  data ${r.dataFingerprint.slice(0, 12)}`);
    if (r.note !== undefined) {
      const lines = r.note.split('\n');
      write(`      note: ${lines[0]}${lines.length > 1 ? ` (+${lines.length - 1} more line${lines.length > 2 ? 's' : ''})` : ''}`);
    }
  }
}

/** What run-delete removed. */
export function printDeletedRun(d: { id: number; analysis: string; title?: string; deleted: Record<string, number> }): void {
  const rows = Object.entries(d.deleted).filter(([t, c]) => t !== 'runs' && c > 0);
  write(`Deleted run #${d.id} (${d.analysis}${d.title === undefined ? '' : ` ${JSON.stringify(d.title)}`})${rows.length ? ` and its stored rows: ${rows.map(([t, c]) => `${t} ${n(c)}`).join(', ')}` : ''}.`);
}

/** A segmentation run in a few lines: what was segmented, how k was chosen, the segments, where to export. */
export function printSegmentation(s: SegmentationSummary, project: string): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  write(`Run #${s.runId} ${s.analysis}: ${n(s.customers)} customers in ${n(s.segments)} segments, ${n(s.noise)} set aside as noise/outliers, ${s.excluded.total ? `${n(s.excluded.total)} excluded (${Object.entries(s.excluded.byReason).map(([why, c]) => `${n(c)} ${why}`).join(', ')}), ` : ''}${s.seconds.toFixed(1)} s.`);
  for (const note of s.notes ?? []) write(`Note: ${note}`);
  write(`Features: ${s.featureSet} (${s.featureNames.length} columns; ${s.scaling}).`);
  if (s.eps !== undefined) write(`DBSCAN: eps ${s.eps.toLocaleString('en-US', { maximumFractionDigits: 1 })}, min_samples ${s.minSamples}, noise ${pct(s.noiseShare ?? 0)}.`);
  if (s.ksStatistic !== undefined) write(`Offline-only vs online spend: KS D = ${s.ksStatistic.toFixed(4)}, p = ${s.ksPValue?.toExponential(3)}.`);
  for (const st of s.strata ?? []) write(`  stratum ${st.id + 1} ${st.label}: ${n(st.customers)} customers, k = ${st.k}${st.outliers ? `, ${n(st.outliers)} in tiny clusters` : ''}`);
  if (s.choice) write(`k = ${s.choice.k}: ${s.choice.why}.`);
  if (s.gamma !== undefined) write(`gamma = ${s.gamma.toFixed(4)}.`);
  for (const g of s.segmentList.slice(0, 30)) write(`  ${String(g.id).padStart(3)}  ${`${g.name}${g.pattern && !g.name.includes(g.pattern) ? `  ${g.pattern}` : ''}`.padEnd(36)} ${n(g.customers)} (${pct(g.customers / s.customers)})`);
  if (s.segmentList.length > 30) write(`  … ${s.segmentList.length - 30} more segments`);
  write(`Export: segment-workbench export --project ${project} --run ${s.runId} --what segments|profiles|features --out FILE.csv`);
}

/**
 * What an export wrote, honest about the format whatever the file is called: a CSV counts its
 * data rows (header excluded); the JSON summary has no rows, so its size is given instead.
 */
export function printExport(r: ExportResult): void {
  const ext = path.extname(r.file).toLowerCase();
  const misnamed = ext !== '' && ext !== `.${r.format}` ? ` (the name ends in ${ext}, the content is ${r.format.toUpperCase()})` : '';
  if (r.format === 'json') return write(`Wrote the run's ${r.what} as JSON (${n(r.bytes)} bytes) to ${r.file}${misnamed}.`);
  write(`Wrote ${n(r.rows ?? 0)} rows of ${r.what} as CSV (${r.bom ? 'with' : 'without'} a UTF-8 BOM, ${n(r.bytes)} bytes) to ${r.file}${misnamed}.`);
}

export function printProject(p: ProjectInfo): void {
  write(`${p.path}: ${n(p.customers)} customers, ${n(p.receipts)} receipts, ${n(p.lines)} lines${p.firstDay ? `, ${p.firstDay} to ${p.lastDay}` : ''}.`);
  const source = p.currencySource === 'user' ? 'set by the user' : p.currencySource === 'guess' ? 'guessed at import' : 'unknown: money shows as bare numbers';
  write(`Currency: ${p.currency} (${source}).`);
}

import type { FileImportReport, ImportedAttribute, ImportOptions, ImportSummary, RowIssue } from '../../model/import.js';
import { currencyOfSign, type Currency } from '../../model/currency.js';
import { WorkbenchError } from '../../model/result.js';
import { CsvFileError } from '../csv/index.js';
import { sha256File, sha256Text } from '../hash.js';
import { recordCurrencyGuess } from '../store/currency.js';
import { rebuildCustomerReceiptFacts } from '../store/customer-aggregates.js';
import { createIndexes, dropIndexes, type Db } from '../store/open.js';
import { rebuildCustomerCategorySums } from './aggregates.js';
import { settleAttributes } from './attributes.js';
import { planFile } from './detect.js';
import { encodeFile } from './encode-file.js';
import type { EncodedBatch } from './encoded.js';
import { LISTED_FLAGGED, LISTED_REJECTED } from './issues.js';
import { canEncodeInParallel, encodeFileInParallel } from './parallel.js';
import { PlanError, type ImportPlan } from './plan.js';
import { couponStatusCounts } from './coupon-status.js';
import { offersSummary, spendSummary } from './marketing-sink.js';
import { loadEncoderState, Sink } from './sink.js';
import { describeSource, sniffSource, type SourceSniff } from './source.js';

export interface ImportProgress {
  phase: 'read' | 'index' | 'commit';
  done: number;
  total: number;
  unit: 'bytes' | 'indexes';
  rows: number;
  rowsPerSecond?: number;
  etaSeconds?: number;
  message: string;
}

export interface ImportHooks {
  signal?: AbortSignal;
  progress?: (p: ImportProgress) => void;
  /** Called inside the import's transaction, just before commit: records the run and returns its id. */
  recordRun?: (summary: ImportSummary) => number;
  /**
   * The project file is new and private to this import — the partial file an import into a new
   * path builds (core/jobs/import-job.ts), which no other connection can know and which is thrown
   * away unless the import commits. A bulk load into it then keeps its rollback journal in memory
   * instead of writing every page twice (once to the WAL, again at the checkpoint): no reader can
   * be locked out, and a crash leaves only the partial file, removed by the next import.
   */
  privateFile?: boolean;
}

/** Incoming bytes above which indexes are dropped and rebuilt once rather than updated per row. */
const REBUILD_INDEXES_BYTES = 64 << 20;

/** Purchase files above this size are encoded in a thread of their own while this one writes. */
const PARALLEL_BYTES = 8 << 20;

interface PlannedFile {
  path: string;
  sniff: SourceSniff;
  plan: ImportPlan;
}

function fileError(path: string, line: number, column: string, message: string): WorkbenchError {
  const where = [path, line > 0 ? `line ${line}` : '', column ? `column ${column}` : ''].filter(Boolean).join(', ');
  return new WorkbenchError('import-failed', `${where}: ${message}. Nothing was imported.`, { file: path, line, column, value: '', reason: message } satisfies RowIssue);
}

async function planAll(options: ImportOptions): Promise<PlannedFile[]> {
  const planned: PlannedFile[] = [];
  for (const path of options.files) {
    let sniff: SourceSniff;
    try {
      sniff = await sniffSource(path, options, 500);
    } catch (err) {
      if (err instanceof CsvFileError) throw fileError(path, err.reason === 'empty' ? 0 : 1, '', err.detail);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new WorkbenchError('not-found', `${path}: no such file.`);
      throw err;
    }
    try {
      planned.push({ path, sniff, plan: planFile(sniff.header, sniff.rows, options) });
    } catch (err) {
      if (err instanceof PlanError) throw fileError(path, err.line, err.column, err.message);
      throw err;
    }
  }
  return planned;
}

/** Refuses files whose bytes are already in the project, before any work (cheap: sizes first). */
async function refuseDuplicates(db: Db, files: PlannedFile[], allow: boolean): Promise<void> {
  if (allow) return;
  const sameSize = db.prepare('SELECT id, file, fingerprint, imported_at FROM imports WHERE bytes = ?');
  for (const f of files) {
    const candidates = sameSize.all(f.sniff.bytes) as { id: number; file: string; fingerprint: string; imported_at: string }[];
    if (candidates.length === 0) continue;
    const digest = await sha256File(f.path);
    const hit = candidates.find((c) => c.fingerprint === digest);
    if (hit) throw new WorkbenchError('already-imported', `${f.path} is already in the project (imported from ${hit.file} on ${hit.imported_at.slice(0, 10)}, fingerprint ${digest.slice(0, 12)}); nothing was imported.`, { importId: hit.id, fingerprint: digest });
  }
}

/**
 * Imports files into the project in ONE transaction: every file lands, or none does (a crash,
 * kill or cancel rolls back to exactly the project as it was). Rows are streamed with constant
 * memory; rejected and flagged rows are reported with file, line, column, value and reason.
 */
export async function importFiles(db: Db, options: ImportOptions, hooks: ImportHooks = {}): Promise<ImportSummary> {
  const t0 = performance.now();
  const planned = await planAll(options);
  await refuseDuplicates(db, planned, options.allowDuplicate);
  const totalBytes = planned.reduce((s, f) => s + f.sniff.bytes, 0);
  const rejected: RowIssue[] = [];
  const flagged: RowIssue[] = [];
  const reports: FileImportReport[] = [];
  const tables: Record<string, number> = {};
  const importIds: number[] = [];
  const attributes = new Map<string, ImportedAttribute>();
  let sharedReceiptIds = 0;
  let amountTotal = 0, amountRejected = 0, rowsRead = 0, bytesBefore = 0;
  /** Purchase files read, and whether any of them carries money (an amount or unit price column, or L.point's buy_am). */
  let purchaseFiles = 0, purchaseAmounts = false;
  let currencySymbol: string | undefined;
  let guess: Currency = 'none';
  const readStart = performance.now();

  const rebuild = totalBytes > REBUILD_INDEXES_BYTES;
  // The load stays in WAL (issue #15 §6, docs/decisions/0012): a rollback journal wrote each page
  // once (commit and close 1.2 s → 0.2 s on the full demo) but locked every reader out until the
  // commit, and switching to it failed with "database is locked" whenever a reader was connected.
  // A new private file (hooks.privateFile): the one case where leaving WAL for the load is safe and
  // cannot fail on a reader (docs/decisions/0002); the file is back in WAL before anyone sees it.
  const memoryJournal = hooks.privateFile === true && db.pragma('journal_mode = MEMORY', { simple: true }) === 'memory';
  const backToWal = (): void => {
    if (memoryJournal) db.pragma('journal_mode = WAL');
  };
  db.exec('BEGIN IMMEDIATE');
  try {
    if (rebuild) dropIndexes(db);
    const insertImport = db.prepare(`INSERT INTO imports (file, format, table_name, encoding, delimiter, mapping, fingerprint, bytes, rows_read, rows_imported, rows_rejected, rows_flagged, imported_at)
      VALUES (?, ?, ?, ?, ?, ?, '', ?, 0, 0, 0, 0, ?)`);
    for (const f of planned) {
      const importId = Number(insertImport.run(f.path, f.plan.format, f.plan.table, describeSource(f.sniff).encoding, describeSource(f.sniff).delimiter, JSON.stringify(f.plan.mapping), f.sniff.bytes, new Date().toISOString()).lastInsertRowid);
      importIds.push(importId);
      const sink = new Sink(db, importId);
      const apply = (b: EncodedBatch): void => {
        sink.apply(b);
        const elapsed = (performance.now() - readStart) / 1000;
        const done = bytesBefore + b.bytesRead;
        const rows = rowsRead + b.rowsRead;
        hooks.progress?.({
          phase: 'read', done, total: totalBytes, unit: 'bytes', rows, rowsPerSecond: rows / Math.max(elapsed, 1e-3),
          etaSeconds: done > 0 ? (elapsed * (totalBytes - done)) / done : undefined, message: `${f.path}: ${b.rowsRead.toLocaleString('en-US')} rows`,
        });
      };
      const args = { path: f.path, sniff: f.sniff, options, state: loadEncoderState(db), signal: hooks.signal };
      const parallel = f.plan.target === 'purchases' && f.sniff.bytes > PARALLEL_BYTES && canEncodeInParallel();
      const r = parallel ? await encodeFileInParallel(args, apply) : await encodeFile({ ...args, onBatch: apply });
      sink.finish(r.suspects, r.lines > 0 ? r.lastLineId : r.firstLineId - 1);
      const fileAttributes = f.plan.attributes ? settleAttributes(db, importId, f.plan.attributes) : [];
      const marketingNotes = sink.marketing.settleNotes();
      for (const a of fileAttributes) attributes.set(a.name, a);
      sharedReceiptIds += sink.sharedReceiptIds;
      hooks.signal?.throwIfAborted();
      if (!options.allowDuplicate) {
        const dup = db.prepare('SELECT file FROM imports WHERE fingerprint = ? AND id <> ?').get(r.digest, importId) as { file: string } | undefined;
        if (dup) throw new WorkbenchError('already-imported', `${f.path} has the same bytes as ${dup.file}, imported in this same run or before; nothing was imported.`);
      }
      const report: FileImportReport = {
        file: f.path, format: f.plan.format, table: f.plan.table, encoding: describeSource(f.sniff).label,
        delimiter: describeSource(f.sniff).delimiter, ...(f.sniff.kind === 'xlsx' ? { sheet: f.sniff.sheet } : {}), mapping: f.plan.mapping, rowsRead: r.rowsRead, rowsImported: r.rowsImported,
        rowsRejected: r.rejectedCount, rowsFlagged: r.flaggedCount, linesNotRead: r.linesNotRead, fingerprint: r.digest,
        notes: [...f.plan.notes, ...marketingNotes, ...sharedReceiptNote(sink.sharedReceiptIds)],
      };
      if (f.plan.target === 'marketing') report.marketing = sink.marketing.marketingReport();
      if (f.plan.target === 'coupons') report.coupons = sink.marketing.couponsReport();
      if (f.plan.target === 'purchases' && 'coupon' in f.plan.mapping && r.lines > 0) report.couponStatus = couponStatusCounts(db, r.firstLineId, r.lastLineId);
      if (f.plan.target === 'purchases') report.sharedReceiptIds = sink.sharedReceiptIds;
      if (fileAttributes.length > 0) report.attributes = fileAttributes;
      if (f.plan.currencySign !== undefined) {
        report.currencySymbol = f.plan.currencySign;
        currencySymbol ??= f.plan.currencySign;
      }
      // L.point files are Korean won by definition (SPEC §2.1: buy_am in 원); generic ones by the sign they carry.
      if (f.plan.target === 'purchases') guess = guess !== 'none' ? guess : f.plan.format === 'lpoint' ? 'KRW' : currencyOfSign(f.plan.currencySign);
      const lineRange = r.lines > 0 ? [r.firstLineId, r.lastLineId] : [null, null];
      db.prepare('UPDATE imports SET fingerprint = ?, rows_read = ?, rows_imported = ?, rows_rejected = ?, rows_flagged = ?, first_line_id = ?, last_line_id = ? WHERE id = ?').run(r.digest, r.rowsRead, r.rowsImported, r.rejectedCount, r.flaggedCount, ...lineRange, importId);
      tables[f.plan.target] = (tables[f.plan.target] ?? 0) + (f.plan.target === 'purchases' ? r.lines : r.rowsImported);
      if (f.plan.target === 'purchases') {
        amountTotal += r.amount;
        purchaseFiles++;
        purchaseAmounts ||= f.plan.format === 'lpoint' || 'amount' in f.plan.mapping || 'unitPrice' in f.plan.mapping;
      }
      amountRejected += r.amountRejected;
      for (const x of r.rejected) if (rejected.length < LISTED_REJECTED) rejected.push(x);
      for (const x of r.flagged) if (flagged.length < LISTED_FLAGGED) flagged.push(x);
      reports.push(report);
      rowsRead += r.rowsRead;
      bytesBefore += f.sniff.bytes;
    }
    // Lines or product categories changed: the per-customer sums the segmentations read follow
    // (docs/decisions/0020), before the indexes so the rebuild scans the lines in order.
    if (planned.some((f) => f.plan.target === 'purchases' || f.plan.target === 'products')) {
      hooks.progress?.({ phase: 'index', done: 0, total: 1, unit: 'indexes', rows: rowsRead, message: 'summing lines per customer and category' });
      rebuildCustomerCategorySums(db);
    }
    if (rebuild) {
      createIndexes(db, (name, i, n) => hooks.progress?.({ phase: 'index', done: i, total: n, unit: 'indexes', rows: rowsRead, message: `building index ${name}` }));
    }
    // Receipts, partner uses or payments changed: the receipt facts customerBase reads follow (after
    // the indexes: the receipts (customer_id, day) index gives the grouped scan its order).
    if (planned.some((f) => f.plan.target === 'purchases' || f.plan.target === 'partnerUses' || f.plan.target === 'payments')) {
      hooks.progress?.({ phase: 'index', done: 0, total: 1, unit: 'indexes', rows: rowsRead, message: 'summing receipts per customer' });
      rebuildCustomerReceiptFacts(db);
    }
    hooks.signal?.throwIfAborted();
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    const summary: ImportSummary = {
      tables,
      rowsRead,
      rowsImported: reports.reduce((s, r) => s + r.rowsImported, 0),
      rowsRejected: reports.reduce((s, r) => s + r.rowsRejected, 0),
      rowsFlagged: reports.reduce((s, r) => s + r.rowsFlagged, 0),
      linesNotRead: reports.reduce((s, r) => s + r.linesNotRead, 0),
      rejected,
      flagged,
      customers: count('SELECT count(*) AS n FROM customers'),
      receipts: count('SELECT count(*) AS n FROM receipts'),
      amountTotal: purchaseFiles > 0 && !purchaseAmounts ? null : round6(amountTotal),
      amountRejected: round6(amountRejected),
      sharedReceiptIds,
      attributes: [...attributes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      fingerprint: reports.length === 1 ? reports[0].fingerprint : sha256Text(reports.map((r) => r.fingerprint).sort().join('\n')),
      files: reports,
      ...(reports.some((r) => r.table === 'marketing' && r.format === 'generic') ? { marketing: spendSummary(db) } : {}),
      ...(reports.some((r) => r.table === 'coupons' && r.format === 'generic') ? { coupons: offersSummary(db) } : {}),
      ...(currencySymbol !== undefined ? { currencySymbol } : {}),
      currency: recordCurrencyGuess(db, guess),
      seconds: 0,
    };
    hooks.progress?.({ phase: 'commit', done: 0, total: 1, unit: 'indexes', rows: rowsRead, message: 'committing' });
    summary.seconds = round6((performance.now() - t0) / 1000);
    if (hooks.recordRun) {
      summary.runId = hooks.recordRun(summary);
      const link = db.prepare('UPDATE imports SET run_id = ? WHERE id = ?');
      for (const id of importIds) link.run(summary.runId, id);
    }
    db.exec('COMMIT');
    backToWal();
    return summary;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    backToWal();
    throw err;
  }
}

/** What the import did with receipt ids shared by several customers, for the file's notes. */
function sharedReceiptNote(n: number): string[] {
  if (n === 0) return [];
  return [`${n.toLocaleString('en-US')} receipt id${n === 1 ? '' : 's'} carr${n === 1 ? 'ies' : 'y'} lines of more than one customer: each line kept its own customer, and such an id became one receipt per (receipt id, customer)`];
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

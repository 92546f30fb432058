import { writeFileAtomic } from '../data/export/atomic-file.js';
import { csvText, writeCsvFile, type Cell } from '../data/export/csv-writer.js';
import { sha256Text } from '../data/hash.js';
import { readMembers, readNames } from '../data/store/segments.js';
import { openProject, projectFileOf, type Db } from '../data/store/open.js';
import { importIssuesOfRun } from '../data/store/queries/import-report.js';
import { getRun } from '../data/store/runs.js';
import { withCurrentNames } from './run-names.js';
import { EXPORT_KINDS, type ExportKind, type ExportResult } from '../model/api.js';
import { SEGMENT_ANALYSES } from '../model/segment.js';
import { WorkbenchError } from '../model/result.js';
import fs from 'node:fs';
import path from 'node:path';
import { PARQUET_TABLES, writeTableParquet, type ParquetFileResult } from '../data/export/parquet.js';
import { couponExportRows } from './coupons.js';
import { resolveExportTarget } from './export-target.js';
import { marketingExportRows } from './marketing.js';
import { forecastExportRows } from './forecast.js';
import { overviewCustomerExportRows, overviewCustomerFileSuffix } from './overview-explore.js';
import { rulesExportRows } from './rules.js';
import { clvCampaignFilter, clvExportRows } from './value.js';
import { campaignSpendParams, campaignSpendPredictor, spendHeader, withExpectedSpend, type PendingRow } from './campaign-spend.js';
import { spendExportRows } from './spend.js';
import { SEGMENT_EXPORTS, segmentationRun } from './segments.js';
import { segmentExportWithClv } from './profile-clv.js';
import { reasonReader } from './reason-names.js';
import { headerIn, type ExportLang } from './export-headers.js';
import { exclusionReasonIn, segmentNameIn } from '../analysis/segment/segment-names.js';

/** What one export writes; `export --help` prints these, and exportRun applies `bom` as the default. */
export interface ExportInfo {
  /** What the file holds, one line. */
  writes: string;
  /** The kind of run it exports. */
  runs: string;
  format: 'csv' | 'json';
  /** CSV: whether it starts with a UTF-8 BOM unless the request says otherwise; JSON: null. */
  bom: boolean | null;
  /** Its `--param key=value` options, when it has any. */
  params?: string;
}

/**
 * Every export, once (keyed by the contract's EXPORT_KINDS, so a new kind must be described here).
 * BOM defaults: Excel needs the BOM to read a CSV as UTF-8 (Korean names turn to mojibake
 * without it), so the lists people open in Excel — campaign, import-report — carry it; the
 * segmentation exports are read by scripts, where the BOM sticks to the first column name
 * (Python's csv module reads `\ufeffcustomer`; R's read.csv in a non-UTF-8 locale `X...customer`),
 * so they do not.
 */
export const EXPORTS: Record<ExportKind, ExportInfo> = {
  'import-report': { writes: 'every rejected and flagged row: file, line, column, value, reason, severity', runs: 'an import or demo run', format: 'csv', bom: true },
  summary: { writes: "the run's record: analysis, title and note (when set), parameters, data fingerprint, timings, summary (segment names current)", runs: 'any run', format: 'json', bom: null },
  segments: { writes: 'one row per customer: customer, segment, name, outlier, reason (excluded customers last, with an empty segment and the reason)', runs: `a segmentation run (${SEGMENT_ANALYSES.join(', ')})`, format: 'csv', bom: false },
  profiles: { writes: 'one row per segment: size, shares, spend, feature means and medians, top categories', runs: 'a segmentation run', format: 'csv', bom: false, params: 'clvRun=ID (adds mean_clv, mean_p_alive, mean_expected_purchases: the means of the segment\'s customers in that clv run)' },
  features: { writes: 'customer, then the feature matrix the clustering saw (after scaling)', runs: 'a segmentation run', format: 'csv', bom: false, params: 'stage=dbscan (stratified-kmeans: the matrix DBSCAN saw)' },
  campaign: { writes: 'one row per recommended product: customer, segment, rank, product, name, category, score, reason', runs: 'a recommend run', format: 'csv', bom: true, params: 'segmentRun=ID, segment=ID|NAME, hashIds=true, excludeCategories=TERM,TERM (drops products whose category or sub-category contains one; ranks again from 1), clvRun=ID with minValue=X, minPAlive=P, maxPAlive=P (adds p_alive, expected_value), spendRun=ID (a spend-model run: adds expectedSpend, the spend its model expects on the product) with couponRate=R (adds coupon = expectedSpend × R rounded to the nearest couponRound, default 100: the original study proposes 0.1 and 100 won)' },
  // Rules are read by analysts in Excel and by pandas/R alike; no BOM, as the other analysis tables (pandas reads it with encoding='utf-8-sig', Excel users pass --bom).
  // CLV tables go to scripts and to Excel alike; no BOM, as the other analysis tables (customer codes are ASCII or digits).
  clv: { writes: 'one row per customer: customer, frequency, recency, T (time unit of the run), monetary (mean repeat purchase amount), p_alive, expected_purchases, expected_value (discounted, over horizonDays)', runs: 'a clv run', format: 'csv', bom: false },
  rules: { writes: "one row per rule: segment, antecedents, consequents (names joined by ' & '), antecedent support, consequent support, support, confidence, lift, leverage, conviction (inf at confidence 1), zhangs_metric", runs: 'a rules run', format: 'csv', bom: false },
  marketing: { writes: 'one row per measured customer: customer, segment, online_share, online_response (min–max scaled), offline_tier (low / mid / high / none), amount_low, amount_mid, amount_high (amount per occurrence of each offline spend tier)', runs: 'a marketing-response run', format: 'csv', bom: false },
  coupons: { writes: 'one row per customer with a coupon offer: customer, segment, cluster, sensitive, use rate per discount level (rate_<level>), offered lines per level (offers_<level>)', runs: 'a coupon-sensitivity run', format: 'csv', bom: false, params: 'segmentRun=ID (default: the run\'s own)' },
  // Forecasts go to scripts and BI tools that read dates and numbers; no BOM (series names are ASCII or Korean segment names: Excel users pass --bom).
  // Customer lists go to Excel for campaigns; BOM on, as the campaign export.
  'overview-customers': { writes: 'the customers behind one bar of the Overview: customer, receipts, sales (net, in the bar\'s slice; absent without amounts)', runs: 'an overview run', format: 'csv', bom: true, params: 'dimension=month|week|weekday|hour|items|amount|product|segment|new|returning with value=BAR (without them: every customer under the filters), from=YYYY-MM-DD, to=YYYY-MM-DD, segmentRun=ID, segment=ID, region=X, retailer=X, category=X' },
  // Test-split predictions go to scripts that recompute the metrics; no BOM, as the other analysis tables.
  'spend-model': { writes: 'one row per test-split line: customer, product, date, actual (amount), then each fitted model\'s predicted amount, one column per model id', runs: 'a spend-model run', format: 'csv', bom: false },
  forecast: { writes: 'per series and model: history rows (date, the one-step fit as yhat, actual) then forecast rows (yhat, lower80, upper80, lower95, upper95; actual empty)', runs: 'a forecast run', format: 'csv', bom: false },
};

/**
 * Writes one export of a stored run; `bom` overrides the export's default. Each kind checks the run
 * fits. `out` may never be the project, its side files or any SQLite database (resolveExportTarget),
 * and the file is replaced atomically: complete, or the old one untouched (AtomicFile). `lang`
 * (issue #14) writes the CSV header in that language (export-headers.ts; English is the contract
 * and the default) and renders campaign reasons in it; absent, everything is as stored.
 */
export function exportRun(db: Db, runId: number, what: string, out: string, params: Record<string, string> = {}, bom?: boolean, lang?: ExportLang): ExportResult {
  const run = getRun(db, runId);
  if (!run) throw new WorkbenchError('not-found', `No run ${runId} in this project; \`runs\` lists them.`);
  if (!(EXPORT_KINDS as readonly string[]).includes(what)) throw new WorkbenchError('invalid-input', `Unknown export '${what}'; known: ${EXPORT_KINDS.join(', ')}.`);
  const kind = what as ExportKind;
  const info = EXPORTS[kind];
  if (info.format !== 'csv' && bom !== undefined) throw new WorkbenchError('usage', `--bom applies to CSV exports; ${what} writes JSON.`);
  const withBom = bom ?? info.bom === true;
  const target = resolveExportTarget(out, projectFileOf(db));
  const csv = (header: readonly string[], rows: Iterable<readonly Cell[]>): ExportResult => {
    const count = writeCsvFile(target, header.map((h) => headerIn(h, lang)), cellsIn(kind, header, rows, lang), { bom: withBom });
    return { file: out, what, format: 'csv', rows: count, bom: withBom, bytes: fs.statSync(target).size };
  };
  switch (kind) {
    case 'import-report': {
      if (run.analysis !== 'import' && run.analysis !== 'demo') throw new WorkbenchError('invalid-input', `Run ${runId} is a ${run.analysis} run; import-report needs an import or demo run.`);
      const rows = (function* () {
        for (const r of importIssuesOfRun(db, runId)) yield [r.file, r.line, r.column, r.value, r.reason, r.severity] as const;
      })();
      return csv(['file', 'line', 'column', 'value', 'reason', 'severity'], rows);
    }
    case 'summary': {
      // The run's title and note when it has them, and its segments' current names (issue #14).
      const r = withCurrentNames(db, run);
      const record = { id: r.id, analysis: r.analysis, ...(r.title === undefined ? {} : { title: r.title }), ...(r.note === undefined ? {} : { note: r.note }), params: r.params, dataFingerprint: r.dataFingerprint, startedAt: r.startedAt, finishedAt: r.finishedAt, durationMs: r.durationMs, summary: r.summary };
      const bytes = writeFileAtomic(target, JSON.stringify(record, null, 2) + '\n');
      return { file: out, what, format: 'json', bytes };
    }
    case 'segments':
    case 'profiles':
    case 'features': {
      const { header, rows } = segmentExportWithClv(db, runId, kind, params);
      return csv(header, rows);
    }
    case 'campaign': {
      const { header, rows } = campaignRows(db, runId, params, lang);
      return csv(header, rows);
    }
    case 'rules': {
      const { header, rows } = rulesExportRows(db, runId);
      return csv(header, rows);
    }
    case 'clv': {
      const { header, rows } = clvExportRows(db, runId);
      return csv(header, rows);
    }
    case 'spend-model': {
      const { header, rows } = spendExportRows(db, runId);
      return csv(header, rows);
    }
    case 'marketing': {
      const { header, rows } = marketingExportRows(db, runId);
      return csv(header, rows);
    }
    case 'coupons': {
      const { header, rows } = couponExportRows(db, runId, params);
      return csv(header, rows);
    }
    case 'forecast': {
      const { header, rows } = forecastExportRows(db, runId);
      return csv(header, rows);
    }
    case 'overview-customers': {
      const { header, rows } = overviewCustomerRowsOfRun(db, runId, params);
      return csv(header, rows);
    }
  }
}

/** The customers behind one Overview bar (issue #14), exported from the Overview's run (the page's run id). */
function overviewCustomerRowsOfRun(db: Db, runId: number, params: Record<string, string>): { header: string[]; rows: Cell[][] } {
  const run = getRun(db, runId);
  if (run?.analysis !== 'overview') throw new WorkbenchError('invalid-input', `Run ${runId} is not an overview run; overview-customers exports the customers behind a bar of the Overview (\`runs\` lists the overview runs).`);
  return overviewCustomerExportRows(db, params);
}

/** A CSV export as text, for a download in the app (segmentation exports and campaigns). */
export function exportText(db: Db, runId: number, what: string, params: Record<string, string>, lang?: ExportLang): { filename: string; rows: number; csv: string } {
  const kinds = [...SEGMENT_EXPORTS, 'campaign', 'rules', 'coupons', 'forecast', 'marketing', 'clv', 'overview-customers'];
  if (!kinds.includes(what)) throw new WorkbenchError('invalid-input', `The app exports ${kinds.join(', ')} as CSV; '${what}' is a CLI export.`);
  const { header, rows } = what === 'overview-customers' ? overviewCustomerRowsOfRun(db, runId, params) : what === 'campaign' ? campaignRows(db, runId, params, lang) : what === 'rules' ? rulesExportRows(db, runId) : what === 'clv' ? clvExportRows(db, runId) : what === 'coupons' ? couponExportRows(db, runId, params) : what === 'forecast' ? forecastExportRows(db, runId) : what === 'marketing' ? marketingExportRows(db, runId) : segmentExportWithClv(db, runId, what, params);
  const { text, rows: count } = csvText(header.map((h) => headerIn(h, lang)), cellsIn(what, header, rows, lang));
  return { filename: `run-${runId}-${what}${params.stage ? `-${params.stage}` : ''}${what === 'campaign' ? campaignFileSuffix(params) : ''}${what === 'overview-customers' ? overviewCustomerFileSuffix(params) : ''}.csv`, rows: count, csv: text };
}

/** The columns that hold default segment names, per export kind (a campaign's `name` is a product's). */
const SEGMENT_NAME_COLUMNS: Readonly<Record<string, readonly string[]>> = { segments: ['name'], profiles: ['name'], campaign: ['segment'], marketing: ['segment'], coupons: ['segment'], rules: ['segment'] };

/**
 * An export's rows with its default segment names and exclusion reasons in `lang` (issue #14;
 * segment-names.ts): only for Korean, so without --lang or with en every cell is as stored.
 */
function cellsIn(kind: string, header: readonly string[], rows: Iterable<readonly Cell[]>, lang: ExportLang | undefined): Iterable<readonly Cell[]> {
  if (lang !== 'ko') return rows;
  const names = (SEGMENT_NAME_COLUMNS[kind] ?? []).map((c) => header.indexOf(c)).filter((i) => i >= 0);
  const reason = kind === 'segments' ? header.indexOf('reason') : -1;
  if (names.length === 0 && reason < 0) return rows;
  return (function* () {
    for (const row of rows) {
      const out = [...row];
      for (const i of names) if (typeof out[i] === 'string') out[i] = segmentNameIn(out[i] as string, lang);
      if (reason >= 0 && typeof out[reason] === 'string') out[reason] = exclusionReasonIn(out[reason] as string, lang);
      yield out;
    }
  })();
}

/**
 * A campaign download named after its filters (issue #14), e.g. run-7-campaign-segment-3-of-run-2-clv-9-without-2-categories-hashed.csv:
 * two files with different filters never share a name. Segment names are not used (free text).
 */
function campaignFileSuffix(params: Record<string, string>): string {
  const parts: string[] = [];
  if (params.segmentRun !== undefined) parts.push(params.segment !== undefined ? `segment-${params.segment.replace(/[^\p{L}\p{N}]+/gu, '_')}-of-run-${params.segmentRun}` : `segments-of-run-${params.segmentRun}`);
  if (params.clvRun !== undefined) parts.push(`clv-${params.clvRun}${params.minValue !== undefined ? `-min-${params.minValue}` : ''}${params.maxPAlive !== undefined ? `-palive-max-${params.maxPAlive}` : ''}${params.minPAlive !== undefined ? `-palive-min-${params.minPAlive}` : ''}`);
  if (params.spendRun !== undefined) parts.push(`spend-${params.spendRun}${params.couponRate !== undefined ? `-coupon-${params.couponRate}${params.couponRound !== undefined ? `-round-${params.couponRound}` : ''}` : ''}`);
  const excluded = (params.excludeCategories ?? '').split(',').filter((x) => x.trim() !== '').length;
  if (excluded > 0) parts.push(`without-${excluded}-categor${excluded === 1 ? 'y' : 'ies'}`);
  if (params.hashIds === 'true') parts.push('hashed');
  return parts.map((x) => `-${x}`).join('');
}

/**
 * The campaign of a `recommend` run (issue #5 §4; contract: header starts with `customer`): one
 * row per recommended product — customer, segment (of `segmentRun` when given), rank, product
 * code, name, category, score, reason. `segment` (an id or a name of `segmentRun`) keeps only that
 * segment's customers; `hashIds=true` replaces customer ids by the first 16 hex digits of their
 * SHA-256 (pseudonymous, not anonymous: short ids can be recovered by trying them all).
 * `excludeCategories=담배,주류` (issue #14: regulated goods are not promoted by default in the app)
 * drops the products whose category or sub-category contains one of the comma-separated terms
 * (case-insensitive); each customer's remaining products are ranked again from 1.
 * `spendRun` / `couponRate` / `couponRound` (issue #13) append `expectedSpend` and `coupon`
 * (campaign-spend.ts).
 */
export function campaignRows(db: Db, runId: number, params: Record<string, string>, lang?: ExportLang): { header: string[]; rows: Iterable<Cell[]> } {
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
  const excluded = (params.excludeCategories ?? '').split(',').map((x) => x.trim().toLowerCase()).filter((x) => x !== '');
  // CLV filter (issue #13): customers of a clv run by value and P(alive); their two figures are appended.
  const clv = clvCampaignFilter(db, params);
  // Expected spend per recommended product and the coupon rule (issue #13); checked before any row is read.
  const spend = campaignSpendParams(params);
  if (spend) getSpendRun(db, spend.spendRun);
  // Reasons read now: the segment's current name, in the export's language (reason-names.ts); read before the rows iterate.
  const readReason = reasonReader(db, run, lang);
  const statement = db
    .prepare(
      `SELECT r.customer_id, c.code, r.rank, p.code, p.name, p.category, r.score, r.reason, p.category2
       FROM recommendations r JOIN customers c ON c.id = r.customer_id JOIN products p ON p.id = r.product_id
       WHERE r.run_id = ? ORDER BY r.customer_id, r.rank`,
    )
    .raw();
  type Row = [number, string, number, string, string | null, string | null, number | null, string, string | null];
  // The spend model reads the project while the rows are written, and better-sqlite3 allows no other
  // statement while one iterates: with spendRun the list is read whole first.
  const rows = (spend ? statement.all(runId) : statement.iterate(runId)) as Iterable<Row>;
  const pending = function* (): Generator<PendingRow> {
    let lastCustomer = -1, kept = 0;
    for (const [cid, code, rank, product, name, category, score, reason, category2] of rows) {
      const seg = segmentOf?.get(cid);
      if (keep !== null && seg?.id !== keep) continue;
      const value = clv?.keep(cid);
      if (value === null) continue;
      if (excluded.length > 0 && excluded.some((term) => (category ?? '').toLowerCase().includes(term) || (category2 ?? '').toLowerCase().includes(term))) continue;
      if (cid !== lastCustomer) [lastCustomer, kept] = [cid, 0];
      kept++;
      yield { customer: code, product, cells: [hash ? sha256Text(code).slice(0, 16) : code, seg ? seg.name : '', excluded.length > 0 ? kept : rank, product, name, category, score, readReason(cid, reason), ...(value ? [value.pAlive, value.value] : [])] };
    }
  };
  return {
    header: ['customer', 'segment', 'rank', 'product', 'name', 'category', 'score', 'reason', ...(clv ? ['p_alive', 'expected_value'] : []), ...spendHeader(spend)],
    rows: spend
      ? withExpectedSpend(pending(), spend, campaignSpendPredictor(db, spend.spendRun))
      : (function* () {
          for (const r of pending()) yield r.cells;
        })(),
  };
}

/** A spend-model run, or a clear error naming what the run is. */
function getSpendRun(db: Db, runId: number): void {
  const run = getRun(db, runId);
  if (!run) throw new WorkbenchError('not-found', `No run ${runId} in this project; \`runs\` lists them.`);
  if (run.analysis !== 'spend-model') throw new WorkbenchError('invalid-input', `Run ${runId} is a ${run.analysis} run; spendRun needs a spend-model run (\`run spend-model\`).`);
}

/** What `export --what parquet` wrote: one Parquet file per table of the canonical model. */
export interface ParquetExportResult {
  what: 'parquet';
  dir: string;
  files: ParquetFileResult[];
}

/**
 * Writes the project's canonical model (customers, products, receipts, lines) as Parquet files
 * into the folder `out` (created when missing), for engines that scale past one laptop (issue #16;
 * docs/decisions/0021-scale-out.md). Not a run export: it reads the project's current data. Each
 * file goes through the same target checks and atomic write as every other export.
 */
export function exportParquet(project: string, out: string): ParquetExportResult {
  const projectFile = path.resolve(project);
  const dir = path.resolve(out);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new WorkbenchError('invalid-input', `--out ${out} is a file; the Parquet export writes a folder of files (customers.parquet, products.parquet, receipts.parquet, lines.parquet).`);
  const targets = PARQUET_TABLES.map((t) => path.join(dir, `${t.table}.parquet`));
  fs.mkdirSync(dir, { recursive: true });
  // Every target is checked before the project is opened (issue #15 §1).
  const resolved = targets.map((t) => resolveExportTarget(t, projectFile));
  const db = openProject(project, { readonly: true });
  try {
    return { what: 'parquet', dir: out, files: PARQUET_TABLES.map((spec, i) => writeTableParquet(db, spec, resolved[i]!)) };
  } finally {
    db.close();
  }
}

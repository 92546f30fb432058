import { z } from 'zod';
import { CURRENCIES, type Currency, type CurrencySource } from './currency.js';
import type { ImportSummary, RowIssue } from './import.js';
import { RUN_NOTE_MAX, RUN_TITLE_MAX, type JobEvent, type JobProgress, type JobStatus, type RunRecord } from './jobs.js';
import { OPERATION_NAMES, type OperationName } from './operation-names.js';
import type { ApiResult } from './result.js';
import type { ForecastRefit, ForecastSeriesView, HolidayList } from './forecast-run.js';
import type { CustomerView } from './recommend.js';
import { RULE_SORT_KEYS, type RulesView } from './rules.js';
import type { ClvView } from './value.js';
import { reportRequestShape, type RenderedReport } from './report.js';
import type { OverviewCustomers, OverviewExplore } from './overview-explore.js';
import { SPEND_MODEL_IDS, type SpendPrediction, type SpendSummary } from './spend.js';
import type { RunComparison, SegmentationView, SegmentComparison } from './segment.js';

/**
 * The one API every shell serves (CLI, browser host over HTTP, Electron over IPC): each
 * operation once, with its input schema (validated at every boundary) and its output type.
 * The renderer talks to an object with one method per operation (WorkbenchApi), whichever
 * transport is behind it.
 */

const project = z.string().min(1);

export const projectRequestSchema = z.object({ project });

export const runRequestSchema = z.object({
  project,
  analysis: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type RunRequest = z.input<typeof runRequestSchema>;

export const EXPORT_KINDS = ['import-report', 'summary', 'segments', 'profiles', 'features', 'campaign', 'rules', 'coupons', 'forecast', 'marketing', 'clv', 'overview-customers', 'spend-model'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const exportRequestSchema = z.object({
  project,
  run: z.number().int().positive(),
  what: z.string().min(1),
  out: z.string().min(1),
  params: z.record(z.string(), z.string()).default({}),
  /** Prefix a UTF-8 BOM to a CSV export; absent: the export's documented default (`export --help`). */
  bom: z.boolean().optional(),
  /**
   * The language of the file (issue #14): `ko` writes Korean CSV headers, and both languages render
   * campaign reasons in it. Absent: the contract's English headers and the reasons as stored.
   */
  lang: z.enum(['en', 'ko']).optional(),
});
export type ExportRequest = z.input<typeof exportRequestSchema>;

export interface ExportResult {
  file: string;
  what: string;
  /** What the file holds, whatever its name says. */
  format: 'csv' | 'json';
  /** CSV data rows written (header excluded); absent for JSON, which has no rows. */
  rows?: number;
  /** Whether a CSV starts with a UTF-8 BOM; absent for JSON. */
  bom?: boolean;
  /** Size of the written file. */
  bytes: number;
}

/** An analysis as listed by `analyses`: id, title, what it does, parameters with defaults and help. */
export interface AnalysisInfo {
  id: string;
  /** English name and account (the CLI's default language). */
  title: string;
  description: string;
  /** The same in Korean (issue #14); always set by the jobs, optional so older callers and fixtures stay valid. */
  titleKo?: string;
  descriptionKo?: string;
  params: AnalysisParam[];
}

/**
 * A parameter of an analysis: declared once with its job (core/jobs/param-spec.ts). `help` is the
 * English help; `label` and `helpText` hold both languages (always set by the jobs; optional so
 * older callers and hand-made fixtures stay valid); min/max/choices where the declaration knows them.
 */
export interface AnalysisParam {
  name: string;
  type: string;
  default: unknown;
  help: string;
  label?: { en: string; ko: string };
  helpText?: { en: string; ko: string };
  min?: number;
  max?: number;
  choices?: readonly (string | number)[];
}

/** What the UI shows of an open project. */
export interface ProjectInfo {
  path: string;
  name: string;
  /** Bytes of the project file. */
  bytes: number;
  schemaVersion: number;
  customers: number;
  receipts: number;
  lines: number;
  firstDay: string | null;
  lastDay: string | null;
  dataFingerprint: string;
  /** The project's currency (issue #14): every money figure shows its unit; 'none' shows bare numbers. */
  currency: Currency;
  /** Who decided it: the user (setCurrency), a guess at import (L.point: KRW; a sign in the amounts), or nothing yet. */
  currencySource: CurrencySource;
  imports: { id: number; file: string; format: string; table: string; rows: number; rejected: number; flagged: number; importedAt: string; runId: number | null }[];
}

/** What the import wizard shows for one file before importing it. */
export interface FilePreview {
  file: string;
  bytes: number;
  ok: boolean;
  /** Why the file cannot be imported as it is (with line and column when there is one). */
  error?: { message: string; line: number; column: string };
  format?: 'lpoint' | 'generic' | 'baskets';
  /** .xlsx: the sheet previewed and every sheet of the workbook (for the sheet picker). */
  sheet?: string;
  sheets?: string[];
  /** A format the user may choose that reads this file better (lines of varying width, no header: baskets). */
  suggestFormat?: 'baskets';
  table?: string;
  encoding?: string;
  delimiter?: string;
  header?: string[];
  rows?: string[][];
  /** field → column, as guessed (or given); editable in the wizard. */
  mapping?: Record<string, string>;
  /** The fields the file's role understands (generic), for the mapping editor. */
  fields?: string[];
  notes?: string[];
}

/** A job as the jobs panel lists it. */
export interface JobInfo {
  jobId: string;
  kind: string;
  project: string;
  status: JobStatus;
  startedAt: string;
  progress: JobProgress | null;
  runId: number | null;
  error: { code: string; message: string } | null;
}

/** One row of an import report: a rejected or flagged row of a file. */
export interface ReportRow extends RowIssue {
  severity: 'rejected' | 'flagged';
}

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
/** The Overview's filters (core/model/overview-explore.ts OverviewFilters). */
const overviewFiltersSchema = z.object({
  from: isoDay.optional(), to: isoDay.optional(), segmentRun: z.number().int().positive().optional(), segment: z.number().int().min(-1).optional(),
  region: z.string().min(1).max(200).optional(), retailer: z.string().min(1).max(200).optional(), category: z.string().min(1).max(200).optional(),
}).strict();

const importShape = {
  format: z.enum(['auto', 'lpoint', 'generic', 'baskets']).default('auto'),
  map: z.record(z.string(), z.string()).default({}),
  role: z.enum(['auto', 'transactions', 'customers', 'products', 'marketing', 'coupons']).default('auto'),
  encoding: z.enum(['auto', 'utf8', 'cp949']).default('auto'),
  sheet: z.string().min(1).optional(),
};

/** A project the host opened before (newest first); `exists`: the file is still there. */
export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

/** One entry of a listed folder. */
export interface FolderEntry {
  name: string;
  /** Absolute path (resolved: symlinks followed). */
  path: string;
  kind: 'directory' | 'file';
}

/** A folder within the user's home: its resolved path, the home, its parent (null at home), folders first. */
export interface FolderListing {
  path: string;
  home: string;
  parent: string | null;
  entries: FolderEntry[];
}

/** Every operation's input schema. Keys are the operation names (a contract for all shells). */
export const OPERATIONS = {
  /** Opens (or, with create, creates) a project file; the host remembers it as the current one. */
  openProject: z.object({ path: project, create: z.boolean().default(false) }),
  /** The project the host was started on or last opened, or null. */
  currentProject: z.object({}),
  projectInfo: projectRequestSchema,
  /** Sets the project's currency (an ISO code, or 'none' for bare numbers); the user's choice wins over every import's guess. */
  setCurrency: z.object({ project, currency: z.enum(CURRENCIES) }),
  /** Sniffs files (paths on the host: uploaded or picked) and proposes how to import them. */
  previewImport: z.object({ files: z.array(z.string().min(1)).min(1), ...importShape }),
  /** Starts a job: 'import' (params as ImportRequest without project), 'demo', or an analysis id. */
  startJob: z.object({ project, kind: z.string().min(1), params: z.record(z.string(), z.unknown()).default({}) }),
  cancelJob: z.object({ jobId: z.string().min(1) }),
  listJobs: z.object({}),
  listAnalyses: z.object({}),
  listRuns: projectRequestSchema,
  getRun: z.object({ project, id: z.number().int().positive() }),
  /** Gives a run a title, the analyst's name for it ('' clears it); results never change. */
  renameRun: z.object({ project, id: z.number().int().positive(), title: z.string().max(RUN_TITLE_MAX) }),
  /** Sets a run's free-text note ('' removes it). */
  annotateRun: z.object({ project, id: z.number().int().positive(), note: z.string().max(RUN_NOTE_MAX) }),
  /** Deletes an analysis run and everything stored under its id; import and demo runs and running runs are refused. */
  deleteRun: z.object({ project, id: z.number().int().positive() }),
  /** Every rejected and flagged row of an import (or demo) run. */
  importReport: z.object({ project, runId: z.number().int().positive() }),
  /** The Overview of the project's current data: the latest overview run for this data fingerprint, computed if missing. */
  getOverview: projectRequestSchema,
  /** The Overview for every file (issue #14): time, weekday, basket, new-vs-returning, product and segment panels under filters. */
  getOverviewExplore: z.object({ project, filters: overviewFiltersSchema.default({}) }),
  /** The customers behind one bar of getOverviewExplore's panels, under the same filters (the CSV is the overview-customers export). */
  getOverviewCustomers: z.object({
    project, filters: overviewFiltersSchema.default({}),
    slice: z.object({ dimension: z.enum(['month', 'week', 'weekday', 'hour', 'items', 'amount', 'product', 'segment', 'new', 'returning']), value: z.string().min(1).max(200) }),
    limit: z.number().int().min(1).max(1_000_000).optional(),
  }),
  /** A segmentation run as the Segments page shows it: summary, profiles, 2-D points. */
  getSegmentation: z.object({ project, runId: z.number().int().positive() }),
  /** Renames one segment of a run (segment −1 = the outliers). */
  renameSegment: z.object({ project, runId: z.number().int().positive(), segment: z.number().int().min(-1), name: z.string().min(1).max(200) }),
  /** Two segments of one run side by side, with tests. */
  compareSegments: z.object({ project, runId: z.number().int().positive(), a: z.number().int().min(-1), b: z.number().int().min(-1), clvRun: z.number().int().positive().optional() }),
  /** Two runs' memberships cross-tabulated, with the adjusted Rand index. */
  compareRuns: z.object({ project, runA: z.number().int().positive(), runB: z.number().int().positive() }),
  /** An export of a run as CSV text (the app offers it as a download); the CLI's export writes the same file. */
  exportCsv: z.object({ project, run: z.number().int().positive(), what: z.string().min(1), params: z.record(z.string(), z.string()).default({}), lang: z.enum(['en', 'ko']).optional() }),
  /** One customer: purchase timeline and, with a recommend run, their recommendations with reasons. */
  /** `lang` (issue #14): the recommendations' reasons in that language, each segment by its current name. */
  getCustomer: z.object({ project, customer: z.string().min(1), runId: z.number().int().positive().optional(), lang: z.enum(['en', 'ko']).optional() }),
  /** A page of a rules run's rules (one part: the whole data or a segment), sorted and filtered, with scatter points. */
  getRules: z.object({
    project, runId: z.number().int().positive(), part: z.string().min(1).optional(), sort: z.enum(RULE_SORT_KEYS).default('lift'), desc: z.boolean().default(true),
    search: z.string().max(200).optional(), minConfidence: z.number().min(0).max(1).optional(), minLift: z.number().min(0).optional(), uniqueOnly: z.boolean().default(false),
    offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(5000).default(200),
  }),
  /** One series of a forecast run (default: the first): history, each model's forecast with intervals, components, backtest. */
  getForecast: z.object({ project, runId: z.number().int().positive(), series: z.string().min(1).optional() }),
  /** The holidays the project's forecasts use: the built-in Korean calendar until edited. */
  getHolidays: projectRequestSchema,
  /** Saves the project's edited holiday list; null restores the built-in calendar. */
  saveHolidays: z.object({
    project,
    holidays: z.array(z.object({ date: z.string().min(1).max(20), name: z.string().max(200), nameEn: z.string().max(200).optional() })).max(5000).nullable(),
  }),
  /** Refits one series' Prophet with the project's current holidays (the holiday editor's preview; not stored). */
  refitForecast: z.object({ project, runId: z.number().int().positive(), series: z.string().min(1) }),
  /** A report (issue #14): the chosen runs in order, with title, summaries, provenance and parameters, as one self-contained HTML file or a PDF. */
  renderReport: z.object({ project, ...reportRequestShape }),
  /** A clv run as the Value page shows it: fit, holdout check, CLV and P(alive) per segment of `segmentRun`, top customers, one customer. */
  getClv: z.object({ project, runId: z.number().int().positive(), segmentRun: z.number().int().positive().optional(), customer: z.string().max(200).optional() }),
  /** A spend-model run's summary (models, metrics per split, importance, verdict, periods). */
  getSpendModel: z.object({ project, runId: z.number().int().positive() }),
  /** Expected spend of customer × product pairs as of the day after the data's last day, by the run's winner (or `model`), with the top 5 contributions. */
  spendPredictions: z.object({
    project, runId: z.number().int().positive(),
    pairs: z.array(z.object({ customer: z.string().min(1).max(200), product: z.string().min(1).max(200) })).max(100_000),
    model: z.enum(SPEND_MODEL_IDS).optional(),
  }),
  /** The projects this host opened, newest first (the browser host keeps them in the user-data folder; issue #14). */
  recentProjects: z.object({}),
  /** One folder of the user's home for the browser host's project chooser: folders and .sqlite/.csv/.xlsx/.txt files only; paths outside home refused. */
  listFolder: z.object({ path: z.string().max(4096).optional() }),
} as const satisfies Record<OperationName, z.ZodType>;

// Both ways: a name without a schema fails above, a schema without a name fails here.
const _everySchemaNamed: Record<keyof typeof OPERATIONS, true> = Object.fromEntries(OPERATION_NAMES.map((n) => [n, true])) as Record<OperationName, true>;
void _everySchemaNamed;
export type OperationInput<K extends OperationName> = z.input<(typeof OPERATIONS)[K]>;

/** Every operation's output. */
export interface OperationOutputs {
  openProject: ProjectInfo;
  currentProject: ProjectInfo | null;
  projectInfo: ProjectInfo;
  setCurrency: ProjectInfo;
  previewImport: FilePreview[];
  startJob: JobInfo;
  cancelJob: { cancelled: boolean };
  listJobs: JobInfo[];
  listAnalyses: AnalysisInfo[];
  listRuns: RunRecord[];
  getRun: RunRecord;
  renameRun: RunRecord;
  annotateRun: RunRecord;
  /** The run that went, and the rows removed per table (runs included). */
  deleteRun: { id: number; analysis: string; title?: string; deleted: Record<string, number> };
  importReport: ReportRow[];
  getOverview: { runId: number; dataFingerprint: string; overview: unknown };
  getOverviewExplore: OverviewExplore;
  getOverviewCustomers: OverviewCustomers;
  getSegmentation: SegmentationView;
  renameSegment: { runId: number; segment: number; name: string };
  compareSegments: SegmentComparison;
  compareRuns: RunComparison;
  exportCsv: { filename: string; rows: number; csv: string };
  getCustomer: CustomerView;
  getRules: RulesView;
  getClv: ClvView;
  getSpendModel: SpendSummary;
  spendPredictions: SpendPrediction[];
  getForecast: ForecastSeriesView;
  getHolidays: HolidayList;
  saveHolidays: HolidayList;
  refitForecast: ForecastRefit;
  renderReport: RenderedReport;
  recentProjects: RecentProject[];
  listFolder: FolderListing;
}

/** The API as the renderer sees it: one method per operation, errors as data, job events pushed. */
export type WorkbenchApi = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<ApiResult<OperationOutputs[K]>>;
} & {
  /** Subscribes to every job's events (progress, done, failed, cancelled); returns unsubscribe. */
  onJobEvent(listener: (event: JobEvent) => void): () => void;
};

export { OPERATION_NAMES, type OperationName };

export type { ImportSummary };

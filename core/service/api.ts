import type { z } from 'zod';
import path from 'node:path';
import { previewFiles } from '../data/import/index.js';
import { listFolder } from './folder-listing.js';
import type { RecentProjects } from './recent-projects.js';
import { openProject } from '../data/store/open.js';
import { setUserCurrency } from '../data/store/currency.js';
import { projectInfo } from '../data/store/queries/project-info.js';
import { importIssuesOfRun } from '../data/store/queries/import-report.js';
import { OPERATIONS, type OperationInput, type OperationName, type OperationOutputs, type ProjectInfo, type ReportRow } from '../model/api.js';
import { toApiError, WorkbenchError, type ApiResult } from '../model/result.js';
import { customerView } from './customers.js';
import { exportText } from './exports.js';
import { forecastView, projectHolidays, refitForecast, saveHolidays } from './forecast.js';
import { checkDataFiles, checkNewProjectPath, type StagedFiles } from './file-policy.js';
import { JobBoard } from './job-board.js';
import { overviewCustomers } from './overview-explore.js';
import { overviewExploreOffThread } from './query-thread.js';
import { rulesView } from './rules.js';
import { annotateRun, currentRun, currentRuns, removeRun, renameRun } from './run-edits.js';
import { clvComparison, clvView } from './value.js';
import { spendModelView, spendPredictions } from './spend.js';
import { campaignSpendReady } from './campaign-spend.js';
import { tfWasmReady } from '../jobs/recommend/tf-wasm.js';
import { compareRuns, compareSegments, renameSegment, runViewStamp, segmentationView } from './segments.js';
import { finishReport, prepareReport, type ReportPrinter } from './report/render.js';
import type { WorkbenchService } from './service.js';

type Handlers = { [K in OperationName]: (input: z.output<(typeof OPERATIONS)[K]>) => Promise<OperationOutputs[K]> | OperationOutputs[K] };

/** Runs `fn` on the project; except for 'write', an existing project in a read-only folder opens read-only (issue #15 §7). */
function withProject<T>(file: string, fn: (db: ReturnType<typeof openProject>) => T, mode: 'read' | 'write' | 'create' = 'read'): T {
  const db = openProject(file, { create: mode === 'create', readonlyIfNeeded: mode !== 'write' });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/**
 * The API of SPEC §4 over the service, as the browser host and Electron serve it: validates
 * each input with the operation's schema, runs it, and answers `{ok, value}` or `{ok: false,
 * error}` — never a thrown stack. Quick reads answer here; heavy work starts jobs in workers.
 */
export class ApiHost {
  readonly board = new JobBoard();
  /** Prints report PDFs; undefined: headless Chromium (core/service/report/pdf.ts). The desktop app sets Electron's printToPDF. */
  reportPrinter: ReportPrinter | undefined;
  /** The browser host's recent projects (cli/serve.ts sets it); undefined: none kept. openProject records into it. */
  recent: RecentProjects | undefined;
  /** The folder listFolder may show, the user's home (cli/serve.ts sets it); undefined: listing refused. */
  browseRoot: string | undefined;
  private current: string | null;

  /**
   * `staged`: the browser host's uploads — then previews and imports read only those, the demo
   * writes no CSV folder, and an uploaded file is deleted once its import has succeeded (issue #15
   * §9, §11). Absent (Electron, tests): any regular file the user picked.
   */
  constructor(
    private readonly service: WorkbenchService,
    initialProject: string | null = null,
    private readonly staged: StagedFiles | null = null,
  ) {
    this.current = initialProject === null ? null : path.resolve(initialProject);
  }

  private readonly handlers: Handlers = {
    openProject: ({ path: file, create }) => {
      if (create) checkNewProjectPath(path.resolve(file));
      const info = withProject(path.resolve(file), (db) => projectInfo(db, path.resolve(file)), create ? 'create' : 'read');
      this.current = info.path;
      this.recent?.record(info.path);
      return info;
    },
    currentProject: (): ProjectInfo | null => (this.current === null ? null : withProject(this.current, (db) => projectInfo(db, this.current as string))),
    projectInfo: ({ project }) => withProject(project, (db) => projectInfo(db, project)),
    setCurrency: ({ project, currency }) =>
      withProject(project, (db) => {
        setUserCurrency(db, currency);
        return projectInfo(db, project);
      }, 'write'),
    previewImport: (input) => {
      checkDataFiles(input.files, this.staged);
      return previewFiles(input.files, input);
    },
    startJob: ({ project, kind, params }) => {
      const files = kind === 'import' && Array.isArray(params.files) ? params.files.filter((f): f is string => typeof f === 'string') : [];
      if (kind === 'import' || kind === 'demo') checkNewProjectPath(path.resolve(project));
      if (kind === 'import') checkDataFiles(files, this.staged);
      if (kind === 'demo' && this.staged && params.out !== undefined) throw new WorkbenchError('invalid-input', 'The browser host does not write the demo CSV files to a folder; use `segment-workbench demo --out` for that.');
      const handle = kind === 'import' ? this.service.importFiles({ ...(params as object), project } as never) : kind === 'demo' ? this.service.demo({ ...(params as object), project } as never) : this.service.runAnalysis({ project, analysis: kind, params });
      // Deleted before the board hears of the end (listeners run in order), so whoever sees `done`
      // finds the upload gone. A failed or cancelled import keeps its uploads: the wizard retries.
      const staged = this.staged;
      if (staged) handle.onEvent((e) => e.type === 'done' && staged.release(files));
      return this.board.track(handle, project);
    },
    cancelJob: ({ jobId }) => {
      const handle = this.service.jobs.active().find((j) => j.jobId === jobId);
      handle?.cancel();
      return { cancelled: handle !== undefined };
    },
    listJobs: () => this.board.list(),
    listAnalyses: () => this.service.listAnalyses(),
    // Summaries carry the segments' current names (run-names.ts): a rename shows on every page.
    listRuns: ({ project }) => withProject(project, (db) => currentRuns(db)),
    getRun: ({ project, id }) => withProject(project, (db) => currentRun(db, id)),
    renameRun: ({ project, id, title }) => withProject(project, (db) => renameRun(db, id, title), 'write'),
    annotateRun: ({ project, id, note }) => withProject(project, (db) => annotateRun(db, id, note), 'write'),
    deleteRun: ({ project, id }) => withProject(project, (db) => removeRun(db, id), 'write'),
    importReport: ({ project, runId }) => withProject(project, (db) => [...importIssuesOfRun(db, runId)] as ReportRow[]),
    getOverview: ({ project }) => this.service.overview(project, (handle) => this.board.track(handle, project)),
    // Seconds to a minute on a large project: answered by a query thread, never on the host's (issue #16).
    getOverviewExplore: ({ project, filters }) => overviewExploreOffThread(project, filters),
    getOverviewCustomers: ({ project, filters, slice, limit }) => withProject(project, (db) => overviewCustomers(db, filters, slice, limit)),
    getSegmentation: ({ project, runId }) => withProject(project, (db) => segmentationView(db, runId)),
    renameSegment: ({ project, runId, segment, name }) =>
      withProject(project, (db) => {
        renameSegment(db, runId, segment, name);
        return { runId, segment, name: name.trim() };
      }, 'write'),
    compareSegments: ({ project, runId, a, b, clvRun }) => withProject(project, (db) => ({ ...compareSegments(db, runId, a, b), ...(clvRun === undefined ? {} : { clv: clvComparison(db, runId, a, b, clvRun) }) })),
    compareRuns: ({ project, runA, runB }) => withProject(project, (db) => compareRuns(db, runA, runB)),
    // A campaign with expectedSpend may predict with TabNet: TensorFlow.js is loaded first (campaign-spend.ts).
    exportCsv: async ({ project, run, what, params, lang }) => {
      await campaignSpendReady(params);
      return withProject(project, (db) => exportText(db, run, what, params, lang));
    },
    getCustomer: ({ project, customer, runId, lang }) => withProject(project, (db) => customerView(db, customer, runId, lang)),
    getRules: ({ project, runId, ...view }) => withProject(project, (db) => rulesView(db, runId, view)),
    getClv: ({ project, runId, segmentRun, customer }) => withProject(project, (db) => clvView(db, runId, { segmentRun, customer })),
    getSpendModel: ({ project, runId }) => withProject(project, (db) => spendModelView(db, runId)),
    // TensorFlow.js is loaded first (once per process, ≈ 0.15 s) in case the model is TabNet.
    spendPredictions: async ({ project, runId, pairs, model }) => {
      await tfWasmReady();
      return withProject(project, (db) => spendPredictions(db, runId, pairs, model));
    },
    getForecast: ({ project, runId, series }) => withProject(project, (db) => forecastView(db, runId, series)),
    getHolidays: ({ project }) => withProject(project, (db) => projectHolidays(db)),
    saveHolidays: ({ project, holidays }) => withProject(project, (db) => saveHolidays(db, holidays), 'write'),
    refitForecast: ({ project, runId, series }) => withProject(project, (db) => refitForecast(db, runId, series)),
    recentProjects: () => this.recent?.list() ?? [],
    listFolder: ({ path: folder }) => {
      if (this.browseRoot === undefined) throw new WorkbenchError('invalid-input', 'This host does not list folders; choose the project with the app’s file dialog.');
      return listFolder(this.browseRoot, folder);
    },
    renderReport: ({ project, format, ...request }) => finishReport(withProject(project, (db) => prepareReport(db, project, request)), format, this.reportPrinter),
  };

  /** Runs one operation from untrusted input: unknown names and invalid inputs are errors as data. */
  async call(name: string, input: unknown): Promise<ApiResult<unknown>> {
    if (!Object.hasOwn(OPERATIONS, name)) return { ok: false, error: { code: 'not-found', message: `Unknown operation '${name}'.` } };
    const op = name as OperationName;
    const parsed = OPERATIONS[op].safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: { code: 'invalid-input', message: `${op}: ${issue.path.join('.') || 'input'}: ${issue.message}`, details: parsed.error.issues } };
    }
    try {
      const handler = this.handlers[op] as (i: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
  }

  /**
   * For the read-only views of a finished run (`getSegmentation`, `getRules`): a stamp of the
   * stored state their answer depends on, read from the project now; equal stamps mean equal
   * answers, so a host may reuse a serialized answer (cli/http/answer-cache.ts). Null for every
   * other operation, invalid input, a run not done, or any error (then the call runs as usual).
   */
  viewStamp(name: string, input: unknown): string | null {
    if (name !== 'getSegmentation' && name !== 'getRules') return null;
    const parsed = OPERATIONS[name].safeParse(input ?? {});
    if (!parsed.success) return null;
    try {
      return withProject(parsed.data.project, (db) => runViewStamp(db, parsed.data.runId));
    } catch {
      return null;
    }
  }

  /** Typed form of call, for in-process callers and tests. */
  invoke<K extends OperationName>(name: K, input: OperationInput<K>): Promise<ApiResult<OperationOutputs[K]>> {
    return this.call(name, input) as Promise<ApiResult<OperationOutputs[K]>>;
  }
}

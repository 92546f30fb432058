import type { z } from 'zod';
import path from 'node:path';
import { previewFiles } from '../data/import/index.js';
import { openProject } from '../data/store/open.js';
import { projectInfo } from '../data/store/queries/project-info.js';
import { importIssuesOfRun } from '../data/store/queries/import-report.js';
import { getRun, listRuns } from '../data/store/runs.js';
import { OPERATIONS, type OperationInput, type OperationName, type OperationOutputs, type ProjectInfo, type ReportRow } from '../model/api.js';
import { toApiError, WorkbenchError, type ApiResult } from '../model/result.js';
import { customerView } from './customers.js';
import { exportText } from './exports.js';
import { JobBoard } from './job-board.js';
import { compareRuns, compareSegments, renameSegment, segmentationView } from './segments.js';
import type { WorkbenchService } from './service.js';

type Handlers = { [K in OperationName]: (input: z.output<(typeof OPERATIONS)[K]>) => Promise<OperationOutputs[K]> | OperationOutputs[K] };

function withProject<T>(file: string, fn: (db: ReturnType<typeof openProject>) => T, create = false): T {
  const db = openProject(file, { create });
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
  private current: string | null;

  constructor(private readonly service: WorkbenchService, initialProject: string | null = null) {
    this.current = initialProject === null ? null : path.resolve(initialProject);
  }

  private readonly handlers: Handlers = {
    openProject: ({ path: file, create }) => {
      const info = withProject(path.resolve(file), (db) => projectInfo(db, path.resolve(file)), create);
      this.current = info.path;
      return info;
    },
    currentProject: (): ProjectInfo | null => (this.current === null ? null : withProject(this.current, (db) => projectInfo(db, this.current as string))),
    projectInfo: ({ project }) => withProject(project, (db) => projectInfo(db, project)),
    previewImport: (input) => previewFiles(input.files, input),
    startJob: ({ project, kind, params }) => {
      const handle = kind === 'import' ? this.service.importFiles({ ...(params as object), project } as never) : kind === 'demo' ? this.service.demo({ ...(params as object), project } as never) : this.service.runAnalysis({ project, analysis: kind, params });
      return this.board.track(handle, project);
    },
    cancelJob: ({ jobId }) => {
      const handle = this.service.jobs.active().find((j) => j.jobId === jobId);
      handle?.cancel();
      return { cancelled: handle !== undefined };
    },
    listJobs: () => this.board.list(),
    listAnalyses: () => this.service.listAnalyses(),
    listRuns: ({ project }) => withProject(project, (db) => listRuns(db)),
    getRun: ({ project, id }) =>
      withProject(project, (db) => {
        const run = getRun(db, id);
        if (!run) throw new WorkbenchError('not-found', `No run ${id} in this project.`);
        return run;
      }),
    importReport: ({ project, runId }) => withProject(project, (db) => [...importIssuesOfRun(db, runId)] as ReportRow[]),
    getOverview: ({ project }) => this.service.overview(project, (handle) => this.board.track(handle, project)),
    getSegmentation: ({ project, runId }) => withProject(project, (db) => segmentationView(db, runId)),
    renameSegment: ({ project, runId, segment, name }) =>
      withProject(project, (db) => {
        renameSegment(db, runId, segment, name);
        return { runId, segment, name: name.trim() };
      }),
    compareSegments: ({ project, runId, a, b }) => withProject(project, (db) => compareSegments(db, runId, a, b)),
    compareRuns: ({ project, runA, runB }) => withProject(project, (db) => compareRuns(db, runA, runB)),
    exportCsv: ({ project, run, what, params }) => withProject(project, (db) => exportText(db, run, what, params)),
    getCustomer: ({ project, customer, runId }) => withProject(project, (db) => customerView(db, customer, runId)),
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

  /** Typed form of call, for in-process callers and tests. */
  invoke<K extends OperationName>(name: K, input: OperationInput<K>): Promise<ApiResult<OperationOutputs[K]>> {
    return this.call(name, input) as Promise<ApiResult<OperationOutputs[K]>>;
  }
}

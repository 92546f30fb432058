import path from 'node:path';
import { z } from 'zod';
import { DEMO_EXTRAS } from '../data/demo/types.js';
import { openProject } from '../data/store/open.js';
import { sha256Text } from '../data/hash.js';
import { dataFingerprint, latestRun, listRuns } from '../data/store/runs.js';
import { getJob, listAnalyses } from '../jobs/registry.js';
import type { ParamInfo } from '../jobs/types.js';
import { exportRequestSchema, projectRequestSchema, runRequestSchema, type AnalysisInfo, type ExportRequest, type ExportResult, type RunRequest } from '../model/api.js';
import { importRequestSchema, type ImportRequest } from '../model/import-request.js';
import type { RunRecord } from '../model/jobs.js';
import { WorkbenchError, type ErrorCode } from '../model/result.js';
import { resolveExportTarget } from './export-target.js';
import { exportRun } from './exports.js';
import { guardDataJob } from './import-guard.js';
import { JobRunner, type JobHandle, type JobRunnerOptions } from './job-runner.js';

export const demoRequestSchema = z.object({
  project: z.string().min(1),
  size: z.enum(['tiny', 'demo', 'full']).default('demo'),
  seed: z.number().int().min(0).default(1),
  out: z.string().min(1).optional(),
  /** Optional files with planted responses (`demo --with marketing,coupons`; docs/demo-data.md). */
  with: z.array(z.enum(DEMO_EXTRAS)).default([]),
});
export type DemoRequest = z.input<typeof demoRequestSchema>;

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new WorkbenchError('invalid-input', `${issue.path.join('.') || 'request'}: ${issue.message}`, r.error.issues);
}

/**
 * The one API every shell calls (CLI, browser host, Electron IPC). Long operations return a
 * JobHandle running in a worker thread; quick reads answer directly. Inputs are validated here,
 * at the boundary, whatever the shell already checked.
 */
export class WorkbenchService {
  readonly jobs: JobRunner;

  constructor(options: JobRunnerOptions = {}) {
    this.jobs = new JobRunner(options);
  }

  /** Readers keep working during the import, and a failed import into a new path leaves no file (guardDataJob). */
  importFiles(request: ImportRequest): JobHandle {
    const { project, ...params } = parse(importRequestSchema, request);
    return guardDataJob(project, () => this.jobs.start('import', project, params));
  }

  demo(request: DemoRequest): JobHandle {
    const { project, ...params } = parse(demoRequestSchema, request);
    return guardDataJob(project, () => this.jobs.start('demo', project, params));
  }

  runAnalysis(request: RunRequest): JobHandle {
    const { project, analysis, params } = parse(runRequestSchema, request);
    const job = getJob(analysis);
    if (!job.isAnalysis) throw new WorkbenchError('invalid-input', `'${analysis}' is not an analysis; \`analyses\` lists them.`);
    openProject(project, { readonly: true }).close();
    return this.jobs.start(analysis, project, params);
  }

  listAnalyses(): AnalysisInfo[] {
    return listAnalyses().map((j) => ({ id: j.id, title: j.title, description: j.description, ...(j.titleKo === undefined ? {} : { titleKo: j.titleKo }), ...(j.descriptionKo === undefined ? {} : { descriptionKo: j.descriptionKo }), params: j.paramInfo }));
  }

  /** Typed parameter values from `key=value` strings, by the analysis' declared parameter types. */
  coerceParams(analysis: string, raw: Record<string, string>): Record<string, unknown> {
    const info = new Map<string, ParamInfo>(getJob(analysis).paramInfo.map((p) => [p.name, p]));
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      const p = info.get(key);
      if (!p) throw new WorkbenchError('invalid-input', `${analysis} has no parameter '${key}'${info.size ? ` (parameters: ${[...info.keys()].join(', ')})` : ''}.`);
      out[key] = coerce(p.type, value);
    }
    return out;
  }

  listRuns(request: { project: string }): RunRecord[] {
    const { project } = parse(projectRequestSchema, request);
    const db = openProject(project, { readonly: true });
    try {
      return listRuns(db);
    } finally {
      db.close();
    }
  }

  exportRun(request: ExportRequest): ExportResult {
    const r = parse(exportRequestSchema, request);
    // A refused target is refused before the project is opened: not even a read-only connection
    // (which leaves empty -wal/-shm files in WAL mode) touches the project's folder (issue #15 §1).
    resolveExportTarget(r.out, path.resolve(r.project));
    const db = openProject(r.project, { readonly: true });
    try {
      return exportRun(db, r.run, r.what, r.out, r.params, r.bom, r.lang);
    } finally {
      db.close();
    }
  }

  /**
   * The Overview of a project's current data: the latest overview run computed on the same data
   * fingerprint, or a new overview job (in a worker; `track` lets the caller show its progress).
   */
  async overview(project: string, track?: (handle: JobHandle) => void): Promise<{ runId: number; dataFingerprint: string; overview: unknown }> {
    const db = openProject(project, { readonly: true });
    let fingerprint: string;
    try {
      fingerprint = dataFingerprint(db, sha256Text);
      const cached = latestRun(db, 'overview', fingerprint);
      if (cached) return { runId: cached.id, dataFingerprint: fingerprint, overview: cached.summary };
    } finally {
      db.close();
    }
    const handle = this.runAnalysis({ project, analysis: 'overview', params: {} });
    track?.(handle);
    const final = await handle.result;
    if (final.type === 'done') return { runId: final.runId as number, dataFingerprint: fingerprint, overview: final.summary };
    if (final.type === 'cancelled') throw new WorkbenchError('cancelled', 'The overview was cancelled.');
    throw new WorkbenchError((final.error.code as ErrorCode | undefined) ?? 'internal', final.error.message, final.error.details);
  }

  close(): Promise<void> {
    return this.jobs.close();
  }
}

function coerce(type: string, value: string): unknown {
  switch (type) {
    case 'integer':
    case 'number': {
      const n = Number(value);
      return value.trim() === '' || !Number.isFinite(n) ? value : n;
    }
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'string[]':
      return value.split(',').map((s) => s.trim()).filter(Boolean);
    default:
      return value;
  }
}

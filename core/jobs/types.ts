import type { z } from 'zod';
import type { JobProgress } from '../model/jobs.js';

/** What a running job may use: its identity, the project, cancel, progress, and run recording. */
export interface JobContext {
  jobId: string;
  /** Path of the project file the job works on. */
  project: string;
  /** Aborted when the user cancels; jobs check it between chunks (see throwIfCancelled). */
  signal: AbortSignal;
  /** When the job started (the run's started_at). */
  startedAt: Date;
  /** Reports progress; cheap to call often (the context throttles what it sends). */
  progress(progress: Omit<JobProgress, 'jobId'>): void;
  /**
   * Throws an Error named 'AbortError' when the job was cancelled. Unlike `signal.aborted`, it also
   * sees a cancel while the job never yields to the event loop (e.g. inside a SQLite transaction).
   */
  throwIfCancelled(): void;
  /** The run this job stored (set by recordRun); the runner reports it in the `done` event. */
  runId: number | null;
}

/** One parameter as listed by `analyses`: name, default, one-line help. */
export interface ParamInfo {
  name: string;
  type: string;
  default: unknown;
  help: string;
}

/**
 * A job kind: an import, the demo, or an analysis. `params` validates and fills defaults at the
 * boundary; `run` does the work in the worker and returns the summary the shells print.
 */
export interface JobDefinition<P = unknown, S = unknown> {
  id: string;
  title: string;
  description: string;
  /** Listed by `analyses` (imports and diagnostics are not analyses). */
  isAnalysis: boolean;
  params: z.ZodType<P>;
  paramInfo: ParamInfo[];
  run(ctx: JobContext, params: P): Promise<S>;
  /**
   * V8 young-generation size for the job's worker, when the default does not suit: jobs that
   * mostly wait on SQLite while another thread parses keep it small to bound peak memory.
   */
  youngGenerationMb?: number;
}

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

/** A short text in each language of the UI. */
export interface LocalText {
  en: string;
  ko: string;
}

/**
 * One parameter as listed by `analyses`, derived from its declaration (core/jobs/param-spec.ts):
 * name, type, default, label and help in English and Korean, and its range or choices where known.
 */
export interface ParamInfo {
  name: string;
  /** What the CLI reads `--param` text as (integer, number, boolean, string[], or as is). */
  type: string;
  default: unknown;
  /** The English help (`helpText.en`), for the CLI and older callers. */
  help: string;
  /**
   * Label and help in each language. Every declared parameter has them (core/jobs/param-spec.ts;
   * test/unit/jobs/params-text.test.ts checks every registered job); optional only so a job
   * written before its declaration still compiles.
   */
  label?: LocalText;
  helpText?: LocalText;
  min?: number;
  max?: number;
  choices?: readonly (string | number)[];
}

/**
 * A job kind: an import, the demo, or an analysis. `params` validates and fills defaults at the
 * boundary; `run` does the work in the worker and returns the summary the shells print.
 */
export interface JobDefinition<P = unknown, S = unknown> {
  id: string;
  /** The English name, as `analyses` prints it (and older callers read). */
  title: string;
  /** The English one-paragraph account of what the job does. */
  description: string;
  /**
   * The name and account in Korean (issue #14: analysis names follow the chosen language). Every
   * registered job has them (test/unit/jobs/job-text.test.ts); optional only so a job written
   * before its translation still compiles.
   */
  titleKo?: string;
  descriptionKo?: string;
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

/** Progress of a running job, as pushed to every shell (CLI stderr, UI progress bar). */
export interface JobProgress {
  jobId: string;
  /** What the job is doing now, e.g. 'read', 'index', 'cluster'. */
  phase: string;
  done: number;
  /** 0 when unknown. */
  total: number;
  /** Unit of done/total, e.g. 'rows' or 'bytes'. */
  unit?: string;
  /** Rows per second since the phase started, when the job counts rows. */
  rowsPerSecond?: number;
  /** Seconds left in this phase, estimated from the rate; undefined when unknown. */
  etaSeconds?: number;
  message?: string;
}

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

/** A serialisable error, as it travels from the worker. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  details?: unknown;
}

export type JobEvent =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'done'; jobId: string; runId: number | null; summary: unknown }
  | { type: 'failed'; jobId: string; error: SerializedError }
  | { type: 'cancelled'; jobId: string; forced: boolean };

/** A stored run: every finished job leaves one (imports and analyses alike). */
export interface RunRecord {
  id: number;
  analysis: string;
  status: JobStatus;
  params: Record<string, unknown>;
  dataFingerprint: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  summary: unknown;
  error: SerializedError | null;
  /** The analyst's name for the run (renameRun); absent while untitled: the run reads as its analysis and id. */
  title?: string;
  /** The analyst's free-text note on the run (annotateRun); absent when there is none. */
  note?: string;
}

/** Analyses whose runs are the project's data rather than results: they cannot be deleted (deleteRun). */
export const DATA_RUN_ANALYSES = ['import', 'demo'] as const;

/** Longest title and note accepted (characters): a title is a label, a note a paragraph or a few. */
export const RUN_TITLE_MAX = 200;
export const RUN_NOTE_MAX = 10_000;

import type { JobProgress, SerializedError } from '../model/jobs.js';
import { WorkbenchError } from '../model/result.js';

/**
 * Messages from the main thread to a job worker. `seq` increases per sender, so a log of both
 * directions can be interleaved and a stale message recognised.
 */
export type MainToWorker =
  | {
      type: 'start';
      seq: number;
      jobId: string;
      kind: string;
      project: string;
      params: unknown;
      /**
       * One Int32 the main thread sets to 1 on cancel. A job that never yields to the event loop
       * (a synchronous SQLite transaction) cannot receive the `cancel` message, but it can read this.
       */
      cancelFlag?: SharedArrayBuffer;
    }
  | { type: 'cancel'; seq: number; jobId: string };

/** Messages from a job worker to the main thread; each job ends with exactly one of done/failed/cancelled. */
export type WorkerToMain =
  | { type: 'progress'; seq: number; jobId: string; progress: JobProgress }
  | { type: 'done'; seq: number; jobId: string; runId: number | null; summary: unknown }
  | { type: 'failed'; seq: number; jobId: string; error: SerializedError }
  | { type: 'cancelled'; seq: number; jobId: string };

/** The final messages of a job. */
export type WorkerFinal = Exclude<WorkerToMain, { type: 'progress' }>;

/**
 * Turns anything thrown into data that survives postMessage: `{name, message, stack}`, plus the
 * code and details of a WorkbenchError so the shells can show the same message and act on the
 * code. An AbortError gets code 'cancelled'; other errors carry no code (the service reads that as
 * 'internal'). Details that cannot be structured-cloned are passed through JSON, else as a string.
 */
export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: typeof err === 'string' ? err : String(err) };
  const out: SerializedError = { name: err.name, message: err.message };
  if (err.stack !== undefined) out.stack = err.stack;
  if (err instanceof WorkbenchError) {
    out.code = err.code;
    if (err.details !== undefined) out.details = cloneable(err.details);
  } else if (err.name === 'AbortError') {
    out.code = 'cancelled';
  }
  return out;
}

function cloneable(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    try {
      return JSON.parse(JSON.stringify(value)) as unknown;
    } catch {
      return String(value);
    }
  }
}

import type { Db } from '../data/store/open.js';
import { finishRun, startRun } from '../data/store/runs.js';
import type { JobContext } from './types.js';

/**
 * Stores a finished run (status 'done') and returns its id, also setting `ctx.runId` so the runner
 * reports it in the `done` event.
 *
 * House rule: a run row exists only for a job that completed. Call this inside the transaction
 * that writes the job's results (it nests as a savepoint), so a cancelled or failed job — whose
 * transaction rolls back, or whose worker is terminated before it commits — leaves the project
 * file exactly as it was.
 */
export function recordRun(
  db: Db,
  ctx: Pick<JobContext, 'startedAt' | 'runId'>,
  analysis: string,
  params: object,
  summary: unknown,
  dataFingerprint: string,
): number {
  return recordRunWith(db, ctx, analysis, params, dataFingerprint, () => summary).runId;
}

/**
 * recordRun for a job whose results and summary need the run's id (rows keyed by run, a summary
 * that carries `runId`): `write(runId)` runs inside the same transaction, writes what it needs and
 * returns the summary that is stored. Returns the run id and that summary.
 */
export function recordRunWith<S>(
  db: Db,
  ctx: Pick<JobContext, 'startedAt' | 'runId'>,
  analysis: string,
  params: object,
  dataFingerprint: string,
  write: (runId: number) => S,
): { runId: number; summary: S } {
  const out = db.transaction(() => {
    const runId = startRun(db, analysis, params as Record<string, unknown>, dataFingerprint, ctx.startedAt);
    const summary = write(runId);
    finishRun(db, runId, 'done', { summary, dataFingerprint });
    return { runId, summary };
  })();
  ctx.runId = out.runId;
  return out;
}

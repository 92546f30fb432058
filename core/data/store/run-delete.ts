import { DATA_RUN_ANALYSES, type RunRecord } from '../../model/jobs.js';
import { WorkbenchError } from '../../model/result.js';
import type { Db } from './open.js';
import { getRun } from './runs.js';

/**
 * Every table that stores rows under a run's id (`run_id`), besides `runs` itself. Analyses keep
 * their per-customer results either here (segment_members, recommendations) or as blobs in
 * run_artifacts (rules, marketing, coupons, forecast, clv, features, PCA points, profiles).
 * A new result table must be added here: test/unit/data/store/run-delete.test.ts reads every
 * table with a run_id column from sqlite_master and fails for one this list forgets.
 * `imports.run_id` is not here: it names the import run that brought the data, and such runs
 * are never deleted (they are the data, not a result).
 */
export const RUN_RESULT_TABLES = ['segment_members', 'segment_names', 'run_artifacts', 'recommendations'] as const;

/** Rows deleted per table, `runs` included (1). */
export type DeletedRows = Record<(typeof RUN_RESULT_TABLES)[number] | 'runs', number>;

/**
 * Deletes a run and everything stored under its id, in one transaction (all of it goes, or none).
 * Refused: a missing run (not-found), an import or demo run (they are the project's data: deleting
 * one would leave its rows with no record of where they came from), and a run still running (busy).
 *
 * A segmentation that later runs used (`segmentRun` of rules, marketing, coupons, forecast,
 * recommend) may be deleted: each later run keeps what it stored — its summary's per-segment
 * figures with the names as they were — and stops following renames of that segmentation. What
 * needs the segmentation itself at read time (a campaign filtered by its segments, a coupons
 * export's segment column, CLV per its segments) then answers that the run is not found.
 */
export function deleteRun(db: Db, id: number): { run: RunRecord; deleted: DeletedRows } {
  return db.transaction(() => {
    const run = getRun(db, id);
    if (!run) throw new WorkbenchError('not-found', `No run ${id} in this project; \`runs\` lists them.`);
    if ((DATA_RUN_ANALYSES as readonly string[]).includes(run.analysis)) {
      throw new WorkbenchError('invalid-input', `Run ${id} (${run.analysis}) brought the project's data and cannot be deleted; only analysis runs can.`);
    }
    if (run.status === 'running') throw new WorkbenchError('busy', `Run ${id} is still running; cancel it or wait for it to end, then delete it.`);
    const deleted = {} as DeletedRows;
    for (const table of RUN_RESULT_TABLES) deleted[table] = db.prepare(`DELETE FROM ${table} WHERE run_id = ?`).run(id).changes;
    deleted.runs = db.prepare('DELETE FROM runs WHERE id = ?').run(id).changes;
    return { run, deleted };
  }).immediate();
}

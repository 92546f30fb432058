import type { Db } from '../data/store/open.js';
import { deleteRun, type DeletedRows } from '../data/store/run-delete.js';
import { getRun, listRuns, setRunNote, setRunTitle } from '../data/store/runs.js';
import type { RunRecord } from '../model/jobs.js';
import { WorkbenchError } from '../model/result.js';
import { withCurrentNames } from './run-names.js';

/**
 * The run history's edits (issue #14): a title, a note, deletion. Each takes an open project; the API
 * host serves them, and the CLI calls them through the host.
 */

/** What deleteRun answers: the run that went and the rows removed per table. */
export interface DeletedRun {
  id: number;
  analysis: string;
  title?: string;
  deleted: DeletedRows;
}

/** Every run with its segments' current names (withCurrentNames). */
export function currentRuns(db: Db): RunRecord[] {
  return listRuns(db).map((r) => withCurrentNames(db, r));
}

/** One run with its segments' current names, or not-found. */
export function currentRun(db: Db, id: number): RunRecord {
  const run = getRun(db, id);
  if (!run) throw new WorkbenchError('not-found', `No run ${id} in this project.`);
  return withCurrentNames(db, run);
}

/** Names a run ('' clears the title). */
export function renameRun(db: Db, id: number, title: string): RunRecord {
  if (!setRunTitle(db, id, title)) throw new WorkbenchError('not-found', `No run ${id} in this project; \`runs\` lists them.`);
  return currentRun(db, id);
}

/** Sets a run's note ('' removes it). */
export function annotateRun(db: Db, id: number, note: string): RunRecord {
  if (!setRunNote(db, id, note)) throw new WorkbenchError('not-found', `No run ${id} in this project; \`runs\` lists them.`);
  return currentRun(db, id);
}

/** Deletes a run and everything stored under its id (core/data/store/run-delete.ts says what is refused). */
export function removeRun(db: Db, id: number): DeletedRun {
  const { run, deleted } = deleteRun(db, id);
  return { id: run.id, analysis: run.analysis, ...(run.title === undefined ? {} : { title: run.title }), deleted };
}

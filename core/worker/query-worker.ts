import { parentPort, workerData } from 'node:worker_threads';
import { openProject } from '../data/store/open.js';
import type { OverviewFilters } from '../model/overview-explore.js';
import { exploreAnswer } from '../service/overview-explore.js';
import { serializeError } from './protocol.js';

/*
 * A read-only query thread (bundled to dist/query-worker.mjs; issue #16): one getOverviewExplore
 * answered off the host's thread, so a 10–60 s aggregate over a large project never stalls the
 * browser host or Electron's main process. Not a job: nothing is recorded as a run. The thread
 * answers once ({ok, value} or {ok: false, error}) and exits.
 */

/** What the host sends (workerData). `hold`: a test hook — the query waits until its Int32 is set to non-zero. */
export interface QueryRequest {
  project: string;
  filters: OverviewFilters;
  hold?: SharedArrayBuffer;
}

const req = workerData as QueryRequest;
if (req.hold !== undefined) Atomics.wait(new Int32Array(req.hold), 0, 0);
try {
  const db = openProject(req.project, { readonlyIfNeeded: true });
  try {
    parentPort?.postMessage({ ok: true, value: exploreAnswer(db, req.filters) });
  } finally {
    db.close();
  }
} catch (err) {
  parentPort?.postMessage({ ok: false, error: serializeError(err) });
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OverviewExplore, OverviewFilters } from '../model/overview-explore.js';
import type { SerializedError } from '../model/jobs.js';
import { WorkbenchError, type ErrorCode } from '../model/result.js';
import type { QueryRequest } from '../worker/query-worker.js';

const PACKAGE_NAME = 'segment-workbench';

/**
 * Test hook: while set, every query thread started waits on this buffer's first Int32 until it
 * becomes non-zero (Atomics.wait in the thread). It lets a test hold a request in flight and prove
 * the host answers other calls meanwhile, without timing assumptions. Never set in the shells.
 */
let holdForTests: SharedArrayBuffer | undefined;
export function holdQueriesForTests(hold: SharedArrayBuffer | undefined): void {
  holdForTests = hold;
}

/** The query in flight per project (resolved path): its thread and how to settle its request. */
interface InFlight {
  worker: Worker;
  supersede(): void;
}
const inFlight = new Map<string, InFlight>();

/** How many explore queries are in flight (one per project at most); for tests and diagnostics. */
export function queriesInFlight(): number {
  return inFlight.size;
}

/**
 * getOverviewExplore in a worker thread of its own (dist/query-worker.mjs): the aggregate takes
 * seconds to a minute on a large project (docs/decisions/0022-overview-explore.md) and must not
 * block the host's thread (issue #16). One short-lived thread per request, like a job's worker but
 * without a run record or the job board: the answer comes back as the request's value, an error
 * as the same WorkbenchError the in-thread call would throw.
 *
 * At most one query per project is in flight: a newer request supersedes the older one, whose
 * thread is terminated (it only reads, so nothing is left half-written) and whose request answers
 * `cancelled`. Someone flicking through the filters on a 2-core machine would otherwise run every
 * intermediate filter's aggregate at once, each slowing the one they are waiting for.
 */
export function overviewExploreOffThread(project: string, filters: OverviewFilters, workerPath: string = queryWorkerPath()): Promise<OverviewExplore> {
  const request: QueryRequest = { project, filters, ...(holdForTests ? { hold: holdForTests } : {}) };
  const key = path.resolve(project);
  inFlight.get(key)?.supersede();
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(workerPath, { workerData: request, stdout: true });
    const mine: InFlight = {
      worker,
      supersede: () => {
        settle(() => reject(new WorkbenchError('cancelled', 'Superseded by a newer Overview request for this project; only the newest one is computed.')));
        void worker.terminate();
      },
    };
    inFlight.set(key, mine);
    function settle(fn: () => void): void {
      if (settled) return;
      settled = true;
      if (inFlight.get(key) === mine) inFlight.delete(key);
      fn();
    }
    // Stray console output of the thread must not corrupt a shell's stdout (e.g. `--json`).
    worker.stdout.pipe(process.stderr, { end: false });
    worker.once('message', (msg: { ok: true; value: OverviewExplore } | { ok: false; error: SerializedError }) => {
      settle(() => (msg.ok ? resolve(msg.value) : reject(revive(msg.error))));
    });
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) => settle(() => reject(new WorkbenchError('internal', `The query thread stopped (exit code ${code}) before answering getOverviewExplore.`))));
  });
}

/** The thread's error as the WorkbenchError (code, message, details) the host answers with. */
function revive(e: SerializedError): Error {
  if (e.code !== undefined) return new WorkbenchError(e.code as ErrorCode, e.message, e.details);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}

/** dist/query-worker.mjs of the package root, found from this module both in dist/*.mjs and in the TS sources. */
export function queryWorkerPath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) {
          const file = path.join(dir, 'dist', 'query-worker.mjs');
          if (!fs.existsSync(file)) throw new WorkbenchError('internal', `The query worker ${file} is missing; run \`npm run build\` first.`);
          return file;
        }
      } catch (err) {
        if (err instanceof WorkbenchError) throw err;
        // An unreadable package.json on the way up is not ours; keep looking.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new WorkbenchError('internal', `Cannot find the ${PACKAGE_NAME} package root above ${fileURLToPath(import.meta.url)}.`);
    dir = parent;
  }
}

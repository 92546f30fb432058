import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobEvent } from '../../../core/model/jobs.js';
import type { JobHandle } from '../../../core/service/job-runner.js';

/** The bundle the JobRunner spawns by default; the job tests run against it. */
export const WORKER_BUNDLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/worker.mjs');

/** For beforeAll: the worker tests need the bundle, which only `npm run build` makes. */
export function requireWorkerBundle(): void {
  if (!fs.existsSync(WORKER_BUNDLE)) throw new Error(`${WORKER_BUNDLE} is missing: run \`npm run build\` before these tests (\`npm test\` does).`);
}

/** Every event of a job, in arrival order, filled as they come. */
export function collect(handle: JobHandle): JobEvent[] {
  const events: JobEvent[] = [];
  handle.onEvent((e) => events.push(e));
  return events;
}

/** Resolves on the job's first progress event (or its final event, if it ends without progress). */
export function firstEvent(handle: JobHandle): Promise<JobEvent> {
  return new Promise((resolve) => {
    const off = handle.onEvent((e) => {
      off();
      resolve(e);
    });
  });
}

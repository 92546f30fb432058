import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobEvent } from '../../../core/model/jobs.js';
import { JobRunner, type JobHandle } from '../../../core/service/job-runner.js';

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

/**
 * Starts `kind` on `project` in a worker (60 s cancel grace, so a forced stop would show), cancels
 * it at its first progress of `phase`, closes the runner and returns how the job ended with its id:
 * the cancel tests of every analysis assert on these.
 */
export async function cancelAtPhase(project: string, kind: string, params: Record<string, unknown>, phase: string): Promise<{ result: Awaited<ReturnType<JobRunner['start']>['result']>; jobId: string }> {
  const runner = new JobRunner({ cancelGraceMs: 60_000 });
  const handle = runner.start(kind, project, params);
  await new Promise<void>((resolve) => {
    const off = handle.onEvent((e: JobEvent) => {
      if (e.type !== 'progress' || e.progress.phase !== phase) return;
      off();
      resolve();
    });
  });
  handle.cancel();
  const result = await handle.result;
  await runner.close();
  return { result, jobId: handle.jobId };
}

import fs from 'node:fs';
import path from 'node:path';
import { openProject } from '../data/store/open.js';
import type { JobEvent } from '../model/jobs.js';
import type { JobHandle } from './job-runner.js';

/**
 * Wraps a job that writes data into a project (import, demo) so that a failed or cancelled load
 * into a path that held no file leaves nothing behind (issue #15 §7; docs/decisions/0012): the
 * file the job created is removed — only if it still holds no import and no run, so nothing
 * anyone else wrote meanwhile is ever lost. `result` settles after that clean-up, so a caller that
 * awaits it (the CLI) finds the path empty. (A kill -9 of the process itself cannot clean up: the
 * next command finds an empty project there, which `import` fills.)
 */
export function guardDataJob(project: string, start: () => JobHandle): JobHandle {
  const file = path.resolve(project);
  const existed = fs.existsSync(file);
  const handle = start();
  let checked = false;
  const cleanUp = (e: JobEvent): void => {
    if (checked || e.type === 'progress') return;
    checked = true;
    if (e.type !== 'done' && !existed) removeIfUnused(file);
  };
  // The first listener, so the file is gone before any other listener hears of the failure.
  handle.onEvent(cleanUp);
  const result = handle.result.then((final) => {
    cleanUp(final);
    return final;
  });
  return { jobId: handle.jobId, kind: handle.kind, onEvent: (listener) => handle.onEvent(listener), cancel: () => handle.cancel(), result };
}

function removeIfUnused(file: string): void {
  let used: boolean;
  try {
    const db = openProject(file, { readonly: true });
    try {
      const n = db.prepare('SELECT (SELECT count(*) FROM imports) + (SELECT count(*) FROM runs) AS n').get() as { n: number };
      used = n.n > 0;
    } finally {
      db.close();
    }
  } catch {
    // Not a project we can read (or already gone): not ours to remove.
    return;
  }
  if (used) return;
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

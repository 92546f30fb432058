import fs from 'node:fs';
import path from 'node:path';

/**
 * Files being built beside their target, named `.<target name>.<pid>.swb-partial` in the target's
 * own folder, so the final rename (or link) stays on one file system, where it is atomic. Used by
 * exports (core/data/export/atomic-file.ts) and by imports into a new project path
 * (core/jobs/import-job.ts): either the target is complete or it is not there at all.
 *
 * A kill -9 cannot remove its partial file; whoever next builds the same target removes the
 * partial files (and their SQLite side files) whose process no longer runs.
 */
const PARTIAL = '.swb-partial';
const SIDE_FILES = ['', '-wal', '-shm', '-journal'] as const;

/** Where this process builds `target` (a resolved path). */
export function partialPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}${PARTIAL}`);
}

/** Removes a partial file and its SQLite side files, if there. */
export function removePartial(partial: string): void {
  for (const suffix of SIDE_FILES) fs.rmSync(partial + suffix, { force: true });
}

/** Removes the partial files of `target` (and their side files) left by processes that no longer run. */
export function removeStalePartials(target: string): void {
  const dir = path.dirname(target);
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${path.basename(target)}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const suffix = SIDE_FILES.find((s) => entry.endsWith(PARTIAL + s));
    if (suffix === undefined) continue;
    const pid = Number(entry.slice(prefix.length, entry.length - PARTIAL.length - suffix.length));
    if (!Number.isInteger(pid) || pid <= 0 || (pid !== process.pid && isRunning(pid))) continue;
    fs.rmSync(path.join(dir, entry), { force: true });
  }
}

/** Whether a process of that id runs (EPERM: it does, as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../model/result.js';

/** Whether a process runs (stale upload folders and partial files of dead processes are removed). */
export { isRunning } from '../data/partial-files.js';

/** The extensions a new project may have: `.sqlite`, and `.db` which the desktop app's dialogs also offer. */
export const PROJECT_EXTENSIONS = ['.sqlite', '.db'] as const;

/**
 * The files a shell has let its user choose in this session. The browser host passes its upload
 * area: a browser can only hand the server files by uploading them, so any other path in a
 * request did not come from the user's choice (issue #15 §11: a preview of /etc/passwd worked).
 */
export interface StagedFiles {
  owns(file: string): boolean;
  /** The import of these files has succeeded: they may go. */
  release(files: readonly string[]): void;
}

/**
 * Files previewImport and import jobs may read: regular files only (a FIFO would hang the reader,
 * a device never ends), and with `staged`, only files staged in this session.
 */
export function checkDataFiles(files: readonly string[], staged: StagedFiles | null): void {
  for (const file of files) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      throw new WorkbenchError('not-found', `${file} does not exist (or cannot be read).`);
    }
    if (!stat.isFile()) throw new WorkbenchError('invalid-input', `${file} is not a regular file (a folder, device or FIFO); only files can be imported.`);
    if (staged && !staged.owns(file)) throw new WorkbenchError('invalid-input', `${file} was not uploaded in this session; the browser host imports only the files dropped into its import wizard.`);
  }
}

/**
 * A project the API is asked to create (a path that holds no file, or an empty one) must be named
 * like one, so a request cannot make files of other kinds anywhere (issue #15 §11).
 */
export function checkNewProjectPath(file: string): void {
  let size: number | null = null;
  try {
    size = fs.statSync(file).size;
  } catch {
    // Missing: it would be created.
  }
  if (size !== null && size > 0) return;
  if (!PROJECT_EXTENSIONS.includes(path.extname(file).toLowerCase() as (typeof PROJECT_EXTENSIONS)[number])) {
    throw new WorkbenchError('invalid-input', `A new project's file name must end in ${PROJECT_EXTENSIONS.join(' or ')}: ${file}.`);
  }
}

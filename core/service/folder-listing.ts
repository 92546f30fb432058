import fs from 'node:fs';
import path from 'node:path';
import type { FolderListing, FolderEntry } from '../model/api.js';
import { WorkbenchError } from '../model/result.js';

/** What the browser host's project chooser lists besides folders: projects and importable data. */
export const LISTED_EXTENSIONS = ['.sqlite', '.csv', '.xlsx', '.txt'] as const;

/** Whether `child` is `root` or lies under it (both absolute and normalised). */
export function isWithin(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * One folder of the user's home, read-only, for the browser host's project chooser (issue #14 "The
 * first minute": a folder listing within the user's home instead of a typed absolute path). A page
 * served on localhost must not become a way to read the file system's layout, so:
 * - `requested` (absolute, or relative to `root`) must lie within `root` before and after symlinks
 *   are resolved: `..`, an absolute path elsewhere, or a link pointing out are all refused;
 * - only folders and .sqlite/.csv/.xlsx/.txt files are listed (hidden ones not), links only when
 *   their target is inside `root` too; nothing is read but names and kinds.
 */
export function listFolder(root: string, requested?: string): FolderListing {
  const home = fs.realpathSync(path.resolve(root));
  const wanted = requested === undefined || requested === '' ? home : path.resolve(home, requested);
  const outside = (): WorkbenchError => new WorkbenchError('invalid-input', `Only folders inside your home folder (${home}) can be listed.`, { path: wanted });
  if (!isWithin(home, wanted)) throw outside();
  let real: string;
  try {
    real = fs.realpathSync(wanted);
  } catch {
    throw new WorkbenchError('not-found', `There is no folder ${wanted}.`);
  }
  if (!isWithin(home, real)) throw outside();
  if (!fs.statSync(real).isDirectory()) throw new WorkbenchError('invalid-input', `${wanted} is not a folder.`);

  const entries: FolderEntry[] = [];
  for (const d of fs.readdirSync(real, { withFileTypes: true })) {
    if (d.name.startsWith('.')) continue;
    const full = path.join(real, d.name);
    let kind: 'directory' | 'file' | null = d.isDirectory() ? 'directory' : d.isFile() ? 'file' : null;
    if (d.isSymbolicLink()) {
      try {
        const target = fs.realpathSync(full);
        if (!isWithin(home, target)) continue;
        const st = fs.statSync(target);
        kind = st.isDirectory() ? 'directory' : st.isFile() ? 'file' : null;
      } catch {
        continue; // a dangling link
      }
    }
    if (kind === null) continue;
    if (kind === 'file' && !LISTED_EXTENSIONS.some((ext) => d.name.toLowerCase().endsWith(ext))) continue;
    entries.push({ name: d.name, path: full, kind });
  }
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'directory' ? -1 : 1));
  return { path: real, home, parent: real === home ? null : path.dirname(real), entries };
}

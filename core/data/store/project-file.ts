import fs from 'node:fs';
import { WorkbenchError } from '../../model/result.js';

/** `PRAGMA application_id` of a project: 'SWB1' marks a Segment Workbench file. */
export const APP_ID = 0x53574231;

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What a path holds, judged from its bytes alone (https://www.sqlite.org/fileformat.html), so that
 * another program's database is refused before SQLite is even asked to open it — and so never
 * written (issue #15 §7: switching it to WAL rewrote header bytes 18–19).
 * - `missing`: no file there;
 * - `empty`: a zero-byte file, or an SQLite file holding no tables and no application id — it
 *   becomes a project only when the caller asks to create one;
 * - `ours`: the header carries our application id (set at creation and never unset, so this
 *   holds after any crash, hot journal or not);
 * - `ask-sqlite`: the file's newest pages may be in its `-wal` (a project killed before its first
 *   checkpoint looks like this), so only SQLite can tell; the caller opens it read-only to look.
 * Anything else is refused here: not a regular file, not an SQLite file, another application's.
 */
export type FileKind = 'missing' | 'empty' | 'ours' | 'ask-sqlite';

export function inspectProjectFile(file: string): FileKind {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw new WorkbenchError('invalid-input', `Cannot read ${file}: ${(err as Error).message}`);
  }
  if (!stat.isFile()) throw new WorkbenchError('invalid-input', `${file} is not a regular file (a folder, device or FIFO), so it cannot be a project.`);
  const walBytes = sizeOf(`${file}-wal`);
  if (stat.size === 0) return walBytes > 0 ? 'ask-sqlite' : 'empty';
  const head = readHead(file, 108);
  if (head.length < 100 || !head.subarray(0, 16).equals(MAGIC)) throw new WorkbenchError('invalid-input', `${file} is not a Segment Workbench project (not an SQLite database at all).`);
  if (head.readUInt32BE(68) === APP_ID) return 'ours';
  // Header bytes 18–19 are 2 in WAL mode: with a non-empty -wal, the real page 1 may be there.
  if (head[18] === 2 && walBytes > 0) return 'ask-sqlite';
  if (sizeOf(`${file}-journal`) > 0) throw foreign(file, ' (with an unfinished transaction of its own)');
  // Page 1 is the schema table's root: a leaf (type 13) with no cells means no tables at all.
  if (head.length === 108 && head[100] === 13 && head.readUInt16BE(103) === 0 && head.readUInt32BE(68) === 0) return 'empty';
  throw foreign(file, '');
}

export function foreign(file: string, extra: string): WorkbenchError {
  return new WorkbenchError('invalid-input', `${file} is an SQLite file of another application${extra}, not a Segment Workbench project; it was left untouched.`);
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function readHead(file: string, n: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = fs.readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../model/result.js';

/** The first 16 bytes of every SQLite database file (https://www.sqlite.org/fileformat.html §1.3). */
export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The files SQLite keeps beside a database; overwriting any of them corrupts the project. */
export const SIDE_FILES = ['', '-wal', '-shm', '-journal'] as const;

/** True when `file` is a regular file starting with the SQLite header (any application's database). */
export function isSqliteFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Where an export may write (issue #15 §1): the real path behind `out` (symbolic links followed,
 * so the link keeps pointing at the new file), refused when it is the project or one of its
 * `-wal`/`-shm`/`-journal` files (by real path, and by inode for hard links), any other SQLite
 * database, a folder, or anything but a regular file (devices, FIFOs, sockets).
 */
export function resolveExportTarget(out: string, project: string): string {
  const given = path.resolve(out);
  const refuse = (why: string): never => {
    throw new WorkbenchError('invalid-input', `Refusing to write the export to ${out}: ${why}. Choose another --out; nothing was written.`);
  };
  let target: string;
  const link = lstatOrNull(given);
  if (link === null) {
    let folder: string;
    try {
      folder = fs.realpathSync(path.dirname(given));
    } catch {
      return refuse(`its folder ${path.dirname(given)} does not exist`);
    }
    target = path.join(folder, path.basename(given));
  } else {
    try {
      target = fs.realpathSync(given);
    } catch {
      return refuse('it is a symbolic link to a missing file');
    }
  }
  const projectReal = realOrResolved(project);
  const guarded = SIDE_FILES.map((suffix) => projectReal + suffix);
  if (guarded.includes(target)) return refuse(target === projectReal ? 'it is the project itself' : `it is one of the project's own files (${path.basename(target)})`);
  const stat = statOrNull(target);
  if (stat !== null) {
    if (stat.isDirectory()) return refuse('it is a folder');
    if (!stat.isFile()) return refuse('it is not a regular file (a device, FIFO or socket)');
    const projectStat = statOrNull(projectReal);
    if (projectStat !== null && stat.ino === projectStat.ino && stat.dev === projectStat.dev) return refuse('it is the project itself (a hard link to it)');
    if (isSqliteFile(target)) return refuse('it is an SQLite database (perhaps another project); exports never overwrite one');
  }
  return target;
}

function realOrResolved(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function lstatOrNull(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file);
  } catch {
    return null;
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

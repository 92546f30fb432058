import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../model/result.js';
import { partialPath, removeStalePartials } from '../partial-files.js';

/**
 * The file-system calls an export makes, in one object so a test can make a write fail the way a
 * full disk does (a short count, then ENOSPC) where it cannot mount a small tmpfs.
 */
export const exportIo = {
  openSync: fs.openSync,
  writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number): number => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
};

/**
 * Writes a file so that it is either complete or not there at all, whatever happens meanwhile
 * (issue #15 §2): the bytes go to a temporary file in the target's own folder (so the final
 * rename stays on one file system, where it is atomic), every write's byte count is checked, the
 * file is fsynced and its size compared with what was written, and only then renamed over the
 * target. On any failure the temporary file is removed and the old target is left untouched.
 * A kill -9 cannot remove its temporary file; the next export of the same target removes the
 * ones whose process is gone.
 */
export class AtomicFile {
  readonly temp: string;
  private fd: number | null;
  private written = 0;

  /** `target` must already be resolved to the real path the bytes should end up at. */
  constructor(readonly target: string) {
    removeStalePartials(target);
    this.temp = partialPath(target);
    try {
      this.fd = exportIo.openSync(this.temp, 'wx');
    } catch (err) {
      this.fd = null;
      throw writeError(target, err);
    }
  }

  /** Appends bytes (strings as UTF-8); a write that stores fewer bytes than asked is retried, one that stores none fails. */
  write(data: string | Uint8Array): void {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (this.fd === null) throw new Error('AtomicFile: write after commit or abort');
    try {
      let off = 0;
      while (off < buf.length) {
        const n = exportIo.writeSync(this.fd, buf, off, buf.length - off);
        if (!(n > 0)) throw new Error(`the disk accepted no more bytes after ${this.written + off}`);
        off += n;
      }
      this.written += buf.length;
    } catch (err) {
      this.abort();
      throw writeError(this.target, err);
    }
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.written;
  }

  /** Flushes to disk, checks the size, renames over the target; returns the bytes written. */
  commit(): number {
    if (this.fd === null) throw new Error('AtomicFile: commit after commit or abort');
    try {
      exportIo.fsyncSync(this.fd);
      const size = fs.fstatSync(this.fd).size;
      if (size !== this.written) throw new Error(`${size} bytes reached the disk of ${this.written} written`);
      exportIo.closeSync(this.fd);
      this.fd = null;
      exportIo.renameSync(this.temp, this.target);
    } catch (err) {
      this.abort();
      throw writeError(this.target, err);
    }
    syncFolder(path.dirname(this.target));
    return this.written;
  }

  /** Closes and removes the temporary file; the target is as it was. Safe to call twice. */
  abort(): void {
    if (this.fd !== null) {
      try {
        fs.closeSync(this.fd);
      } catch {
        // Already unusable; removing the file is what matters.
      }
      this.fd = null;
    }
    fs.rmSync(this.temp, { force: true });
  }
}

/** Writes `text` to `target` atomically (see AtomicFile); returns the bytes written. */
export function writeFileAtomic(target: string, text: string): number {
  const file = new AtomicFile(target);
  file.write(text);
  return file.commit();
}

/** Makes the rename itself durable; folders that cannot be fsynced (some file systems) are skipped. */
function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // EISDIR/EINVAL/EPERM on file systems without directory fsync: the rename is still atomic.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** A failed export as a user reads it: what could not be written, why, and that nothing changed. */
function writeError(target: string, err: unknown): WorkbenchError {
  const e = err as NodeJS.ErrnoException;
  const why = e.code === 'ENOSPC' ? 'the disk is full' : e.code === 'EDQUOT' ? 'the disk quota is exceeded' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'EROFS' ? 'the folder is on a read-only file system' : e.code === 'ENOENT' ? 'its folder does not exist' : (e.message ?? String(err));
  return new WorkbenchError('internal', `Could not write ${target}: ${why}. Nothing was written; ${fs.existsSync(target) ? 'the file there is unchanged' : 'no file was created'}.`, { code: e.code });
}

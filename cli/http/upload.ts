import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isRunning, type StagedFiles } from '../../core/service/file-policy.js';
import { HttpError, sendJson, tooLarge } from './respond.js';

/** Largest file the import wizard may stage (the full L.point purchase file is ~290 MB). */
export const UPLOAD_LIMIT = 4 * 2 ** 30;

export interface StagedFile {
  /** Where the file is on this machine: pass it to previewImport and startJob. */
  path: string;
  name: string;
  bytes: number;
}

/**
 * A file name a browser sent, made safe to create: the last path component only, letters, digits
 * and a few punctuation marks kept (Korean names stay readable), no leading dots, at most 150
 * characters with the extension kept.
 */
export function sanitiseFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  let name = base.normalize('NFC').replace(/[^\p{L}\p{N}._ ()[\]-]+/gu, '_').replace(/^[.\s]+/, '').trim();
  if (name.length > 150) {
    const ext = path.extname(name).slice(0, 20);
    name = name.slice(0, 150 - ext.length) + ext;
  }
  return name === '' ? 'upload.csv' : name;
}

/** Staging folders are named `segment-workbench-uploads-<pid>-XXXXXX` (before issue #15: without the pid). */
export const UPLOADS_PREFIX = 'segment-workbench-uploads-';

/**
 * The staging folder of one launch (os.tmpdir()/segment-workbench-uploads-<pid>-XXXX), removed at
 * shutdown: a browser cannot hand the server a path, so the import wizard uploads each file here
 * and imports the path it gets back. Each upload has a subfolder of its own, so files keep their
 * names (import reports show them) and never overwrite each other. The files staged here are the
 * only ones the browser host lets previewImport and imports read (StagedFiles), and a file is
 * deleted once an import of it has succeeded.
 */
export class UploadArea implements StagedFiles {
  readonly dir: string;
  private seq = 0;
  private readonly staged = new Set<string>();

  constructor(private readonly limit = UPLOAD_LIMIT) {
    removeStaleUploads(os.tmpdir());
    this.dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `${UPLOADS_PREFIX}${process.pid}-`)));
  }

  /** True for a file staged by this launch and still here (compared by real path: no link leads elsewhere). */
  owns(file: string): boolean {
    try {
      return this.staged.has(fs.realpathSync(file));
    } catch {
      return false;
    }
  }

  /** Deletes staged files (and their upload subfolders); other paths are ignored. */
  release(files: readonly string[]): void {
    for (const file of files) {
      let real: string;
      try {
        real = fs.realpathSync(file);
      } catch {
        continue;
      }
      if (!this.staged.delete(real)) continue;
      fs.rmSync(path.dirname(real), { recursive: true, force: true });
    }
  }

  /** `POST /api/upload?name=<file name>` with the file as the body → `{ok:true, value: StagedFile}`. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'invalid-input', '/api/upload takes the file as the body of a POST.', { Allow: 'POST' });
    const raw = url.searchParams.get('name');
    if (raw === null || raw.trim() === '') throw new HttpError(400, 'invalid-input', '/api/upload needs ?name=<file name>.');
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.limit) throw tooLarge(this.limit);
    const name = sanitiseFileName(raw);
    const folder = path.join(this.dir, String(++this.seq));
    fs.mkdirSync(folder);
    const file = path.join(folder, name);
    let bytes = 0;
    const limit = this.limit;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > limit) done(tooLarge(limit));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(req, counter, fs.createWriteStream(file, { flags: 'wx' }));
    } catch (err) {
      fs.rmSync(folder, { recursive: true, force: true });
      if (err instanceof HttpError) throw err;
      throw new HttpError(400, 'invalid-input', `The upload of ${name} did not complete: ${(err as Error).message}`, { Connection: 'close' });
    }
    this.staged.add(file);
    const value: StagedFile = { path: file, name, bytes };
    sendJson(res, 200, { ok: true, value });
  }

  /** Removes the folder and everything staged in it. */
  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Removes staging folders left by launches that ended without cleaning up (kill -9, a crash,
 * issue #15 §9): folders of this program in `tmp`, owned by this user, whose launch is over — by
 * its pid when the name carries one, else (older names) by being older than this process.
 */
export function removeStaleUploads(tmp: string): string[] {
  const removed: string[] = [];
  const startedAt = Date.now() - process.uptime() * 1000;
  const uid = process.getuid?.();
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(tmp, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(UPLOADS_PREFIX)) continue;
    const folder = path.join(tmp, entry.name);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(folder);
    } catch {
      continue;
    }
    if (uid !== undefined && stat.uid !== uid) continue;
    const pid = /^(\d+)-/.exec(entry.name.slice(UPLOADS_PREFIX.length))?.[1];
    const over = pid !== undefined ? Number(pid) !== process.pid && !isRunning(Number(pid)) : stat.mtimeMs < startedAt;
    if (!over) continue;
    fs.rmSync(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}

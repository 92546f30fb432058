import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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

/**
 * The staging folder of one launch (os.tmpdir()/segment-workbench-uploads-XXXX), removed at
 * shutdown: a browser cannot hand the server a path, so the import wizard uploads each file here
 * and imports the path it gets back. Each upload has a subfolder of its own, so files keep their
 * names (import reports show them) and never overwrite each other.
 */
export class UploadArea {
  readonly dir: string;
  private seq = 0;

  constructor(private readonly limit = UPLOAD_LIMIT) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segment-workbench-uploads-'));
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
    const value: StagedFile = { path: file, name, bytes };
    sendJson(res, 200, { ok: true, value });
  }

  /** Removes the folder and everything staged in it. */
  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../core/model/jobs.js';
import type { ApiResult } from '../../../core/model/result.js';
import { ApiHost } from '../../../core/service/api.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../../../cli/http/server.js';
import { FIXTURES, tempDir } from '../../helpers/project.js';
import { inProcessHost, sseMessages, startServe, stopAll, tinyProject, type Served } from '../serve/helpers.js';

afterAll(() => stopAll());

/** The serve child's own upload folder in `tmp` (named with its pid). */
function uploadFolderOf(tmp: string, s: Served): string {
  const name = fs.readdirSync(tmp).find((f) => f.startsWith(`segment-workbench-uploads-${s.child.pid}-`));
  if (!name) throw new Error(`no upload folder of pid ${s.child.pid} in ${tmp}: ${fs.readdirSync(tmp).join(', ')}`);
  return path.join(tmp, name);
}

async function call<T>(s: Served, op: string, input: unknown): Promise<ApiResult<T>> {
  const res = await fetch(`${s.origin}/api/call/${op}`, { method: 'POST', headers: { 'X-Workbench-Token': s.token }, body: JSON.stringify(input) });
  return (await res.json()) as ApiResult<T>;
}

async function upload(s: Served, name: string, body: string): Promise<string> {
  const r = (await (await fetch(`${s.origin}/api/upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'X-Workbench-Token': s.token }, body })).json()) as ApiResult<{ path: string }>;
  if (!r.ok) throw new Error(r.error.message);
  return r.value.path;
}

/** Resolves once the child's stderr matches (event-driven: no polling, no sleep). */
function stderrMatching(s: Served, pattern: RegExp): Promise<string> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (pattern.test(s.stderr())) {
        s.child.stderr?.off('data', check);
        resolve(s.stderr());
      }
    };
    s.child.stderr?.on('data', check);
    check();
  });
}

describe('the browser host under attack (issue #15 §8–11)', () => {
  let dir: string, tmp: string, project: string;

  beforeAll(() => {
    dir = tempDir('swb-host-');
    tmp = tempDir('swb-host-tmp-');
    project = tinyProject(dir);
  });

  it('§8: a 500 never logs the secret', async () => {
    const s = await startServe(project, { env: { TMPDIR: tmp } });
    // The upload folder gone under the server's feet: the next upload is an internal error.
    fs.rmSync(uploadFolderOf(tmp, s), { recursive: true, force: true });
    const res = await fetch(`${s.origin}/api/upload?name=a.csv&token=${s.token}`, { method: 'POST', body: 'a,b\n' });
    expect(res.status).toBe(500);
    const log = await stderrMatching(s, /segment-workbench serve: POST /);
    expect(log).not.toContain(s.token);
    expect(log).toMatch(/POST \/api\/upload\?name=a\.csv&token=REDACTED/);
    s.child.kill('SIGTERM');
    await s.exited;
  });

  it('§9: upload folders left by a killed server are removed at the next launch; live and foreign ones are not', async () => {
    const a = await startServe(project, { env: { TMPDIR: tmp } });
    await upload(a, 'left.csv', 'a,b\n1,2\n');
    const aFolder = uploadFolderOf(tmp, a);
    a.child.kill('SIGKILL');
    await a.exited;
    expect(fs.existsSync(aFolder)).toBe(true);
    // A folder of a process that is still running (this test), one of another user, and an
    // old-style name (no pid) older than the new launch.
    const live = path.join(tmp, `segment-workbench-uploads-${process.pid}-live01`);
    fs.mkdirSync(live);
    const legacy = path.join(tmp, 'segment-workbench-uploads-Ab12Cd');
    fs.mkdirSync(legacy);
    fs.utimesSync(legacy, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    const foreign = path.join(tmp, 'segment-workbench-uploads-4194305-other');
    fs.mkdirSync(foreign);
    const runningAsRoot = process.getuid?.() === 0;
    if (runningAsRoot) fs.chownSync(foreign, 65534, 65534);

    const b = await startServe(project, { env: { TMPDIR: tmp } });
    expect(fs.existsSync(aFolder)).toBe(false);
    expect(fs.existsSync(legacy)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    if (runningAsRoot) expect(fs.existsSync(foreign)).toBe(true);
    expect(fs.existsSync(uploadFolderOf(tmp, b))).toBe(true);
    b.child.kill('SIGTERM');
    await b.exited;
    fs.rmSync(live, { recursive: true });
    fs.rmSync(foreign, { recursive: true, force: true });
  });

  it('§9: an uploaded file is deleted once its import has succeeded', async () => {
    const s = await startServe(path.join(dir, 'fresh.sqlite'), { env: { TMPDIR: tmp } });
    const staged = await upload(s, 'sales.csv', 'when,who,what,how much\n2024-01-02,C1,P1,1000\n2024-01-03,C2,P2,2500\n');
    const stop = new AbortController();
    const stream = sseMessages(await fetch(`${s.origin}/api/events`, { headers: { 'X-Workbench-Token': s.token }, signal: stop.signal }));
    await stream.next();
    const started = await call<{ jobId: string }>(s, 'startJob', { project: s.project, kind: 'import', params: { files: [staged], role: 'transactions', map: { date: 'when', customer: 'who', product: 'what', amount: 'how much' } } });
    if (!started.ok) throw new Error(started.error.message);
    let final: JobEvent | undefined;
    for await (const m of stream) {
      if (!('data' in m)) continue;
      const e = m.data as JobEvent;
      if (e.type !== 'progress' && e.jobId === started.value.jobId) {
        final = e;
        break;
      }
    }
    stop.abort();
    expect(final?.type).toBe('done');
    expect(fs.existsSync(staged)).toBe(false);
    expect(fs.existsSync(path.dirname(staged))).toBe(false);
    s.child.kill('SIGTERM');
    await s.exited;
  });

  it('§10: unauthenticated uploads streaming a huge body are answered 401 and closed without reading it', async () => {
    const s = await startServe(project, { env: { TMPDIR: tmp } });
    // Each client streams its body as fast as the server takes it; a server that reads (and
    // discards) the body keeps taking it, so a client gives up after 256 MB.
    const GIVE_UP = 256 * 2 ** 20;
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    const one = (): Promise<{ status: string; closedByServer: boolean }> =>
      new Promise((resolve) => {
        const socket = net.connect(s.port, '127.0.0.1');
        let text = '';
        let sent = 0;
        let gaveUp = false;
        socket.setEncoding('utf8');
        socket.on('data', (d: string) => (text += d));
        socket.on('error', () => undefined);
        socket.on('close', () => resolve({ status: text.split('\r\n')[0], closedByServer: !gaveUp }));
        const pump = (): void => {
          while (!socket.destroyed) {
            if (sent >= GIVE_UP) {
              gaveUp = true;
              socket.destroy();
              return;
            }
            sent += chunk.length;
            if (!socket.write(chunk)) {
              socket.once('drain', pump);
              return;
            }
          }
        };
        socket.on('connect', () => {
          socket.write(`POST /api/upload?name=big.csv HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nContent-Type: text/csv\r\nContent-Length: 4000000000\r\n\r\n`);
          pump();
        });
      });
    const outcomes = await Promise.all(Array.from({ length: 20 }, one));
    // Closed by the server long before the client gave up. (A streaming client may see the reset
    // of its next write before it reads the 401: Node destroys a socket on a write error.)
    for (const o of outcomes) expect(o.closedByServer).toBe(true);
    for (const o of outcomes) expect(['', 'HTTP/1.1 401 Unauthorized']).toContain(o.status);
    // A client that sends a little of its body and then listens reads the 401, and the close.
    const answered = await new Promise<string>((resolve) => {
      const socket = net.connect(s.port, '127.0.0.1');
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => (text += d));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(text));
      socket.on('connect', () => socket.write(`POST /api/upload?name=big.csv HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nContent-Length: 4000000000\r\n\r\n${'a'.repeat(65536)}`));
    });
    expect(answered).toMatch(/^HTTP\/1\.1 401 Unauthorized\r\n/);
    expect(answered).toMatch(/\r\nConnection: close\r\n/i);
    // Still serving the real client afterwards.
    expect((await call(s, 'listRuns', { project })).ok).toBe(true);
    s.child.kill('SIGTERM');
    await s.exited;
  });

  it('§10: the server bounds how long headers and whole requests may take', async () => {
    const host = await inProcessHost('swb-host-own-', { listen: false });
    try {
      expect(host.server.server.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
      expect(host.server.server.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
      expect(HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
      expect(REQUEST_TIMEOUT_MS).toBeGreaterThan(0);
    } finally {
      await host.stop();
    }
  });

  it('§11: with the secret, previews and imports read only this session’s uploads; new projects end in .sqlite', async () => {
    const s = await startServe(project, { env: { TMPDIR: tmp } });
    const passwd = await call(s, 'previewImport', { files: ['/etc/passwd'] });
    expect(passwd.ok).toBe(false);
    if (!passwd.ok) expect(passwd.error.message).toMatch(/was not uploaded in this session/);
    const fixture = path.join(FIXTURES, 'lpoint-small', 'LPOINT_BIG_COMP_05_BR.csv');
    const job = await call(s, 'startJob', { project, kind: 'import', params: { files: [fixture] } });
    expect(job.ok).toBe(false);
    if (!job.ok) expect(job.error.message).toMatch(/was not uploaded in this session/);
    // A symbolic link planted inside the upload folder does not count as an upload either.
    const link = path.join(uploadFolderOf(tmp, s), 'passwd.csv');
    fs.symlinkSync('/etc/passwd', link);
    expect((await call(s, 'previewImport', { files: [link] })).ok).toBe(false);
    // The staged file itself is fine.
    const staged = await upload(s, 'ok.csv', 'when,who\n2024-01-02,C1\n');
    expect((await call(s, 'previewImport', { files: [staged] })).ok).toBe(true);

    for (const target of [path.join(dir, 'evil.txt'), path.join(dir, 'no-extension')]) {
      const created = await call(s, 'openProject', { path: target, create: true });
      expect(created.ok, target).toBe(false);
      if (!created.ok) expect(created.error.message).toMatch(/must end in \.sqlite or \.db/);
      const demo = await call(s, 'startJob', { project: target, kind: 'demo', params: { size: 'tiny' } });
      expect(demo.ok, target).toBe(false);
      expect(fs.existsSync(target), target).toBe(false);
    }
    const out = await call(s, 'startJob', { project: path.join(dir, 'd.sqlite'), kind: 'demo', params: { size: 'tiny', out: path.join(dir, 'csv-out') } });
    expect(out.ok).toBe(false);
    expect(fs.existsSync(path.join(dir, 'csv-out'))).toBe(false);
    s.child.kill('SIGTERM');
    await s.exited;
  });

  it('§11: in any shell, previews read regular files only (no devices, folders or FIFOs)', async () => {
    const service = new WorkbenchService();
    try {
      const api = new ApiHost(service);
      const fifo = path.join(tempDir('swb-fifo-'), 'pipe.csv');
      execFileSync('mkfifo', [fifo]);
      for (const file of ['/dev/null', '/dev/zero', dir, fifo]) {
        const r = await api.call('previewImport', { files: [file] });
        expect(r.ok, file).toBe(false);
        if (!r.ok) expect(r.error.message, file).toMatch(/is not a regular file/);
        const j = await api.call('startJob', { project: path.join(dir, 'fifo.sqlite'), kind: 'import', params: { files: [file] } });
        expect(j.ok, file).toBe(false);
      }
    } finally {
      await service.close();
    }
  });
});

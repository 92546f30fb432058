import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../core/model/api.js';
import type { JobEvent } from '../../../core/model/jobs.js';
import type { ApiResult } from '../../../core/model/result.js';
import { runCli, tempDir } from '../../helpers/project.js';
import { stopAll, sseMessages, startServe, tinyProject } from './helpers.js';

/** How `serve` starts and stops: the printed line, usage errors, and a clean shutdown on a signal. */
describe('serve: start and stop', () => {
  let dir: string;
  let project: string;

  beforeAll(() => {
    dir = tempDir('swb-serve-life-');
    project = tinyProject(dir);
  });

  afterAll(async () => {
    await stopAll();
  });

  it('prints "Segment Workbench is serving <project> at <url>" and stops on SIGINT with exit 0', async () => {
    const s = await startServe(project, { json: false });
    expect(s.line).toBe(`Segment Workbench is serving ${project} at http://127.0.0.1:${s.port}/?token=${s.token}`);
    s.child.kill('SIGINT');
    expect(await s.exited).toEqual({ code: 0, signal: null });
  });

  it('exits 2 on bad usage and 1 when the project cannot be served', () => {
    for (const args of [['serve'], ['serve', '--project', project, '--port', 'abc'], ['serve', '--project', project, '--port', '70000']]) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/Usage: segment-workbench/);
    }
    const notProject = path.join(dir, 'notes.txt');
    fs.writeFileSync(notProject, 'not a database, just words that fill more than one page of text '.repeat(100));
    const r = runCli(['serve', '--project', notProject, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Cannot open|not a Segment Workbench project|file is not a database/);
  });

  it('creates an empty project when the file does not exist yet', async () => {
    const fresh = path.join(dir, 'fresh.sqlite');
    const s = await startServe(fresh);
    const res = await fetch(`${s.origin}/api/call/currentProject`, { method: 'POST', headers: { 'X-Workbench-Token': s.token }, body: '{}' });
    expect(await res.json()).toMatchObject({ ok: true, value: { path: fresh, customers: 0 } });
    s.child.kill('SIGTERM');
    expect((await s.exited).code).toBe(0);
  });

  it('on SIGTERM cancels the running job, closes the server, removes the upload folder and exits 0', async () => {
    const s = await startServe(project);
    const auth = { 'X-Workbench-Token': s.token };
    const up = (await (await fetch(`${s.origin}/api/upload?name=a.csv`, { method: 'POST', headers: auth, body: 'a,b\n1,2\n' })).json()) as ApiResult<{ path: string }>;
    if (!up.ok) throw new Error(up.error.message);
    const uploads = path.dirname(path.dirname(up.value.path));
    expect(fs.existsSync(up.value.path)).toBe(true);

    // A job long enough to be running at the signal: the `demo` size written into a new project.
    const target = path.join(dir, 'big.sqlite');
    const stop = new AbortController();
    const stream = sseMessages(await fetch(`${s.origin}/api/events`, { headers: auth, signal: stop.signal }));
    await stream.next();
    const started = (await (await fetch(`${s.origin}/api/call/startJob`, { method: 'POST', headers: auth, body: JSON.stringify({ project: target, kind: 'demo', params: { size: 'demo' } }) })).json()) as ApiResult<JobInfo>;
    if (!started.ok) throw new Error(started.error.message);
    for (;;) {
      const next = await stream.next();
      if (next.done) throw new Error('stream ended before the job made progress');
      if ('data' in next.value && (next.value.data as JobEvent).type === 'progress') break;
    }

    s.child.kill('SIGTERM');
    // The page sees the job cancelled, then the end of the stream.
    const seen: JobEvent[] = [];
    for (;;) {
      const next = await stream.next();
      if (next.done) break;
      if ('data' in next.value) seen.push(next.value.data as JobEvent);
    }
    expect(seen.at(-1)).toMatchObject({ type: 'cancelled', jobId: started.value.jobId });
    expect(await s.exited).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(uploads)).toBe(false);
    await expect(fetch(`${s.origin}/`, { headers: auth })).rejects.toThrow();
  });
});

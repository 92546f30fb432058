import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilePreview, JobInfo, ProjectInfo } from '../../../core/model/api.js';
import type { JobEvent, RunRecord } from '../../../core/model/jobs.js';
import type { ApiResult } from '../../../core/model/result.js';
import { tempDir } from '../../helpers/project.js';
import { stopAll, rawRequest, sseMessages, startServe, tinyProject, type Served, type SseMessage } from './helpers.js';

/** The browser host serves the API of core/model/api.ts: POST /api/call/:op, SSE job events, file staging. */
describe('serve: the API over HTTP', () => {
  let dir: string;
  let s: Served;
  let auth: Record<string, string>;

  async function call<T>(op: string, input: unknown): Promise<{ status: number; result: ApiResult<T> }> {
    const res = await fetch(`${s.origin}/api/call/${op}`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    return { status: res.status, result: (await res.json()) as ApiResult<T> };
  }

  async function value<T>(op: string, input: unknown): Promise<T> {
    const { status, result } = await call<T>(op, input);
    expect(status).toBe(200);
    if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
    return result.value;
  }

  beforeAll(async () => {
    dir = tempDir('swb-serve-api-');
    s = await startServe(tinyProject(dir));
    auth = { 'X-Workbench-Token': s.token };
  });

  afterAll(async () => {
    await stopAll();
  });

  it('answers the quick reads: listAnalyses, currentProject, listRuns, listJobs', async () => {
    expect((await value<{ id: string }[]>('listAnalyses', {})).map((a) => a.id)).toContain('data-summary');
    const current = await value<ProjectInfo>('currentProject', {});
    expect(current.path).toBe(s.project);
    expect(current.customers).toBe(200);
    const runs = await value<RunRecord[]>('listRuns', { project: s.project });
    expect(runs.map((r) => [r.analysis, r.status])).toEqual([['demo', 'done']]);
    expect(await value<JobInfo[]>('listJobs', {})).toEqual([]);
    // An empty body is `{}`.
    const empty = await fetch(`${s.origin}/api/call/listJobs`, { method: 'POST', headers: auth });
    expect(await empty.json()).toEqual({ ok: true, value: [] });
  });

  it('returns errors as data: invalid input and failures are HTTP 200 with ok:false', async () => {
    const bad = await call('getRun', { project: s.project, id: 'one' });
    expect(bad.status).toBe(200);
    expect(bad.result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const missing = await call('getRun', { project: s.project, id: 99 });
    expect(missing.status).toBe(200);
    expect(missing.result).toMatchObject({ ok: false, error: { code: 'not-found', message: 'No run 99 in this project.' } });
    const noProject = await call('listRuns', { project: path.join(dir, 'none.sqlite') });
    expect(noProject.result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses unknown operations (404), bodies that are not JSON (400), other methods (405) and huge bodies (413)', async () => {
    const unknown = await call('dropEverything', {});
    expect(unknown.status).toBe(404);
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await call('toString', {})).status).toBe(404);
    expect((await fetch(`${s.origin}/api/nothing`, { headers: auth })).status).toBe(404);
    const notJson = await fetch(`${s.origin}/api/call/listRuns`, { method: 'POST', headers: auth, body: '{project:' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const get = await fetch(`${s.origin}/api/call/listRuns`, { headers: auth });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const huge = await rawRequest(s.port, { path: '/api/call/listRuns', method: 'POST', headers: auth, body: JSON.stringify({ project: 'x'.repeat(1 << 21) }) });
    expect(huge.status).toBe(413);
  });

  it('stages an uploaded CSV, previews it, imports it as a job with progress over SSE, and lists the new run', async () => {
    // Subscribe first; the stream's opening comment means every later event will arrive.
    const stop = new AbortController();
    const res = await fetch(`${s.origin}/api/events`, { headers: auth, signal: stop.signal });
    expect(res.status).toBe(200);
    const stream = sseMessages(res);
    expect((await stream.next()).value).toEqual({ comment: 'connected' });

    const csv = 'when,who,what,how much\n2021-03-01,c1,A,2.5\n2021-03-01,c1,B,1.0\n2021-03-02,c2,A,2.5\n';
    const up = await fetch(`${s.origin}/api/upload?name=${encodeURIComponent('../월 매출 sales.csv')}`, { method: 'POST', headers: auth, body: csv });
    expect(up.status).toBe(200);
    const staged = (await up.json()) as ApiResult<{ path: string; name: string; bytes: number }>;
    if (!staged.ok) throw new Error(staged.error.message);
    expect(staged.value.name).toBe('월 매출 sales.csv');
    expect(staged.value.bytes).toBe(Buffer.byteLength(csv));
    expect(path.basename(path.dirname(path.dirname(staged.value.path)))).toMatch(/^segment-workbench-uploads-/);
    expect(fs.readFileSync(staged.value.path, 'utf8')).toBe(csv);

    const [preview] = await value<FilePreview[]>('previewImport', { files: [staged.value.path], role: 'transactions', map: { date: 'when', customer: 'who', product: 'what', amount: 'how much' } });
    expect(preview).toMatchObject({ ok: true, format: 'generic', header: ['when', 'who', 'what', 'how much'] });

    const job = await value<JobInfo>('startJob', { project: s.project, kind: 'import', params: { files: [staged.value.path], role: 'transactions', map: preview.mapping } });
    expect(job).toMatchObject({ kind: 'import', status: 'running', project: s.project });

    const events: JobEvent[] = [];
    for (;;) {
      const next = await stream.next();
      if (next.done) throw new Error('the event stream ended');
      const m: SseMessage = next.value;
      if (!('data' in m)) continue;
      const e = m.data as JobEvent;
      const id = e.type === 'progress' ? e.progress.jobId : e.jobId;
      if (id !== job.jobId) continue;
      events.push(e);
      if (e.type !== 'progress') break;
    }
    stop.abort();
    expect(events.some((e) => e.type === 'progress' && e.progress.phase.length > 0)).toBe(true);
    const final = events[events.length - 1];
    if (final.type !== 'done') throw new Error(`import ended with ${JSON.stringify(final)}`);
    expect(final.summary).toMatchObject({ rowsImported: 3 });

    const runs = await value<RunRecord[]>('listRuns', { project: s.project });
    expect(runs.find((r) => r.id === final.runId)).toMatchObject({ analysis: 'import', status: 'done' });
    expect((await value<JobInfo[]>('listJobs', {})).find((j) => j.jobId === job.jobId)).toMatchObject({ status: 'done', runId: final.runId });
  });

  it('refuses an upload without a name', async () => {
    const res = await fetch(`${s.origin}/api/upload`, { method: 'POST', headers: auth, body: 'a,b\n' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

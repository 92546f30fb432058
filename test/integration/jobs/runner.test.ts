import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../core/model/jobs.js';
import { JobRunner } from '../../../core/service/job-runner.js';
import { collect, requireWorkerBundle } from './helpers.js';

describe('JobRunner: results and errors', () => {
  let runner: JobRunner;
  beforeAll(() => {
    requireWorkerBundle();
    runner = new JobRunner();
  });
  afterAll(() => runner.close());

  it('sends progress in order with increasing done, then done with the summary', async () => {
    const handle = runner.start('diagnostics.count', 'unused.sqlite', { n: 200_000, chunk: 10 });
    const events = collect(handle);
    const final = await handle.result;
    expect(final).toEqual({ type: 'done', jobId: handle.jobId, runId: null, summary: { counted: 200_000 } });
    expect(events.at(-1)).toEqual(final);
    const progress = events.filter((e) => e.type === 'progress').map((e) => (e as { progress: JobProgress }).progress);
    expect(progress[0]).toMatchObject({ jobId: handle.jobId, phase: 'count', done: 0, total: 200_000 });
    expect(progress.at(-1)).toMatchObject({ done: 200_000, total: 200_000 });
    for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThan(progress[i - 1].done);
    // 20 000 reports are throttled to ~10 per second plus the first and last.
    expect(progress.length).toBeLessThan(1000);
    if (progress.length > 2) expect(progress.at(-1)?.rowsPerSecond).toBeGreaterThan(0);
    expect(runner.active()).toEqual([]);
  });

  it('reports a WorkbenchError with its code and details intact', async () => {
    const final = await runner.start('diagnostics.fail', 'unused.sqlite', { reason: 'because' }).result;
    expect(final.type).toBe('failed');
    if (final.type !== 'failed') return;
    expect(final.error).toMatchObject({
      name: 'WorkbenchError',
      code: 'invalid-input',
      message: 'Diagnostic failure: because.',
      details: { reason: 'because', parameter: 'reason', values: [1, 2, 3] },
    });
    expect(final.error.stack).toContain('Diagnostic failure');
  });

  it('fails an unknown kind with not-found, listing the known kinds', async () => {
    const final = await runner.start('no.such-job', 'unused.sqlite', {}).result;
    expect(final).toMatchObject({ type: 'failed', error: { code: 'not-found' } });
    if (final.type === 'failed') expect(final.error.message).toContain('diagnostics.count');
  });

  it('fails invalid params with invalid-input naming the parameter and its value', async () => {
    const final = await runner.start('diagnostics.count', 'unused.sqlite', { n: -1 }).result;
    expect(final).toMatchObject({ type: 'failed', error: { code: 'invalid-input' } });
    if (final.type === 'failed') expect(final.error.message).toMatch(/'n'.*got -1/);
    const wrongType = await runner.start('diagnostics.count', 'unused.sqlite', { n: 'ten' }).result;
    expect(wrongType).toMatchObject({ type: 'failed', error: { code: 'invalid-input', details: { issues: [{ path: 'n' }] } } });
  });

  it('fills defaults when params are omitted', async () => {
    const final = await runner.start('diagnostics.count', 'unused.sqlite', undefined).result;
    expect(final).toMatchObject({ type: 'done', summary: { counted: 1000 } });
  });

  it('runs two jobs at once, each to its own result', async () => {
    const a = runner.start('diagnostics.count', 'unused.sqlite', { n: 30_000 });
    const b = runner.start('diagnostics.count', 'unused.sqlite', { n: 20_000 });
    expect(a.jobId).not.toBe(b.jobId);
    expect(runner.active().map((h) => h.jobId).sort()).toEqual([a.jobId, b.jobId].sort());
    const [ra, rb] = await Promise.all([a.result, b.result]);
    expect(ra).toMatchObject({ type: 'done', jobId: a.jobId, summary: { counted: 30_000 } });
    expect(rb).toMatchObject({ type: 'done', jobId: b.jobId, summary: { counted: 20_000 } });
  });

  it('replays the final event to a listener that subscribes after the end', async () => {
    const handle = runner.start('diagnostics.count', 'unused.sqlite', { n: 10 });
    const final = await handle.result;
    const late = await new Promise((resolve) => handle.onEvent(resolve));
    expect(late).toEqual(final);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../../core/service/job-runner.js';
import { firstEvent, requireWorkerBundle } from './helpers.js';

// Counts that would take hours: only a cancel ends them.
const ENDLESS = { n: Number.MAX_SAFE_INTEGER, chunk: 1000 };

describe('JobRunner: cancel', () => {
  beforeAll(requireWorkerBundle);

  it('cancels a job that checks between chunks, without forcing', async () => {
    const runner = new JobRunner({ cancelGraceMs: 60_000 });
    const handle = runner.start('diagnostics.count', 'unused.sqlite', ENDLESS);
    expect((await firstEvent(handle)).type).toBe('progress');
    handle.cancel();
    expect(await handle.result).toEqual({ type: 'cancelled', jobId: handle.jobId, forced: false });
    await runner.close();
  }, 30_000);

  it('cancels a job that never yields to the event loop, through the shared flag', async () => {
    const runner = new JobRunner({ cancelGraceMs: 60_000 });
    const handle = runner.start('diagnostics.count', 'unused.sqlite', { ...ENDLESS, sync: true });
    expect((await firstEvent(handle)).type).toBe('progress');
    handle.cancel();
    expect(await handle.result).toEqual({ type: 'cancelled', jobId: handle.jobId, forced: false });
    await runner.close();
  }, 30_000);

  it('terminates a job that ignores cancel, then runs the next job', async () => {
    const runner = new JobRunner({ cancelGraceMs: 200 });
    const stuck = runner.start('diagnostics.ignore-cancel', 'unused.sqlite', { ms: 120_000 });
    expect((await firstEvent(stuck)).type).toBe('progress');
    stuck.cancel();
    expect(await stuck.result).toEqual({ type: 'cancelled', jobId: stuck.jobId, forced: true });
    expect(runner.active()).toEqual([]);
    const next = await runner.start('diagnostics.count', 'unused.sqlite', { n: 100 }).result;
    expect(next).toMatchObject({ type: 'done', summary: { counted: 100 } });
    await runner.close();
  }, 30_000);

  it('close() cancels what runs and refuses new jobs', async () => {
    const runner = new JobRunner({ cancelGraceMs: 60_000 });
    const handle = runner.start('diagnostics.count', 'unused.sqlite', ENDLESS);
    await firstEvent(handle);
    await runner.close();
    expect(await handle.result).toMatchObject({ type: 'cancelled', forced: false });
    expect(await runner.start('diagnostics.count', 'unused.sqlite', {}).result).toMatchObject({ type: 'failed', error: { code: 'internal' } });
  }, 30_000);
});

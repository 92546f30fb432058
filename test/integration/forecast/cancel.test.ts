import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEvent, JobProgress } from '../../../core/model/jobs.js';
import { JobRunner } from '../../../core/service/job-runner.js';
import { makeTinyDemo, projectDigest, runCli } from '../../helpers/project.js';
import { cancelAtPhase, requireWorkerBundle } from '../jobs/helpers.js';

describe('forecast in the worker: progress per series, cancel', () => {
  let dir: string, project: string, segRun: number;
  beforeAll(() => {
    requireWorkerBundle();
    ({ dir, project } = makeTinyDemo());
    const r = runCli(['run', 'kprototypes', '--project', project, '--param', 'k=4', '--json']);
    expect(r.code, r.stderr).toBe(0);
    segRun = (JSON.parse(r.stdout) as { runId: number }).runId;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports each series as it starts it', async () => {
    const runner = new JobRunner();
    const handle = runner.start('forecast', project, { by: 'segment', segmentRun: segRun, models: 'snaive,ets', folds: 1 });
    const fits: JobProgress[] = [];
    handle.onEvent((e: JobEvent) => {
      if (e.type === 'progress' && e.progress.phase === 'fit') fits.push(e.progress);
    });
    const end = await handle.result;
    await runner.close();
    expect(end.type).toBe('done');
    // The runner throttles progress; the first series always shows, with the series count as total.
    expect(fits.length).toBeGreaterThan(0);
    expect(fits[0]).toMatchObject({ done: 0, total: 4, unit: 'series' });
  }, 120_000);

  it('stops between series without forcing the worker, and the project is untouched', async () => {
    const before = projectDigest(project);
    const { result, jobId } = await cancelAtPhase(project, 'forecast', { by: 'segment', segmentRun: segRun }, 'fit');
    expect(result).toEqual({ type: 'cancelled', jobId, forced: false });
    expect(projectDigest(project)).toBe(before);
  }, 120_000);
});

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../core/model/jobs.js';
import { JobRunner } from '../../../core/service/job-runner.js';
import { makeTinyDemo, projectDigest } from '../../helpers/project.js';
import { cancelAtPhase, requireWorkerBundle } from '../jobs/helpers.js';

describe('spend-model in the worker: progress per model, cancel', () => {
  let dir: string, project: string;
  beforeAll(() => {
    requireWorkerBundle();
    ({ dir, project } = makeTinyDemo());
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the features and each model\'s fit as phases', async () => {
    const runner = new JobRunner();
    const handle = runner.start('spend-model', project, { models: 'baseline,gbdt' });
    const phases = new Set<string>();
    handle.onEvent((e: JobEvent) => {
      if (e.type === 'progress') phases.add(e.progress.phase);
    });
    const end = await handle.result;
    await runner.close();
    expect(end.type).toBe('done');
    expect([...phases]).toEqual(expect.arrayContaining(['features', 'gbdt']));
  }, 120_000);

  it('stops during the boosted trees without forcing the worker, and the project is untouched', async () => {
    const before = projectDigest(project);
    const { result, jobId } = await cancelAtPhase(project, 'spend-model', { models: 'baseline,gbdt' }, 'gbdt');
    expect(result).toEqual({ type: 'cancelled', jobId, forced: false });
    expect(projectDigest(project)).toBe(before);
  }, 120_000);
});

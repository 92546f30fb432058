import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo, projectDigest } from '../../helpers/project.js';
import { cancelAtPhase, requireWorkerBundle } from '../jobs/helpers.js';

// issue #16: EASE runs on a thread of its own (core/jobs/recommend/ease-thread.ts); a cancel while
// the job waits for it must end the thread and report a cancel, not the thread's exit as a failure.
describe('recommend-eval: cancel while the EASE thread works', () => {
  let dir: string, project: string;
  beforeAll(() => {
    requireWorkerBundle();
    ({ dir, project } = makeTinyDemo());
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stops without forcing the worker, and the project is untouched', async () => {
    const before = projectDigest(project);
    // Many λ candidates on every validation customer: the thread is still choosing when the cancel comes.
    const lambdas = Array.from({ length: 40 }, (_, i) => 10 * (i + 1));
    const { result, jobId } = await cancelAtPhase(project, 'recommend-eval', { models: ['ease'], lambdas, validationCustomers: 1_000_000 }, 'evaluate');
    expect(result).toEqual({ type: 'cancelled', jobId, forced: false });
    expect(projectDigest(project)).toBe(before);
  }, 180_000);
});

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../core/model/jobs.js';
import { JobRunner } from '../../../core/service/job-runner.js';
import { makeTinyDemo, projectDigest } from '../../helpers/project.js';
import { requireWorkerBundle } from '../jobs/helpers.js';

describe('rules: cancel while mining', () => {
  let dir: string, project: string;
  beforeAll(() => {
    requireWorkerBundle();
    ({ dir, project } = makeTinyDemo());
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stops inside FP-growth without forcing the worker, and the project is untouched', async () => {
    const before = projectDigest(project);
    const runner = new JobRunner({ cancelGraceMs: 60_000 });
    // Customer baskets hold dozens of sub-categories each: at 5 % support and no length limit the itemsets run into the billions.
    const handle = runner.start('rules', project, { basket: 'customer', level: 'category2', minSupport: 0.05, maxLength: 16, maxItemsets: 100_000_000 });
    await new Promise<void>((resolve) => {
      const off = handle.onEvent((e: JobEvent) => {
        if (e.type !== 'progress' || e.progress.phase !== 'itemsets') return;
        off();
        resolve();
      });
    });
    handle.cancel();
    expect(await handle.result).toEqual({ type: 'cancelled', jobId: handle.jobId, forced: false });
    await runner.close();
    expect(projectDigest(project)).toBe(before);
  }, 120_000);
});

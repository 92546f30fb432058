import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo, projectDigest } from '../../helpers/project.js';
import { cancelAtPhase, requireWorkerBundle } from '../jobs/helpers.js';

describe('rules: cancel while mining', () => {
  let dir: string, project: string;
  beforeAll(() => {
    requireWorkerBundle();
    ({ dir, project } = makeTinyDemo());
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stops inside FP-growth without forcing the worker, and the project is untouched', async () => {
    const before = projectDigest(project);
    // Customer baskets hold dozens of sub-categories each: at 5 % support and no length limit the itemsets run into the billions.
    const { result, jobId } = await cancelAtPhase(project, 'rules', { basket: 'customer', level: 'category2', minSupport: 0.05, maxLength: 16, maxItemsets: 100_000_000 }, 'itemsets');
    expect(result).toEqual({ type: 'cancelled', jobId, forced: false });
    expect(projectDigest(project)).toBe(before);
  }, 120_000);
});

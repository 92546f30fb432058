import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectDigest, runCli, tempDir } from '../../helpers/project.js';
import { cancelAtPhase, requireWorkerBundle } from '../jobs/helpers.js';
import { COUPON_MAP, SALES_MAP, writeKaggleShaped } from './kaggle-shaped.js';

describe('coupon-sensitivity: cancel while computing DTW distances', () => {
  let dir: string, project: string;
  beforeAll(() => {
    requireWorkerBundle();
    dir = tempDir();
    project = path.join(dir, 'c.sqlite');
    const data = writeKaggleShaped(dir, 1500, 500, 2);
    const maps = (m: string[]) => m.flatMap((x) => ['--map', x]);
    expect(runCli(['import', '--project', project, data.sales, ...maps([...SALES_MAP, 'coupon=Coupon_Status'])]).code).toBe(0);
    expect(runCli(['import', '--project', project, data.coupons, '--role', 'coupons', ...maps(COUPON_MAP)]).code).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stops between rows of the distance matrix without forcing the worker, and the project is untouched', async () => {
    const before = projectDigest(project);
    const { result, jobId } = await cancelAtPhase(project, 'coupon-sensitivity', { method: 'dtw' }, 'dtw');
    expect(result).toEqual({ type: 'cancelled', jobId, forced: false });
    expect(projectDigest(project)).toBe(before);
  }, 120_000);
});

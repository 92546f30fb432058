import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRun, listRuns } from '../../../core/data/store/runs.js';
import { openProject } from '../../../core/data/store/open.js';
import { overviewJob, OVERVIEW_STEPS } from '../../../core/jobs/overview-job.js';
import type { JobContext } from '../../../core/jobs/types.js';
import type { JobProgress } from '../../../core/model/jobs.js';
import { lpointSmallFiles } from '../../helpers/project.js';
import { importedProject } from './helpers.js';

let dir: string;
let file: string;

beforeEach(async () => {
  const p = await importedProject(lpointSmallFiles());
  p.db.close();
  ({ dir, file } = p);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function context(cancelAt = Infinity): { ctx: JobContext; progress: Omit<JobProgress, 'jobId'>[] } {
  const progress: Omit<JobProgress, 'jobId'>[] = [];
  let checks = 0;
  const ctx: JobContext = {
    jobId: 'j1', project: file, signal: new AbortController().signal, startedAt: new Date(), runId: null,
    progress: (p) => progress.push(p),
    throwIfCancelled: () => {
      if (++checks > cancelAt) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    },
  };
  return { ctx, progress };
}

describe('the overview job', () => {
  it('reports progress per panel, records a run and returns the result with its run id', async () => {
    const { ctx, progress } = context();
    const r = await overviewJob.run(ctx, overviewJob.params.parse({}));
    expect(r.runId).toBe(ctx.runId);
    expect(r.period).toEqual({ from: null, to: null });
    expect(r.kpis.sales).toBe(31_000);
    expect(progress.map((p) => p.message).filter(Boolean)).toEqual([...OVERVIEW_STEPS]);
    expect(progress[progress.length - 1]).toMatchObject({ done: OVERVIEW_STEPS.length, total: OVERVIEW_STEPS.length });
    const db = openProject(file, { readonly: true });
    const run = getRun(db, r.runId);
    db.close();
    const { runId: _, ...stored } = r;
    expect(run).toMatchObject({ analysis: 'overview', status: 'done', params: {}, summary: JSON.parse(JSON.stringify(stored)) });
  });

  it('takes a period as ISO dates', async () => {
    const r = await overviewJob.run(context().ctx, overviewJob.params.parse({ from: '2021-01-01', to: '2021-01-31' }));
    expect(r.period).toEqual({ from: '2021-01-01', to: '2021-01-31' });
    expect(r.kpis).toMatchObject({ receipts: 4, lastDate: '2021-01-10' });
  });

  it('refuses bad dates and an inverted period at the boundary', () => {
    expect(overviewJob.params.safeParse({ from: '2021-02-30' }).success).toBe(false);
    expect(overviewJob.params.safeParse({ from: '20210101' }).success).toBe(false);
    expect(overviewJob.params.safeParse({ from: '2021-03-01', to: '2021-02-01' }).success).toBe(false);
    expect(overviewJob.params.safeParse({ retailer: 'A01' }).success).toBe(false);
  });

  it('stops on cancel between panels and records no run', async () => {
    await expect(overviewJob.run(context(3).ctx, overviewJob.params.parse({}))).rejects.toThrow(/cancelled/);
    const db = openProject(file, { readonly: true });
    expect(listRuns(db).filter((r) => r.analysis === 'overview')).toEqual([]);
    db.close();
  });
});

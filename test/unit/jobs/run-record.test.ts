import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProject, type Db } from '../../../core/data/store/open.js';
import { getRun, listRuns } from '../../../core/data/store/runs.js';
import { recordRun } from '../../../core/jobs/run-record.js';

describe('recordRun', () => {
  let dir: string;
  let file: string;
  let db: Db;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-runs-'));
    file = path.join(dir, 'p.sqlite');
    db = openProject(file, { create: true });
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores a done run with params, fingerprint, timings and summary, and sets ctx.runId', () => {
    const ctx = { startedAt: new Date(Date.now() - 1500), runId: null as number | null };
    const id = recordRun(db, ctx, 'segment.kmeans', { k: 4, seed: 1 }, { clusters: 4 }, 'fp-1');
    expect(ctx.runId).toBe(id);
    const run = getRun(db, id);
    expect(run).toMatchObject({
      id,
      analysis: 'segment.kmeans',
      status: 'done',
      params: { k: 4, seed: 1 },
      dataFingerprint: 'fp-1',
      startedAt: ctx.startedAt.toISOString(),
      summary: { clusters: 4 },
      error: null,
    });
    expect(Date.parse(run?.finishedAt ?? '')).toBeGreaterThanOrEqual(ctx.startedAt.getTime());
    expect(run?.durationMs).toBeGreaterThanOrEqual(1500);
  });

  it('leaves no run when the transaction it is part of rolls back', () => {
    const ctx = { startedAt: new Date(), runId: null as number | null };
    const failing = db.transaction(() => {
      recordRun(db, ctx, 'import', { files: ['a.csv'] }, { rows: 1 }, 'fp');
      throw new Error('the results could not be written');
    });
    expect(failing).toThrow('could not be written');
    expect(listRuns(db)).toEqual([]);
  });

  it('persists once committed', () => {
    recordRun(db, { startedAt: new Date(), runId: null }, 'import', {}, null, 'fp');
    db.close();
    db = openProject(file);
    expect(listRuns(db).map((r) => r.status)).toEqual(['done']);
  });
});

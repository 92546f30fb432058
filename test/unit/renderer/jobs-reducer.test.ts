import { describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../core/model/api.js';
import { initialJobsState, jobsReducer, orderJobs } from '../../../renderer/src/state/jobs-reducer.js';

const info = (jobId: string, over: Partial<JobInfo> = {}): JobInfo => ({ jobId, kind: 'import', project: '/p.sqlite', status: 'running', startedAt: '2024-01-01T00:00:00Z', progress: null, runId: null, error: null, ...over });

describe('jobsReducer', () => {
  it('applies progress, then done with run id and summary', () => {
    let s = jobsReducer(initialJobsState, { type: 'started', job: info('j1') });
    s = jobsReducer(s, { type: 'events', events: [{ type: 'progress', progress: { jobId: 'j1', phase: 'read', done: 10, total: 100 } }] });
    expect(s.jobs.j1.progress?.done).toBe(10);
    s = jobsReducer(s, { type: 'events', events: [{ type: 'done', jobId: 'j1', runId: 7, summary: { rowsRead: 100 } }] });
    expect(s.jobs.j1).toMatchObject({ status: 'done', runId: 7, summary: { rowsRead: 100 } });
    expect(s.doneCount).toBe(1);
  });

  it('keeps a job ended when events arrived before startJob answered', () => {
    let s = jobsReducer(initialJobsState, { type: 'events', events: [{ type: 'failed', jobId: 'j2', error: { name: 'WorkbenchError', message: 'bad row', code: 'import-failed' } }] });
    expect(s.unknown).toBe(true);
    s = jobsReducer(s, { type: 'started', job: info('j2') });
    expect(s.jobs.j2).toMatchObject({ status: 'failed', kind: 'import', error: { code: 'import-failed', message: 'bad row' } });
    s = jobsReducer(s, { type: 'list', jobs: [info('j2')] });
    expect(s.jobs.j2.status).toBe('failed');
    expect(s.unknown).toBe(false);
  });

  it('ignores progress after the end and records cancellations', () => {
    let s = jobsReducer(initialJobsState, { type: 'started', job: info('j3') });
    s = jobsReducer(s, { type: 'events', events: [{ type: 'cancelled', jobId: 'j3', forced: false }] });
    const after = jobsReducer(s, { type: 'events', events: [{ type: 'progress', progress: { jobId: 'j3', phase: 'read', done: 50, total: 100 } }] });
    expect(after).toBe(s);
    expect(s.jobs.j3.status).toBe('cancelled');
    expect(s.doneCount).toBe(0);
  });

  it('lists running jobs first, newest first', () => {
    let s = jobsReducer(initialJobsState, { type: 'list', jobs: [info('a', { status: 'done', startedAt: '2024-01-03T00:00:00Z' }), info('b', { startedAt: '2024-01-01T00:00:00Z' }), info('c', { startedAt: '2024-01-02T00:00:00Z' })] });
    expect(orderJobs(s.jobs).map((j) => j.jobId)).toEqual(['c', 'b', 'a']);
    s = jobsReducer(s, { type: 'events', events: [{ type: 'done', jobId: 'c', runId: 1, summary: null }] });
    expect(orderJobs(s.jobs).map((j) => j.jobId)).toEqual(['b', 'a', 'c']);
  });
});

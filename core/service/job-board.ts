import type { JobInfo } from '../model/api.js';
import type { JobEvent } from '../model/jobs.js';
import type { JobHandle } from './job-runner.js';

const KEEP_FINISHED = 50;

/**
 * What every shell shows of jobs: the running ones with their latest progress and the recently
 * finished ones, and one stream of all their events (pushed to the UI over SSE or IPC).
 */
export class JobBoard {
  private readonly jobs = new Map<string, JobInfo>();
  private readonly listeners = new Set<(e: JobEvent) => void>();

  track(handle: JobHandle, project: string): JobInfo {
    const info: JobInfo = { jobId: handle.jobId, kind: handle.kind, project, status: 'running', startedAt: new Date().toISOString(), progress: null, runId: null, error: null };
    this.jobs.set(handle.jobId, info);
    handle.onEvent((e) => {
      if (e.type === 'progress') info.progress = e.progress;
      else if (e.type === 'done') Object.assign(info, { status: 'done', runId: e.runId });
      else if (e.type === 'failed') Object.assign(info, { status: 'failed', error: { code: e.error.code ?? 'internal', message: e.error.message } });
      else Object.assign(info, { status: 'cancelled' });
      if (e.type !== 'progress') this.prune();
      for (const l of this.listeners) l(e);
    });
    return info;
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((j) => ({ ...j }));
  }

  subscribe(listener: (e: JobEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.jobId);
  }
}

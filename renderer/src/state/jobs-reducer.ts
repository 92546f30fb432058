import type { JobInfo } from '../../../core/model/api.js';
import type { JobEvent } from '../../../core/model/jobs.js';

/** A job as the UI knows it: what the host listed, updated by every event since. */
export interface TrackedJob extends JobInfo {
  /** The job's result, from its 'done' event (an ImportSummary for imports and demos). */
  summary?: unknown;
  /** Time (ms since epoch, this machine) the UI saw the job end. */
  endedAt?: number;
}

export interface JobsState {
  jobs: Record<string, TrackedJob>;
  /** Jobs seen in events but not yet listed (started elsewhere): the provider asks listJobs. */
  unknown: boolean;
  /** Increases whenever a job ends with 'done' (pages reload their data on it). */
  doneCount: number;
}

export type JobsAction = { type: 'list'; jobs: JobInfo[] } | { type: 'started'; job: JobInfo } | { type: 'events'; events: JobEvent[] };

export const initialJobsState: JobsState = { jobs: {}, unknown: false, doneCount: 0 };

const ended = (j: TrackedJob | undefined) => j !== undefined && j.status !== 'running';

/** Host information merged over what events already told: an ended job never goes back to running. */
function merge(existing: TrackedJob | undefined, info: JobInfo): TrackedJob {
  const base: TrackedJob = {
    ...info,
    kind: info.kind || existing?.kind || '',
    project: info.project || existing?.project || '',
    progress: info.progress ?? existing?.progress ?? null,
    summary: existing?.summary,
  };
  if (existing !== undefined && ended(existing)) {
    return { ...base, status: existing.status, runId: existing.runId ?? info.runId, error: existing.error ?? info.error, endedAt: existing.endedAt };
  }
  return { ...base, endedAt: info.status === 'running' ? undefined : (existing?.endedAt ?? Date.now()) };
}

function placeholder(jobId: string): TrackedJob {
  return { jobId, kind: '', project: '', status: 'running', startedAt: new Date().toISOString(), progress: null, runId: null, error: null };
}

function applyEvent(state: JobsState, e: JobEvent): JobsState {
  const jobId = e.type === 'progress' ? e.progress.jobId : e.jobId;
  const known = state.jobs[jobId];
  const job = known ?? placeholder(jobId);
  let next: TrackedJob;
  let doneCount = state.doneCount;
  switch (e.type) {
    case 'progress':
      if (ended(job)) return state;
      next = { ...job, progress: e.progress };
      break;
    case 'done':
      next = { ...job, status: 'done', runId: e.runId, summary: e.summary, endedAt: Date.now() };
      doneCount++;
      break;
    case 'failed':
      next = { ...job, status: 'failed', error: { code: e.error.code ?? 'internal', message: e.error.message }, endedAt: Date.now() };
      break;
    case 'cancelled':
      next = { ...job, status: 'cancelled', endedAt: Date.now() };
      break;
  }
  return { jobs: { ...state.jobs, [jobId]: next }, unknown: state.unknown || known === undefined, doneCount };
}

export function jobsReducer(state: JobsState, action: JobsAction): JobsState {
  switch (action.type) {
    case 'list': {
      const jobs = { ...state.jobs };
      for (const info of action.jobs) jobs[info.jobId] = merge(jobs[info.jobId], info);
      return { ...state, jobs, unknown: false };
    }
    case 'started':
      return { ...state, jobs: { ...state.jobs, [action.job.jobId]: merge(state.jobs[action.job.jobId], action.job) } };
    case 'events':
      return action.events.reduce(applyEvent, state);
  }
}

/** Running jobs first (newest first), then ended ones, newest first. */
export function orderJobs(jobs: Record<string, TrackedJob>): TrackedJob[] {
  return Object.values(jobs).sort((a, b) => Number(b.status === 'running') - Number(a.status === 'running') || b.startedAt.localeCompare(a.startedAt));
}

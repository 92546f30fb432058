import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../core/model/result.js';
import { useJobs } from '../state/jobs.js';
import type { TrackedJob } from '../state/jobs-reducer.js';

export interface JobRunner {
  /** The form's job (started here, or still running from an earlier visit of the page). */
  job: TrackedJob | undefined;
  /** Starting or running: the form's inputs are disabled. */
  running: boolean;
  /** Why the job could not start, if it could not. */
  startError: ApiError | null;
  /** The job's status for tests and styling: its status, 'starting' or 'idle'. */
  status: string;
  start(kind: string, params: Record<string, unknown>): Promise<void>;
}

/**
 * The lifecycle of a form that runs one job at a time: follows a job of `project` whose kind
 * `matches` and that is still running from an earlier visit, starts new ones, and calls `onDone`
 * once per job with the run it stored.
 */
export function useJobRunner(project: string, matches: (kind: string) => boolean, onDone: (runId: number) => void): JobRunner {
  const jobs = useJobs();
  const [jobId, setJobId] = useState<string | null>(() => jobs.list.find((j) => j.status === 'running' && j.project === project && matches(j.kind))?.jobId ?? null);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const [starting, setStarting] = useState(false);
  const reported = useRef<string | null>(null);
  const done = useRef(onDone);
  done.current = onDone;
  const job = jobs.get(jobId);

  useEffect(() => {
    if (job?.status === 'done' && job.runId !== null && reported.current !== job.jobId) {
      reported.current = job.jobId;
      done.current(job.runId);
    }
  }, [job]);

  const start = async (kind: string, params: Record<string, unknown>) => {
    setStartError(null);
    setStarting(true);
    const result = await jobs.start(project, kind, params);
    setStarting(false);
    if (result.ok) setJobId(result.value.jobId);
    else setStartError(result.error);
  };

  return { job, running: job?.status === 'running' || starting, startError, status: job?.status ?? (starting ? 'starting' : 'idle'), start };
}

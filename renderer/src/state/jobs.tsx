import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import type { JobInfo } from '../../../core/model/api.js';
import type { JobEvent } from '../../../core/model/jobs.js';
import type { ApiResult } from '../../../core/model/result.js';
import { safeCall } from '../api/call.js';
import { useApi } from '../api/context.js';
import { initialJobsState, jobsReducer, orderJobs, type TrackedJob } from './jobs-reducer.js';

interface Jobs {
  /** Running first, then recently ended, newest first. */
  list: TrackedJob[];
  get(jobId: string | null): TrackedJob | undefined;
  start(project: string, kind: string, params: Record<string, unknown>): Promise<ApiResult<JobInfo>>;
  cancel(jobId: string): Promise<void>;
  doneCount: number;
  /** True once the host's job list has been read (or failed to be). */
  loaded: boolean;
}

const JobsContext = createContext<Jobs | null>(null);
/** Progress events can come hundreds per second; the UI applies them in batches. */
const FLUSH_MS = 50;

export function JobsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [state, dispatch] = useReducer(jobsReducer, initialJobsState);
  const [loaded, setLoaded] = useState(false);
  const queue = useRef<JobEvent[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refreshList = useCallback(async () => {
    const result = await safeCall(() => api.listJobs({}));
    if (result.ok) dispatch({ type: 'list', jobs: result.value });
    setLoaded(true);
  }, [api]);

  useEffect(() => {
    const unsubscribe = api.onJobEvent((event) => {
      queue.current.push(event);
      if (timer.current === null) {
        timer.current = setTimeout(() => {
          timer.current = null;
          const events = queue.current;
          queue.current = [];
          dispatch({ type: 'events', events });
        }, FLUSH_MS);
      }
    });
    void refreshList();
    return () => {
      unsubscribe();
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [api, refreshList]);

  useEffect(() => {
    if (state.unknown) void refreshList();
  }, [state.unknown, refreshList]);

  const start = useCallback(
    async (project: string, kind: string, params: Record<string, unknown>) => {
      const result = await safeCall(() => api.startJob({ project, kind, params }));
      if (result.ok) dispatch({ type: 'started', job: result.value });
      return result;
    },
    [api],
  );

  const cancel = useCallback(
    async (jobId: string) => {
      await safeCall(() => api.cancelJob({ jobId }));
    },
    [api],
  );

  const value = useMemo<Jobs>(
    () => ({ list: orderJobs(state.jobs), get: (id) => (id === null ? undefined : state.jobs[id]), start, cancel, doneCount: state.doneCount, loaded }),
    [state, start, cancel, loaded],
  );
  return <JobsContext.Provider value={value}>{children}</JobsContext.Provider>;
}

export function useJobs(): Jobs {
  const value = useContext(JobsContext);
  if (value === null) throw new Error('useJobs outside JobsProvider');
  return value;
}

import { useCallback, useEffect, useMemo } from 'react';
import type { RunRecord } from '../../../core/model/jobs.js';
import { useApi } from '../api/context.js';
import { useJobs } from '../state/jobs.js';
import { useProject } from '../state/project.js';
import { onRunsChanged } from '../state/runs-changed.js';
import { useApiQuery } from './useApiQuery.js';
import { useChosenRun } from './useChosenRun.js';

/**
 * The open project's runs, reloaded whenever a job finishes or stored runs change (a segment
 * renamed, a run titled or deleted: state/runs-changed.ts): `query` for loading and error states,
 * `all` the runs as last loaded (empty before the first answer). Summaries carry the segments'
 * current names (the host applies them).
 */
export function useProjectRuns() {
  const api = useApi();
  const { info } = useProject();
  const { doneCount } = useJobs();
  const project = info?.path ?? null;
  const query = useApiQuery(project, () => api.listRuns({ project: project as string }));
  const { reload } = query;
  useEffect(() => {
    if (doneCount > 0) reload();
  }, [doneCount, reload]);
  useEffect(() => onRunsChanged(reload), [reload]);
  const all = useMemo<RunRecord[]>(() => ('value' in query && query.value ? query.value : []), [query]);
  return { project, query, all, reload };
}

/**
 * The run a page shows: the one the analyst picked (`wanted`, null = the newest) and `onDone`, which
 * a job form calls when a run it started has finished: that run is shown and the runs reloaded.
 * The pick is kept per project and `page` across reloads (useChosenRun); a deleted run falls back
 * to the newest (pickRun).
 */
export function useShownRun(reload: () => void, page: string) {
  const [wanted, setWanted] = useChosenRun(page);
  const onDone = useCallback(
    (runId: number) => {
      setWanted(runId);
      reload();
    },
    [reload, setWanted],
  );
  return { wanted, setWanted, onDone };
}

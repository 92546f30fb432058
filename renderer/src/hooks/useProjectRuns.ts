import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RunRecord } from '../../../core/model/jobs.js';
import { useApi } from '../api/context.js';
import { useJobs } from '../state/jobs.js';
import { useProject } from '../state/project.js';
import { useApiQuery } from './useApiQuery.js';

/**
 * The open project's runs, reloaded whenever a job finishes: `query` for loading and error states,
 * `all` the runs as last loaded (empty before the first answer).
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
  const all = useMemo<RunRecord[]>(() => ('value' in query && query.value ? query.value : []), [query]);
  return { project, query, all, reload };
}

/**
 * The run a page shows: the one the analyst picked (`wanted`, null = the newest) and `onDone`, which
 * a job form calls when a run it started has finished: that run is shown and the runs reloaded.
 */
export function useShownRun(reload: () => void) {
  const [wanted, setWanted] = useState<number | null>(null);
  const onDone = useCallback(
    (runId: number) => {
      setWanted(runId);
      reload();
    },
    [reload],
  );
  return { wanted, setWanted, onDone };
}

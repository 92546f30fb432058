import { useCallback, useState } from 'react';
import { readChosenRun, writeChosenRun } from '../lib/chosen-runs.js';
import { useProject } from '../state/project.js';

/**
 * [the run chosen on this page (`scope`) in the open project, null when none; choose]. Kept across
 * reloads in localStorage (lib/chosen-runs.ts); one hook for every page's run picker (issue #14).
 */
export function useChosenRun(scope: string): [number | null, (id: number | null) => void] {
  const { info } = useProject();
  const project = info?.path ?? null;
  // Read once per project: the state follows the project the window has open.
  const [state, setState] = useState<{ project: string | null; id: number | null }>(() => ({ project, id: project === null ? null : readChosenRun(project, scope) }));
  const current = state.project === project ? state.id : project === null ? null : readChosenRun(project, scope);
  if (state.project !== project) setState({ project, id: current });
  const choose = useCallback(
    (id: number | null) => {
      setState({ project, id });
      if (project !== null) writeChosenRun(project, scope, id);
    },
    [project, scope],
  );
  return [current, choose];
}

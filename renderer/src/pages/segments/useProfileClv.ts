import { useMemo, useState } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import type { ClvGroup } from '../../../../core/model/value.js';
import { useApi } from '../../api/context.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useProjectRuns } from '../../hooks/useProjectRuns.js';
import { runsOf } from '../../lib/runs.js';

/** The profile table's CLV columns: which clv run, the runs to pick from, and its groups by segment id. */
export interface ProfileClv {
  /** Finished clv runs of the project, newest first. */
  runs: RunRecord[];
  /** '' = the newest clv run (the default), 'none' = no CLV columns, else a run id. */
  choice: string;
  choose(choice: string): void;
  /** The clv run shown, or null (none in the project, or 'none' chosen). */
  runId: number | null;
  /** Mean CLV, P(alive) and expected purchases per segment id; null while loading or without a run. */
  groups: ReadonlyMap<number, ClvGroup> | null;
  /** The same figures over every customer of the clv run (the table's overall row). */
  overall: ClvGroup | null;
}

/**
 * CLV as a segment-profile column (issue #13): the segments' mean CLV, P(alive) and expected
 * purchases, read from a clv run grouped by this segmentation (`getClv` with `segmentRun`, the
 * same figures as the Value page's per-segment table). The run is the project's newest finished
 * clv run unless the analyst picks another or none; the stored profiles are not touched, so a
 * newer clv run shows without re-running the segmentation.
 */
export function useProfileClv(project: string, segmentRun: number): ProfileClv {
  const api = useApi();
  const { all } = useProjectRuns();
  const runs = useMemo(() => runsOf(all, 'clv'), [all]);
  const [choice, choose] = useState('');
  const runId = choice === 'none' ? null : choice === '' ? (runs[0]?.id ?? null) : runs.some((r) => String(r.id) === choice) ? Number(choice) : (runs[0]?.id ?? null);
  const query = useApiQuery(runId === null ? null : `${project}\u0000${runId}\u0000${segmentRun}`, () => api.getClv({ project, runId: runId as number, segmentRun }));
  const value = 'value' in query ? query.value : undefined;
  const groups = useMemo(() => {
    if (runId === null || !value) return null;
    const m = new Map<number, ClvGroup>();
    for (const g of value.groups) if (g.segment !== null) m.set(g.segment, g);
    return m;
  }, [runId, value]);
  const overall = (runId !== null && value?.groups.find((g) => g.segment === null)) || null;
  return { runs, choice, choose, runId, groups, overall };
}

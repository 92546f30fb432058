import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import { useApi } from '../../api/context.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { NoProject } from '../../components/NoProject.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useI18n } from '../../i18n/context.js';
import { useJobs } from '../../state/jobs.js';
import { useProject } from '../../state/project.js';
import { MethodForm } from './MethodForm.js';
import { RunPicker } from './RunPicker.js';
import { pickRun, segmentationRuns } from './runs.js';
import { SegmentationRun } from './SegmentationRun.js';

/** Segments: run a segmentation (method, parameters, progress), pick a run, and read it. */
export function SegmentsPage() {
  const api = useApi();
  const { t } = useI18n();
  const { info } = useProject();
  const { doneCount } = useJobs();
  const project = info?.path ?? null;
  const runsQuery = useApiQuery(project, () => api.listRuns({ project: project as string }));
  const { reload } = runsQuery;
  const [wanted, setWanted] = useState<number | null>(null);

  useEffect(() => {
    if (doneCount > 0) reload();
  }, [doneCount, reload]);

  const runs = useMemo<RunRecord[]>(() => segmentationRuns('value' in runsQuery && runsQuery.value ? runsQuery.value : []), [runsQuery]);
  const selected = pickRun(runs, wanted);
  const onDone = useCallback(
    (runId: number) => {
      setWanted(runId);
      reload();
    },
    [reload],
  );

  if (project === null) return <NoProject />;
  return (
    <div className="page page-segments" data-testid="page-segments" data-selected-run={selected ?? ''}>
      <MethodForm project={project} onDone={onDone} />
      <Card title={t('segments.runs')} testId="segment-runs" className="run-picker-card" attrs={{ 'data-runs': String(runs.length) }}>
        {runsQuery.status === 'error' && <ErrorMessage error={runsQuery.error} />}
        {runsQuery.status === 'loading' && runs.length === 0 && <Loading />}
        {runsQuery.status === 'ok' && runs.length === 0 && <p className="muted" data-testid="segment-no-runs">{t('segments.noRuns')}</p>}
        {runs.length > 0 && <RunPicker runs={runs} value={selected} onChange={setWanted} testId="segment-run-picker" label={t('segments.run.pick')} />}
      </Card>
      {selected !== null && <SegmentationRun key={`${project}\u0000${selected}`} project={project} runId={selected} />}
    </div>
  );
}

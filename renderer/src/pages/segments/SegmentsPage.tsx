import { useMemo } from 'react';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { NoProject } from '../../components/NoProject.js';
import { useProjectRuns, useShownRun } from '../../hooks/useProjectRuns.js';
import { useI18n } from '../../i18n/context.js';
import { MethodForm } from './MethodForm.js';
import { RunPicker } from './RunPicker.js';
import { pickRun, segmentationRuns } from '../../lib/runs.js';
import { SegmentationRun } from './SegmentationRun.js';

/** Segments: run a segmentation (method, parameters, progress), pick a run, and read it. */
export function SegmentsPage() {
  const { t } = useI18n();
  const { project, query: runsQuery, all, reload } = useProjectRuns();
  const { wanted, setWanted, onDone } = useShownRun(reload, 'segments');
  const runs = useMemo(() => segmentationRuns(all), [all]);
  const selected = pickRun(runs, wanted);

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

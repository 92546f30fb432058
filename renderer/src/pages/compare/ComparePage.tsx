import { useMemo, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { NoProject } from '../../components/NoProject.js';
import { Segmented } from '../../components/Segmented.js';
import { useProjectRuns } from '../../hooks/useProjectRuns.js';
import { useI18n } from '../../i18n/context.js';
import { runsOf, segmentationRuns } from '../../lib/runs.js';
import { TwoRuns } from './TwoRuns.js';
import { TwoSegments } from './TwoSegments.js';

type Tab = 'segments' | 'runs';

/** Compare: two segments of one run (profiles, category tests, demographics) or two runs (cross-tab, ARI). */
export function ComparePage() {
  const { t } = useI18n();
  const { project, query: runsQuery, all } = useProjectRuns();
  const [tab, setTab] = useState<Tab>('segments');
  const runs = useMemo(() => segmentationRuns(all), [all]);
  const clvRuns = useMemo(() => runsOf(all, 'clv'), [all]);

  if (project === null) return <NoProject />;
  return (
    <div className="page page-compare" data-testid="page-compare" data-tab={tab}>
      <div className="compare-tabs">
        <Segmented
          value={tab}
          label={t('compare.title')}
          testId="compare-tab"
          onChange={setTab}
          options={[
            { value: 'segments', label: t('compare.tab.segments') },
            { value: 'runs', label: t('compare.tab.runs') },
          ]}
        />
      </div>
      {runsQuery.status === 'error' && <ErrorMessage error={runsQuery.error} />}
      {runsQuery.status === 'loading' && runs.length === 0 && <Loading />}
      {runsQuery.status === 'ok' && runs.length === 0 && (
        <p className="notice" data-testid="compare-no-runs">
          {t('compare.noRuns')}
        </p>
      )}
      {runs.length > 0 && tab === 'segments' && <TwoSegments project={project} runs={runs} clvRuns={clvRuns} />}
      {runs.length > 0 && tab === 'runs' && <TwoRuns project={project} runs={runs} />}
    </div>
  );
}

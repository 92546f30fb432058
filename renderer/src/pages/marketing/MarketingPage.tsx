import { useMemo } from 'react';
import type { MarketingSummary } from '../../../../core/model/marketing.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { NoProject } from '../../components/NoProject.js';
import { useProjectRuns, useShownRun } from '../../hooks/useProjectRuns.js';
import { useI18n } from '../../i18n/context.js';
import { pickRun, runsOf, segmentationRuns } from '../../lib/runs.js';
import { MarketingForm } from './MarketingForm.js';
import { MarketingView } from './MarketingView.js';

/** Marketing: measure the response to marketing spend (parameters, run, cancel), pick a run, read it per segment. */
export function MarketingPage() {
  const { t, fmt } = useI18n();
  const { project, query: runsQuery, all, reload } = useProjectRuns();
  const { wanted, setWanted, onDone } = useShownRun(reload, 'marketing');
  const runs = useMemo(() => runsOf(all, 'marketing-response'), [all]);
  const segRuns = useMemo(() => segmentationRuns(all), [all]);
  const selected = pickRun(runs, wanted);
  const shown = runs.find((r) => r.id === selected);
  const summary = (shown?.summary ?? null) as MarketingSummary | null;
  if (project === null) return <NoProject />;
  return (
    <div className="page page-marketing" data-testid="page-marketing" data-selected-run={selected ?? ''}>
      <MarketingForm project={project} segmentRuns={segRuns} channels={(runs[0]?.summary as MarketingSummary | null)?.channels ?? []} onDone={onDone} />
      <Card title={t('marketing.runs')} testId="marketing-runs" attrs={{ 'data-runs': String(runs.length) }}>
        {runsQuery.status === 'error' && <ErrorMessage error={runsQuery.error} />}
        {runsQuery.status === 'loading' && all.length === 0 && <Loading />}
        {runsQuery.status === 'ok' && runs.length === 0 && <p className="muted" data-testid="marketing-no-runs">{t('marketing.noRuns')}</p>}
        {runs.length > 0 && (
          <label className="field run-picker">
            <span className="field-label">{t('marketing.pick')}</span>
            <select className="input" data-testid="marketing-run-picker" value={selected ?? ''} onChange={(e) => setWanted(Number(e.target.value))}>
              {runs.map((r) => {
                const s = r.summary as MarketingSummary | null;
                return (
                  <option key={r.id} value={r.id}>
                    {[`#${r.id}`, s ? t('marketing.nCustomers', { n: fmt.int(s.customers) }) : null, s?.segmentRun ? t('marketing.ofRun', { id: s.segmentRun }) : null, fmt.dateTime(r.startedAt)].filter(Boolean).join(' · ')}
                  </option>
                );
              })}
            </select>
          </label>
        )}
      </Card>
      {selected !== null && summary && <MarketingView key={selected} project={project} runId={selected} summary={summary} />}
    </div>
  );
}

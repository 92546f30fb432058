import { useMemo } from 'react';
import type { ForecastRunSummary } from '../../../../core/model/forecast-run.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { NoProject } from '../../components/NoProject.js';
import { useProjectRuns, useShownRun } from '../../hooks/useProjectRuns.js';
import { useI18n } from '../../i18n/context.js';
import { pickRun, runsOf, segmentationRuns } from '../../lib/runs.js';
import { ForecastForm } from './ForecastForm.js';
import { ForecastView } from './ForecastView.js';

/** Forecast: forecast sales (parameters, run, cancel), pick a run, explore each series' forecasts, backtest, components and holidays. */
export function ForecastPage() {
  const { t, fmt } = useI18n();
  const { project, query: runsQuery, all, reload } = useProjectRuns();
  const { wanted, setWanted, onDone } = useShownRun(reload, 'forecast');
  const runs = useMemo(() => runsOf(all, 'forecast'), [all]);
  const segRuns = useMemo(() => segmentationRuns(all), [all]);
  const selected = pickRun(runs, wanted);
  const summary = runs.find((r) => r.id === selected)?.summary as ForecastRunSummary | undefined;
  if (project === null) return <NoProject />;
  return (
    <div className="page page-forecast" data-testid="page-forecast" data-selected-run={selected ?? ''}>
      <ForecastForm project={project} segmentRuns={segRuns} onDone={onDone} />
      <Card title={t('forecast.runs')} testId="forecast-runs" attrs={{ 'data-runs': String(runs.length) }}>
        {runsQuery.status === 'error' && <ErrorMessage error={runsQuery.error} />}
        {runsQuery.status === 'loading' && all.length === 0 && <Loading />}
        {runsQuery.status === 'ok' && runs.length === 0 && <p className="muted" data-testid="forecast-no-runs">{t('forecast.noRuns')}</p>}
        {runs.length > 0 && (
          <label className="field run-picker">
            <span className="field-label">{t('forecast.pick')}</span>
            <select className="input" data-testid="forecast-run-picker" value={selected ?? ''} onChange={(e) => setWanted(Number(e.target.value))}>
              {runs.map((r) => {
                const s = r.summary as ForecastRunSummary | null;
                return (
                  <option key={r.id} value={r.id}>
                    {[`#${r.id}`, s ? `${s.measure} · ${s.grain} · ${s.by}` : null, s ? t('forecast.nSeries', { n: fmt.int(s.series.length) }) : null, fmt.dateTime(r.startedAt)].filter(Boolean).join(' · ')}
                  </option>
                );
              })}
            </select>
          </label>
        )}
      </Card>
      {selected !== null && summary && <ForecastView key={selected} project={project} runId={selected} summary={summary} />}
    </div>
  );
}

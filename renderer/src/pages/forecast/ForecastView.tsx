import { useMemo, useState } from 'react';
import type { ForecastRefit, ForecastRunSummary } from '../../../../core/model/forecast-run.js';
import type { ApiError } from '../../../../core/model/result.js';
import { safeCall } from '../../api/call.js';
import { useApi } from '../../api/context.js';
import { ChartCard } from '../../charts/ChartCard.js';
import { downloadBlob } from '../../charts/export.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { StatRow } from '../../components/StatRow.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { noteIn } from '../../lib/notes.js';
import { useI18n } from '../../i18n/context.js';
import { BacktestTable } from './BacktestTable.js';
import { HolidayEditor } from './HolidayEditor.js';
import { componentsOption, forecastOption, TIME_LABELS } from './options.js';
import { seriesName } from './series-name.js';
import { verdictIn } from './verdict.js';
import { ReportButton } from '../../report/ReportButton.js';

/** One forecast run: the series list with each chosen model, then the picked series' chart, backtest, components and holidays. */
export function ForecastView({ project, runId, summary }: { project: string; runId: number; summary: ForecastRunSummary }) {
  const api = useApi();
  const { t, fmt, lang } = useI18n();
  const [key, setKey] = useState<string>(summary.series[0]?.key ?? 'total');
  const [refit, setRefit] = useState<ForecastRefit | null>(null);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const query = useApiQuery(`${project}\u0000${runId}\u0000${key}`, () => api.getForecast({ project, runId, series: key }));
  const view = 'value' in query ? query.value : undefined;
  // After a holiday edit, the refit Prophet replaces the stored one in the charts (not stored).
  const models = useMemo(() => (view ? view.result.models.map((m) => (refit && refit.key === view.key && m.model === 'prophet' ? refit.model : m)) : []), [view, refit]);
  const money = summary.measure === 'amount';
  const time = TIME_LABELS[lang];
  const labels = useMemo(() => ({ actual: t('forecast.actual'), band: (m: string, l: 80 | 95) => `${m} ${l}%`, time, ...(money ? { value: { axis: fmt.moneyCompact, tooltip: fmt.money } } : {}) }), [t, fmt, money, time]);
  const chart = useMemo(() => (view ? forecastOption(view, models, labels) : null), [view, models, labels]);
  const prophet = models.find((m) => m.model === 'prophet');
  const components = useMemo(
    () => (view && prophet ? componentsOption(view, prophet, { trend: t('forecast.comp.trend'), weekly: t('forecast.comp.weekly'), yearly: t('forecast.comp.yearly'), holidays: t('forecast.comp.holidays') }, time) : null),
    [view, prophet, t],
  );

  const save = async () => {
    setExportError(null);
    const result = await safeCall(() => api.exportCsv({ project, run: runId, lang, what: 'forecast' }));
    if (!result.ok) return setExportError(result.error);
    downloadBlob(new Blob([result.value.csv], { type: 'text/csv;charset=utf-8' }), result.value.filename);
  };

  const line = summary.series.find((s) => s.key === key);
  // The chart says when its bands were clipped (core/analysis/forecast/intervals.ts).
  const clipNote = (at: number | undefined, hint: string) =>
    at === undefined ? hint : `${hint} ${at === 0 ? t('forecast.chart.clipped') : t('forecast.chart.clippedAt', { value: money ? fmt.moneyCompact(at) : fmt.compact(at) })}`;
  return (
    <div className="forecast-run" data-testid="forecast-view" data-run-id={runId} data-series={key} data-loading={query.status === 'loading' ? 'true' : 'false'}>
      <Card title={t('forecast.runTitle', { id: runId })} actions={<ReportButton runs={[runId]} />}>
        <StatRow
          testId="forecast-kpis"
          items={[
            { label: t('forecast.kpi.series'), value: fmt.int(summary.series.length) },
            { label: t('forecast.kpi.history'), value: `${summary.from} – ${summary.to}`, note: t(`forecast.grain.${summary.grain}`) },
            { label: t('forecast.kpi.horizon'), value: fmt.int(summary.horizonPeriods), note: t(`forecast.grain.${summary.grain}`) },
            { label: t('forecast.kpi.seconds'), value: fmt.dec(summary.seconds, 1) },
          ]}
        />
        {summary.notes.map((n) => <p key={n} className="muted small" data-testid="forecast-note">{noteIn(n, lang)}</p>)}
        <table className="table compact" data-testid="forecast-series">
          <thead>
            <tr><th>{t('forecast.col.series')}</th><th>{t('forecast.col.chosen')}</th><th>{t('forecast.col.verdict')}</th><th /></tr>
          </thead>
          <tbody>
            {summary.series.map((s) => (
              <tr key={s.key} data-series={s.key} data-chosen={s.chosen} data-beats={s.beatsSnaive ? 'true' : 'false'} className={s.key === key ? 'selected' : undefined}>
                <th title={s.key}>{seriesName(t, s)}</th>
                <td>{s.chosen}</td>
                <td className="small">{verdictIn(s, lang)}</td>
                <td><button type="button" className="btn btn-small" data-testid={`forecast-show-${s.key}`} disabled={s.key === key} onClick={() => setKey(s.key)}>{t('forecast.show')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="export-buttons">
          <button type="button" className="btn btn-small" data-testid="export-forecast" onClick={() => void save()}>{t('forecast.export')}</button>
          {exportError && <ErrorMessage error={exportError} testId="export-error" />}
        </div>
      </Card>
      {query.status === 'error' && !view && <ErrorMessage error={query.error} />}
      {!view && query.status !== 'error' && <Loading />}
      {view && (
        <>
          <ChartCard panelId="forecast-chart" title={t('forecast.chart', { name: seriesName(t, view) })} subtitle={clipNote(view.result.clippedAt, t('forecast.chart.hint'))} option={chart} height={420} wide />
          <Card title={t('forecast.backtest')} testId="forecast-backtest-card">
            {line && <p className="small" data-testid="forecast-verdict">{verdictIn(line, lang)}</p>}
            <BacktestTable result={view.result} money={money} />
            {view.result.notes.map((n) => <p key={n} className="muted small">{noteIn(n, lang)}</p>)}
          </Card>
          <ChartCard panelId="forecast-components" title={t('forecast.components')} subtitle={prophet ? prophet.spec : undefined} option={components} reason={t('forecast.components.none')} height={440} wide />
          <HolidayEditor project={project} runId={runId} seriesKey={view.key} hasProphet={prophet !== undefined} onRefit={setRefit} refit={refit} />
        </>
      )}
    </div>
  );
}

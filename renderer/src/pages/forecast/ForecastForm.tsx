import { useState } from 'react';
import { FORECAST_BY, FORECAST_GRAINS, FORECAST_MEASURES, FORECAST_MODELS, type ForecastModelId } from '../../../../core/model/forecast.js';
import type { RunRecord } from '../../../../core/model/jobs.js';
import { Card } from '../../components/Card.js';
import { JobStatus } from '../../components/JobStatus.js';
import { useJobRunner } from '../../hooks/useJobRunner.js';
import { useI18n } from '../../i18n/context.js';
import { useParamText } from '../../hooks/useParamText.js';

const KIND = 'forecast';

interface Props {
  project: string;
  segmentRuns: RunRecord[];
  onDone(runId: number): void;
}

/** The forecast's parameters (run, measure, grain, models, horizon, folds), each with its help, and Run with progress and Cancel. */
export function ForecastForm({ project, segmentRuns, onDone }: Props) {
  const { t, fmt } = useI18n();
  const pt = useParamText('forecast');
  const [by, setBy] = useState<string>('total');
  const [segRun, setSegRun] = useState('');
  const [measure, setMeasure] = useState<string>('amount');
  const [grain, setGrain] = useState<string>('day');
  const [horizon, setHorizon] = useState('60');
  const [folds, setFolds] = useState('3');
  const [models, setModels] = useState<ForecastModelId[]>([...FORECAST_MODELS]);
  const { job, running, startError, status, start } = useJobRunner(project, (kind) => kind === KIND, onDone);
  const h = Number(horizon), f = Number(folds);
  const bad = [
    ...(Number.isInteger(h) && h >= 7 && h <= 730 ? [] : ['horizon']),
    ...(Number.isInteger(f) && f >= 0 && f <= 10 ? [] : ['folds']),
    ...(by === 'segment' && segRun === '' ? ['segmentRun'] : []),
    ...(models.length === 0 ? ['models'] : []),
  ];
  const run = () => {
    const params: Record<string, unknown> = { by, measure, grain, horizon: h, folds: f, models: models.join(',') };
    if (by === 'segment') params.segmentRun = Number(segRun);
    return start(KIND, params);
  };
  const toggle = (m: ForecastModelId) => setModels((cur) => (cur.includes(m) ? cur.filter((x) => x !== m) : FORECAST_MODELS.filter((x) => x === m || cur.includes(x))));

  return (
    <Card title={t('forecast.form')} testId="forecast-form" attrs={{ 'data-job-status': status }}>
      <p className="muted small">{t('forecast.about')}</p>
      <div className="rec-form-row" data-testid="forecast-params">
        <label className="field">
          <span className="field-label" title={pt.title('by')}>{pt.label('by')}</span>
          <select className="input" data-testid="forecast-by" value={by} disabled={running} onChange={(e) => setBy(e.target.value)}>
            {FORECAST_BY.map((b) => <option key={b} value={b}>{t(`forecast.by.${b}`)}</option>)}
          </select>
          <span className="param-help">{t('forecast.help.by')}</span>
        </label>
        {by === 'segment' && (
          <label className="field">
            <span className="field-label" title={pt.title('segmentRun')}>{pt.label('segmentRun')}</span>
            <select className="input" data-testid="forecast-segmentRun" value={segRun} disabled={running} aria-invalid={bad.includes('segmentRun') || undefined} onChange={(e) => setSegRun(e.target.value)}>
              <option value="">{t('forecast.pickSegmentRun')}</option>
              {segmentRuns.map((r) => <option key={r.id} value={r.id}>{`#${r.id} · ${r.analysis} · ${fmt.dateTime(r.startedAt)}`}</option>)}
            </select>
            <span className="param-help">{t('forecast.help.segmentRun')}</span>
          </label>
        )}
        <label className="field">
          <span className="field-label" title={pt.title('measure')}>{pt.label('measure')}</span>
          <select className="input" data-testid="forecast-measure" value={measure} disabled={running} onChange={(e) => setMeasure(e.target.value)}>
            {FORECAST_MEASURES.map((m) => <option key={m} value={m}>{t(`forecast.measure.${m}`)}</option>)}
          </select>
          <span className="param-help">{t('forecast.help.measure')}</span>
        </label>
        <label className="field">
          <span className="field-label" title={pt.title('grain')}>{pt.label('grain')}</span>
          <select className="input" data-testid="forecast-grain" value={grain} disabled={running} onChange={(e) => setGrain(e.target.value)}>
            {FORECAST_GRAINS.map((g) => <option key={g} value={g}>{t(`forecast.grain.${g}`)}</option>)}
          </select>
          <span className="param-help">{t('forecast.help.grain')}</span>
        </label>
        <label className="field">
          <span className="field-label" title={pt.title('horizon')}>{pt.label('horizon')}</span>
          <input className="input" data-testid="forecast-horizon" inputMode="numeric" value={horizon} disabled={running} aria-invalid={bad.includes('horizon') || undefined} onChange={(e) => setHorizon(e.target.value)} />
          <span className="param-help">{t('forecast.help.horizon')}</span>
        </label>
        <label className="field">
          <span className="field-label" title={pt.title('folds')}>{pt.label('folds')}</span>
          <input className="input" data-testid="forecast-folds" inputMode="numeric" value={folds} disabled={running} aria-invalid={bad.includes('folds') || undefined} onChange={(e) => setFolds(e.target.value)} />
          <span className="param-help">{t('forecast.help.folds')}</span>
        </label>
        <fieldset className="field" data-testid="forecast-models">
          <span className="field-label" title={pt.title('models')}>{pt.label('models')}</span>
          <div className="checks">
            {FORECAST_MODELS.map((m) => (
              <label key={m} className="checkbox">
                <input type="checkbox" data-testid={`forecast-model-${m}`} checked={models.includes(m)} disabled={running} onChange={() => toggle(m)} />
                <span>{m}</span>
              </label>
            ))}
          </div>
          <span className="param-help">{t('forecast.help.models')}</span>
        </fieldset>
      </div>
      <div className="actions">
        <button type="button" className="btn btn-primary" data-testid="forecast-run" disabled={running || bad.length > 0} onClick={() => void run()}>
          {t('forecast.run')}
        </button>
      </div>
      <JobStatus job={job} startError={startError} testId="forecast" />
    </Card>
  );
}

import { useState } from 'react';
import { CLV_TIME_UNITS } from '../../../../core/model/value.js';
import { Card } from '../../components/Card.js';
import { JobStatus } from '../../components/JobStatus.js';
import { useJobRunner } from '../../hooks/useJobRunner.js';
import { useI18n } from '../../i18n/context.js';
import { useParamText } from '../../hooks/useParamText.js';

const KIND = 'clv';

/** The clv analysis' parameters, each with its one-line help, and Run with progress and Cancel. */
export function ValueForm({ project, onDone }: { project: string; onDone(runId: number): void }) {
  const { t } = useI18n();
  const pt = useParamText('clv');
  const [calibrationEnd, setCalibrationEnd] = useState('');
  const [horizonDays, setHorizonDays] = useState('365');
  const [timeUnit, setTimeUnit] = useState<string>('week');
  const [monthlyDiscount, setMonthlyDiscount] = useState('0.01');
  const { job, running, startError, status, start } = useJobRunner(project, (kind) => kind === KIND, onDone);
  const h = Number(horizonDays), d = Number(monthlyDiscount);
  const bad = {
    calibrationEnd: calibrationEnd !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(calibrationEnd),
    horizonDays: horizonDays.trim() === '' || !(h >= 1 && h <= 36_525),
    monthlyDiscount: monthlyDiscount.trim() === '' || !(d >= 0 && d <= 1),
  };
  const run = () => start(KIND, { ...(calibrationEnd ? { calibrationEnd } : {}), horizonDays: h, timeUnit, monthlyDiscount: d });
  return (
    <Card title={t('value.form')} testId="value-form" attrs={{ 'data-job-status': status }}>
      <p className="muted small">{t('value.about')}</p>
      <div className="rec-form-row" data-testid="value-params">
        <label className="field">
          <span className="field-label" title={pt.title('calibrationEnd')}>{pt.label('calibrationEnd')}</span>
          <input className="input" type="date" data-testid="value-calibrationEnd" value={calibrationEnd} disabled={running} aria-invalid={bad.calibrationEnd || undefined} onChange={(e) => setCalibrationEnd(e.target.value)} />
          <span className="param-help">{t('value.help.calibrationEnd')}</span>
        </label>
        <label className="field">
          <span className="field-label" title={pt.title('horizonDays')}>{pt.label('horizonDays')}</span>
          <input className="input" data-testid="value-horizonDays" inputMode="decimal" value={horizonDays} disabled={running} aria-invalid={bad.horizonDays || undefined} onChange={(e) => setHorizonDays(e.target.value)} />
          <span className="param-help">{t('value.help.horizonDays')}</span>
        </label>
        <label className="field">
          <span className="field-label" title={pt.title('timeUnit')}>{pt.label('timeUnit')}</span>
          <select className="input" data-testid="value-timeUnit" value={timeUnit} disabled={running} onChange={(e) => setTimeUnit(e.target.value)}>
            {CLV_TIME_UNITS.map((u) => <option key={u} value={u}>{t(`value.unit.${u}`)}</option>)}
          </select>
          <span className="param-help">{t('value.help.timeUnit')}</span>
        </label>
        <label className="field">
          <span className="field-label" title={pt.title('monthlyDiscount')}>{pt.label('monthlyDiscount')}</span>
          <input className="input" data-testid="value-monthlyDiscount" inputMode="decimal" value={monthlyDiscount} disabled={running} aria-invalid={bad.monthlyDiscount || undefined} onChange={(e) => setMonthlyDiscount(e.target.value)} />
          <span className="param-help">{t('value.help.monthlyDiscount')}</span>
        </label>
      </div>
      <div className="actions">
        <button type="button" className="btn btn-primary" data-testid="value-run" disabled={running || Object.values(bad).some(Boolean)} onClick={() => void run()}>
          {t('value.run')}
        </button>
      </div>
      <JobStatus job={job} startError={startError} testId="value" />
    </Card>
  );
}

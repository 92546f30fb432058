import { useState } from 'react';
import { COUPON_METHODS } from '../../../../core/model/coupons.js';
import type { RunRecord } from '../../../../core/model/jobs.js';
import { Card } from '../../components/Card.js';
import { JobStatus } from '../../components/JobStatus.js';
import { useJobRunner } from '../../hooks/useJobRunner.js';
import { useI18n } from '../../i18n/context.js';
import { useParamText } from '../../hooks/useParamText.js';

const KIND = 'coupon-sensitivity';
const NUMBERS = [
  { name: 'k', def: '2', min: 2, max: 20 },
  { name: 'minOffers', def: '3', min: 1, max: 1e6 },
] as const;

interface Props {
  project: string;
  segmentRuns: RunRecord[];
  onDone(runId: number): void;
}

/** The coupon analysis' parameters (k, method, minOffers, segment run), each with its help, and Run with progress and Cancel. */
export function CouponsForm({ project, segmentRuns, onDone }: Props) {
  const { t, fmt } = useI18n();
  const pt = useParamText('coupon-sensitivity');
  const [method, setMethod] = useState<string>('kmeans');
  const [numbers, setNumbers] = useState<Record<string, string>>(Object.fromEntries(NUMBERS.map((n) => [n.name, n.def])));
  const [segRun, setSegRun] = useState('');
  const { job, running, startError, status, start } = useJobRunner(project, (kind) => kind === KIND, onDone);
  const bad = NUMBERS.filter((n) => {
    const v = Number(numbers[n.name]);
    return numbers[n.name].trim() === '' || !Number.isInteger(v) || v < n.min || v > n.max;
  }).map((n) => n.name);

  const run = () => {
    const params: Record<string, unknown> = { method };
    for (const n of NUMBERS) params[n.name] = Number(numbers[n.name]);
    if (segRun !== '') params.segmentRun = Number(segRun);
    return start(KIND, params);
  };

  return (
    <Card title={t('coupons.form')} testId="coupons-form" attrs={{ 'data-job-status': status }}>
      <p className="muted small">{t('coupons.about')}</p>
      <div className="rec-form-row" data-testid="coupons-params">
        {NUMBERS.map((n) => (
          <label className="field" key={n.name} data-param={n.name}>
            <span className="field-label" title={pt.title(n.name)}>{pt.label(n.name)}</span>
            <input className="input" data-testid={`coupons-${n.name}`} inputMode="numeric" value={numbers[n.name]} disabled={running} aria-invalid={bad.includes(n.name) || undefined} onChange={(e) => setNumbers({ ...numbers, [n.name]: e.target.value })} />
            <span className="param-help">{t(`coupons.help.${n.name}`)}</span>
          </label>
        ))}
        <label className="field">
          <span className="field-label" title={pt.title('method')}>{pt.label('method')}</span>
          <select className="input" data-testid="coupons-method" value={method} disabled={running} onChange={(e) => setMethod(e.target.value)}>
            {COUPON_METHODS.map((m) => <option key={m} value={m}>{t(`coupons.method.${m}`)}</option>)}
          </select>
          <span className="param-help">{t('coupons.help.method')}</span>
        </label>
        <label className="field">
          <span className="field-label" title={pt.title('segmentRun')}>{pt.label('segmentRun')}</span>
          <select className="input" data-testid="coupons-segmentRun" value={segRun} disabled={running} onChange={(e) => setSegRun(e.target.value)}>
            <option value="">{t('coupons.noSegments')}</option>
            {segmentRuns.map((r) => <option key={r.id} value={r.id}>{`#${r.id} · ${r.analysis} · ${fmt.dateTime(r.startedAt)}`}</option>)}
          </select>
          <span className="param-help">{t('coupons.help.segmentRun')}</span>
        </label>
      </div>
      <div className="actions">
        <button type="button" className="btn btn-primary" data-testid="coupons-run" disabled={running || bad.length > 0} onClick={() => void run()}>
          {t('coupons.run')}
        </button>
      </div>
      <JobStatus job={job} startError={startError} testId="coupons" />
    </Card>
  );
}

import { useState } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import { SPEND_MODEL_FAMILIES, type SpendModelFamily } from '../../../../core/model/spend.js';
import { Card } from '../../components/Card.js';
import { JobStatus } from '../../components/JobStatus.js';
import { useJobRunner } from '../../hooks/useJobRunner.js';
import { useParamText } from '../../hooks/useParamText.js';
import { useI18n } from '../../i18n/context.js';
import { useProject } from '../../state/project.js';
import { tabnetSeconds } from './spend-estimate.js';

const KIND = 'spend-model';

/**
 * The spend-model analysis' parameters (validDays, testDays, trainDays, the model families), each
 * with its help, and Run with progress and Cancel. TabNet-style is off until ticked, with its
 * expected time beside it (spend-estimate.ts): it is the slow one.
 */
export function SpendForm({ project, runs, onDone }: { project: string; runs: readonly RunRecord[]; onDone(runId: number): void }) {
  const { t, fmt } = useI18n();
  const { info } = useProject();
  const text = useParamText(KIND);
  const [validDays, setValidDays] = useState('10');
  const [testDays, setTestDays] = useState('5');
  const [trainDays, setTrainDays] = useState('30');
  const [models, setModels] = useState<ReadonlySet<SpendModelFamily>>(new Set(['baseline', 'gbdt']));
  const { job, running, startError, status, start } = useJobRunner(project, (kind) => kind === KIND, onDone);
  const v = Number(validDays), te = Number(testDays), tr = Number(trainDays);
  const days = (x: number, text: string) => text.trim() === '' || !Number.isInteger(x) || x < 1 || x > 3660;
  const bad = { validDays: days(v, validDays), testDays: days(te, testDays), trainDays: days(tr, trainDays), models: models.size === 0 };
  const estimate = bad.validDays || bad.testDays || bad.trainDays ? null : tabnetSeconds(info, { trainDays: tr, validDays: v, testDays: te }, runs);
  const toggle = (m: SpendModelFamily, on: boolean) => setModels((s) => {
    const next = new Set(s);
    if (on) next.add(m);
    else next.delete(m);
    return next;
  });
  const run = () => start(KIND, { validDays: v, testDays: te, trainDays: tr, models: SPEND_MODEL_FAMILIES.filter((m) => models.has(m)).join(',') });
  const field = (name: 'validDays' | 'testDays' | 'trainDays', value: string, set: (x: string) => void) => (
    <label className="field">
      <span className="field-label" data-testid={`param-label-${name}`} title={text.title(name)}>{text.label(name)}</span>
      <input className="input" data-testid={`spend-${name}`} inputMode="numeric" value={value} disabled={running} aria-invalid={bad[name] || undefined} onChange={(e) => set(e.target.value)} />
      <span className="param-help">{t(`value.spend.help.${name}`)}</span>
    </label>
  );
  return (
    <Card title={t('value.spend.form')} testId="spend-form" attrs={{ 'data-job-status': status }}>
      <p className="muted small">{t('value.spend.about')}</p>
      <div className="rec-form-row" data-testid="spend-params">
        {field('validDays', validDays, setValidDays)}
        {field('testDays', testDays, setTestDays)}
        {field('trainDays', trainDays, setTrainDays)}
        <fieldset className="field spend-models" data-testid="spend-models" aria-invalid={bad.models || undefined}>
          <legend className="field-label" title={text.title('models')}>{text.label('models')}</legend>
          {SPEND_MODEL_FAMILIES.map((m) => (
            <label key={m} className="rec-check">
              <input type="checkbox" data-testid={`spend-model-${m}`} checked={models.has(m)} disabled={running} onChange={(e) => toggle(m, e.target.checked)} />
              {t(`value.spend.family.${m}`)}
            </label>
          ))}
          <span className="param-help" data-testid="spend-tabnet-time">
            {estimate === null
              ? t('value.spend.tabnetTime.unknown')
              : t(estimate.from === 'run' ? 'value.spend.tabnetTime.run' : 'value.spend.tabnetTime.measured', { minutes: fmt.dec(Math.max(0.1, estimate.seconds / 60), 1), lines: fmt.int(estimate.lines), run: estimate.runId ?? '' })}
          </span>
          <span className="param-help">{t('value.spend.help.models')}</span>
        </fieldset>
      </div>
      <div className="actions">
        <button type="button" className="btn btn-primary" data-testid="spend-run" disabled={running || Object.values(bad).some(Boolean)} onClick={() => void run()}>
          {t('value.spend.run')}
        </button>
      </div>
      <JobStatus job={job} startError={startError} testId="spend" />
    </Card>
  );
}

import { useState } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import { RULE_BASKETS, RULE_LEVELS } from '../../../../core/model/rules.js';
import { Card } from '../../components/Card.js';
import { JobStatus } from '../../components/JobStatus.js';
import { useJobRunner } from '../../hooks/useJobRunner.js';
import { useI18n } from '../../i18n/context.js';
import { useParamText } from '../../hooks/useParamText.js';

const KIND = 'rules';
const NUMBERS = [
  { name: 'minSupport', def: '0.01', min: 0, max: 1 },
  { name: 'minConfidence', def: '0', min: 0, max: 1 },
  { name: 'minLift', def: '0', min: 0, max: 1e9 },
  { name: 'maxLength', def: '4', min: 1, max: 16, integer: true },
  { name: 'excludeTop', def: '0', min: 0, max: 1e6, integer: true },
  { name: 'maxItemSupport', def: '1', min: 0, max: 1 },
] as const;

interface Props {
  project: string;
  segmentRuns: RunRecord[];
  onDone(runId: number): void;
}

/** The rules analysis' parameters, each with its one-line help, and Run with progress and Cancel. */
export function RulesForm({ project, segmentRuns, onDone }: Props) {
  const { t, fmt } = useI18n();
  const pt = useParamText('rules');
  const [basket, setBasket] = useState<string>('receipt');
  const [level, setLevel] = useState<string>('category');
  const [numbers, setNumbers] = useState<Record<string, string>>(Object.fromEntries(NUMBERS.map((n) => [n.name, n.def])));
  const [segRun, setSegRun] = useState('');
  const [segment, setSegment] = useState('each');
  const { job, running, startError, status, start } = useJobRunner(project, (kind) => kind === KIND, onDone);
  const bad = NUMBERS.filter((n) => {
    const v = Number(numbers[n.name]);
    return numbers[n.name].trim() === '' || !Number.isFinite(v) || v < n.min || v > n.max || ('integer' in n && !Number.isInteger(v)) || ((n.name === 'minSupport' || n.name === 'maxItemSupport') && v <= 0);
  }).map((n) => n.name);
  const segList = (segmentRuns.find((r) => String(r.id) === segRun)?.summary as { segmentList?: { id: number; name: string }[] } | undefined)?.segmentList ?? [];

  const run = () => {
    const params: Record<string, unknown> = { basket, level };
    for (const n of NUMBERS) params[n.name] = Number(numbers[n.name]);
    if (segRun !== '') {
      params.segmentRun = Number(segRun);
      params.segment = segment;
    }
    return start(KIND, params);
  };

  return (
    <Card title={t('rules.form')} testId="rules-form" attrs={{ 'data-job-status': status }}>
      <p className="muted small">{t('rules.about')}</p>
      <div className="rec-form-row" data-testid="rules-params">
        <label className="field">
          <span className="field-label" title={pt.title('basket')}>{pt.label('basket')}</span>
          <select className="input" data-testid="rules-basket" value={basket} disabled={running} onChange={(e) => setBasket(e.target.value)}>
            {RULE_BASKETS.map((b) => <option key={b} value={b}>{t(`rules.basket.${b}`)}</option>)}
          </select>
          <span className="param-help">{t('rules.help.basket')}</span>
        </label>
        <label className="field">
          <span className="field-label" title={pt.title('level')}>{pt.label('level')}</span>
          <select className="input" data-testid="rules-level" value={level} disabled={running} onChange={(e) => setLevel(e.target.value)}>
            {RULE_LEVELS.map((l) => <option key={l} value={l}>{t(`rules.level.${l}`)}</option>)}
          </select>
          <span className="param-help">{t('rules.help.level')}</span>
        </label>
        {NUMBERS.map((n) => (
          <label className="field" key={n.name} data-param={n.name}>
            <span className="field-label" title={pt.title(n.name)}>{pt.label(n.name)}</span>
            <input className="input" data-testid={`rules-${n.name}`} inputMode="decimal" value={numbers[n.name]} disabled={running} aria-invalid={bad.includes(n.name) || undefined} onChange={(e) => setNumbers({ ...numbers, [n.name]: e.target.value })} />
            <span className="param-help">{t(`rules.help.${n.name}`)}</span>
          </label>
        ))}
        <label className="field">
          <span className="field-label" title={pt.title('segmentRun')}>{pt.label('segmentRun')}</span>
          <select className="input" data-testid="rules-segmentRun" value={segRun} disabled={running} onChange={(e) => setSegRun(e.target.value)}>
            <option value="">{t('rules.noSegments')}</option>
            {segmentRuns.map((r) => <option key={r.id} value={r.id}>{`#${r.id} · ${r.analysis} · ${fmt.dateTime(r.startedAt)}`}</option>)}
          </select>
          <span className="param-help">{t('rules.help.segmentRun')}</span>
        </label>
        {segRun !== '' && (
          <label className="field">
            <span className="field-label" title={pt.title('segment')}>{pt.label('segment')}</span>
            <select className="input" data-testid="rules-segment" value={segment} disabled={running} onChange={(e) => setSegment(e.target.value)}>
              <option value="each">{t('rules.segment.each')}</option>
              {segList.map((s) => <option key={s.id} value={String(s.id)}>{s.name}</option>)}
            </select>
            <span className="param-help">{t('rules.help.segment')}</span>
          </label>
        )}
      </div>
      <div className="actions">
        <button type="button" className="btn btn-primary" data-testid="rules-run" disabled={running || bad.length > 0} onClick={() => void run()}>
          {t('rules.run')}
        </button>
      </div>
      <JobStatus job={job} startError={startError} testId="rules" />
    </Card>
  );
}

import { useState } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import { Card } from '../../components/Card.js';
import { JobStatus } from '../../components/JobStatus.js';
import { useJobRunner } from '../../hooks/useJobRunner.js';
import { useI18n } from '../../i18n/context.js';
import { useParamText } from '../../hooks/useParamText.js';

const KIND = 'marketing-response';

interface Props {
  project: string;
  segmentRuns: RunRecord[];
  /** Channel names seen in the last run (for the channel pickers); empty before any run. */
  channels: string[];
  onDone(runId: number): void;
}

/** The marketing-response parameters (segment run, channels, tier bounds, lags), and Run with progress and Cancel. */
export function MarketingForm({ project, segmentRuns, channels, onDone }: Props) {
  const { t, fmt } = useI18n();
  const pt = useParamText('marketing-response');
  const [segRun, setSegRun] = useState('');
  const [online, setOnline] = useState('');
  const [offline, setOffline] = useState('');
  const [low, setLow] = useState('');
  const [high, setHigh] = useState('');
  const [maxLag, setMaxLag] = useState('7');
  const { job, running, startError, status, start } = useJobRunner(project, (kind) => kind === KIND, onDone);
  const lag = Number(maxLag);
  const lagBad = maxLag.trim() === '' || !Number.isInteger(lag) || lag < 0 || lag > 28;
  const bounds = low.trim() !== '' || high.trim() !== '';
  const boundsBad = bounds && !(low.trim() !== '' && high.trim() !== '' && Number.isFinite(Number(low)) && Number.isFinite(Number(high)) && Number(low) <= Number(high));

  const run = () => {
    const params: Record<string, unknown> = { maxLag: lag };
    if (segRun !== '') params.segmentRun = Number(segRun);
    if (online !== '') params.onlineChannel = online;
    if (offline !== '') params.offlineChannel = offline;
    if (bounds) params.offlineTierBounds = [Number(low), Number(high)];
    return start(KIND, params);
  };
  const channelField = (name: 'onlineChannel' | 'offlineChannel', value: string, set: (v: string) => void) => (
    <label className="field">
      <span className="field-label" title={pt.title(name)}>{pt.label(name)}</span>
      <select className="input" data-testid={`marketing-${name}`} value={value} disabled={running} onChange={(e) => set(e.target.value)}>
        <option value="">{t('marketing.channel.auto')}</option>
        {channels.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
      <span className="param-help">{t(`marketing.help.${name}`)}</span>
    </label>
  );

  return (
    <Card title={t('marketing.form')} testId="marketing-form" attrs={{ 'data-job-status': status }}>
      <p className="muted small">{t('marketing.about')}</p>
      <div className="rec-form-row" data-testid="marketing-params">
        <label className="field">
          <span className="field-label" title={pt.title('segmentRun')}>{pt.label('segmentRun')}</span>
          <select className="input" data-testid="marketing-segmentRun" value={segRun} disabled={running} onChange={(e) => setSegRun(e.target.value)}>
            <option value="">{t('marketing.noSegments')}</option>
            {segmentRuns.map((r) => <option key={r.id} value={r.id}>{`#${r.id} · ${r.analysis} · ${fmt.dateTime(r.startedAt)}`}</option>)}
          </select>
          <span className="param-help">{t('marketing.help.segmentRun')}</span>
        </label>
        {channelField('onlineChannel', online, setOnline)}
        {channelField('offlineChannel', offline, setOffline)}
        <label className="field">
          <span className="field-label">{t('marketing.bounds.low')}</span>
          <input className="input" data-testid="marketing-bound-low" inputMode="decimal" value={low} placeholder={t('marketing.bounds.auto')} disabled={running} aria-invalid={boundsBad || undefined} onChange={(e) => setLow(e.target.value)} />
          <span className="param-help">{t('marketing.help.bounds')}</span>
        </label>
        <label className="field">
          <span className="field-label">{t('marketing.bounds.high')}</span>
          <input className="input" data-testid="marketing-bound-high" inputMode="decimal" value={high} placeholder={t('marketing.bounds.auto')} disabled={running} aria-invalid={boundsBad || undefined} onChange={(e) => setHigh(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label" title={pt.title('maxLag')}>{pt.label('maxLag')}</span>
          <input className="input" data-testid="marketing-maxLag" inputMode="numeric" value={maxLag} disabled={running} aria-invalid={lagBad || undefined} onChange={(e) => setMaxLag(e.target.value)} />
          <span className="param-help">{t('marketing.help.maxLag')}</span>
        </label>
      </div>
      <div className="actions">
        <button type="button" className="btn btn-primary" data-testid="marketing-run" disabled={running || lagBad || boundsBad} onClick={() => void run()}>
          {t('marketing.run')}
        </button>
      </div>
      <JobStatus job={job} startError={startError} testId="marketing" />
    </Card>
  );
}

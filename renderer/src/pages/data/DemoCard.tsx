import { useId, useState } from 'react';
import type { ApiError } from '../../../../core/model/result.js';
import { asErrorCode } from '../../api/call.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useI18n } from '../../i18n/context.js';
import { useJobs } from '../../state/jobs.js';
import { useProject } from '../../state/project.js';

type Size = 'tiny' | 'demo';

/** Generates the seeded demo data (L.point format) and imports it into the open project. */
export function DemoCard() {
  const { t } = useI18n();
  const jobs = useJobs();
  const { info } = useProject();
  const selectId = useId();
  const [size, setSize] = useState<Size>('demo');
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const job = jobs.get(jobId);
  const running = job?.status === 'running';

  const start = async () => {
    if (!info) return;
    setError(null);
    const r = await jobs.start(info.path, 'demo', { size });
    if (r.ok) setJobId(r.value.jobId);
    else setError(r.error);
  };

  return (
    <Card title={t('demo.title')} testId="demo-card" attrs={{ 'data-demo-state': job?.status ?? 'idle' }}>
      <p className="muted small">{t('demo.explain')}</p>
      <div className="actions">
        <label htmlFor={selectId} className="visually-hidden">
          {t('demo.size')}
        </label>
        <select id={selectId} className="input" value={size} data-testid="demo-size" onChange={(e) => setSize(e.target.value as Size)} disabled={running}>
          <option value="tiny">{t('demo.tiny')}</option>
          <option value="demo">{t('demo.demo')}</option>
        </select>
        <button type="button" className="btn btn-primary" data-testid="demo-start" disabled={!info || running} onClick={() => void start()}>
          {t('demo.load')}
        </button>
      </div>
      {running && <ProgressBar progress={job.progress} testId="demo-progress" />}
      {job?.status === 'done' && <p className="text-ok small">{t('demo.done', { id: job.runId ?? '–' })}</p>}
      {job?.status === 'cancelled' && <p className="muted small">{t('import.cancelled')}</p>}
      {job?.status === 'failed' && job.error && <ErrorMessage error={{ code: asErrorCode(job.error.code), message: job.error.message }} />}
      {error && <ErrorMessage error={error} />}
    </Card>
  );
}

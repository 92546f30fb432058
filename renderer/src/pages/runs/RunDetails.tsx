import type { RunRecord } from '../../../../core/model/jobs.js';
import { useApi } from '../../api/context.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { StatusBadge } from '../../components/jobs/StatusBadge.js';
import { Loading } from '../../components/Loading.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useI18n } from '../../i18n/context.js';
import { asErrorCode } from '../../api/call.js';

/** One run: its facts, parameters and summary (pretty-printed JSON), read fresh from the host. */
export function RunDetails({ project, run, onClose }: { project: string; run: RunRecord; onClose(): void }) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const detail = useApiQuery(`${project}\u0000${run.id}`, () => api.getRun({ project, id: run.id }));
  const full = detail.status === 'ok' ? detail.value : run;
  return (
    <Card
      title={t('runs.details', { id: run.id })}
      testId="run-details"
      attrs={{ 'data-run-id': String(run.id) }}
      actions={
        <button type="button" className="btn btn-ghost btn-small" onClick={onClose} data-testid="run-details-close">
          {t('common.close')}
        </button>
      }
    >
      <dl className="facts">
        <div className="fact">
          <dt>{t('runs.col.analysis')}</dt>
          <dd>{full.analysis}</dd>
        </div>
        <div className="fact">
          <dt>{t('runs.col.status')}</dt>
          <dd>
            <StatusBadge status={full.status} />
          </dd>
        </div>
        <div className="fact">
          <dt>{t('runs.col.started')}</dt>
          <dd>{fmt.dateTime(full.startedAt)}</dd>
        </div>
        <div className="fact">
          <dt>{t('runs.col.duration')}</dt>
          <dd className="num">{fmt.duration(full.durationMs)}</dd>
        </div>
        <div className="fact wide">
          <dt>{t('runs.col.fingerprint')}</dt>
          <dd>
            <code className="break">{full.dataFingerprint}</code>
          </dd>
        </div>
      </dl>
      {full.error && <ErrorMessage error={{ code: asErrorCode(full.error.code), message: full.error.message }} />}
      {detail.status === 'error' && <ErrorMessage error={detail.error} />}
      <h3 className="subhead">{t('runs.params')}</h3>
      <pre className="json" data-testid="run-params">
        {JSON.stringify(full.params, null, 2)}
      </pre>
      <h3 className="subhead">{t('runs.summary')}</h3>
      {detail.status === 'loading' ? (
        <Loading />
      ) : (
        <pre className="json json-tall" data-testid="run-summary">
          {JSON.stringify(full.summary, null, 2)}
        </pre>
      )}
    </Card>
  );
}

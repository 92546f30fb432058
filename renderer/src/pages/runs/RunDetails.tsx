import type { RunRecord } from '../../../../core/model/jobs.js';
import { useApi } from '../../api/context.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { JobKind } from '../../components/jobs/JobKind.js';
import { StatusBadge } from '../../components/jobs/StatusBadge.js';
import { Loading } from '../../components/Loading.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useI18n } from '../../i18n/context.js';
import { asErrorCode } from '../../api/call.js';
import { noteIn } from '../../lib/notes.js';
import { displayName } from '../segments/labels.js';
import { figureLabel } from './figure-labels.js';
import { keyFigures, paramText, segmentRows } from './run-figures.js';
import { RunEditor } from './RunEditor.js';

/**
 * One run as a page (issue #14): its facts, title and note (editable), deletion, parameters as a
 * labelled table, the summary's key figures (and a segmentation's segments with their current
 * names); the raw JSON stays one click away for power users. Read fresh from the host.
 */
export function RunDetails({ project, run, onClose, onDeleted }: { project: string; run: RunRecord; onClose(): void; onDeleted(id: number): void }) {
  const api = useApi();
  const { t, fmt, lang } = useI18n();
  const analyses = useApiQuery('analyses', () => api.listAnalyses({}));
  // Parameters by their declared label in the UI language, the id in the tooltip (issue #14).
  const declared = analyses.status === 'ok' ? analyses.value.find((a) => a.id === run.analysis)?.params : undefined;
  const paramLabel = (name: string) => declared?.find((p) => p.name === name)?.label?.[lang] ?? name;
  const detail = useApiQuery(`${project}\u0000${run.id}\u0000${run.title ?? ''}\u0000${run.note ?? ''}`, () => api.getRun({ project, id: run.id }));
  const full = detail.status === 'ok' && detail.value.id === run.id ? detail.value : run;
  const params = Object.entries(full.params);
  const figures = keyFigures(full.summary);
  const segments = segmentRows(full.summary);
  const figure = (v: number | string | boolean) => (typeof v === 'number' ? (Number.isInteger(v) ? fmt.int(v) : fmt.dec(v, 4)) : typeof v === 'string' ? noteIn(v, lang) : String(v));
  return (
    <Card
      title={full.title ? `${t('runs.details', { id: run.id })} · ${full.title}` : t('runs.details', { id: run.id })}
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
          <dd>
            <JobKind kind={full.analysis} /> <code className="muted small">{full.analysis}</code>
          </dd>
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
      <RunEditor key={run.id} project={project} run={full} onDeleted={onDeleted} />

      <h3 className="subhead">{t('runs.params')}</h3>
      {params.length === 0 ? (
        <p className="muted" data-testid="run-params">{t('runs.noParams')}</p>
      ) : (
        <table className="table compact run-table" data-testid="run-params">
          <tbody>
            {params.map(([k, v]) => (
              <tr key={k} data-param={k}>
                <th scope="row" title={k}>{paramLabel(k)}</th>
                <td>
                  <code className="cell-value">{paramText(v)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 className="subhead">{t('runs.keyFigures')}</h3>
      {detail.status === 'loading' && figures.length === 0 ? (
        <Loading />
      ) : (
        <table className="table compact run-table" data-testid="run-figures">
          <tbody>
            {figures.map((f) => (
              <tr key={f.key} data-figure={f.key}>
                <th scope="row" title={f.key}>{figureLabel(f.key, lang)}</th>
                <td className={typeof f.value === 'number' ? 'num' : undefined}>{figure(f.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {segments.length > 0 && (
        <>
          <h3 className="subhead">{t('runs.segmentsList')}</h3>
          <table className="table compact run-table" data-testid="run-segments">
            <tbody>
              {segments.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{displayName(t, s.name)}</th>
                  <td className="num">{fmt.int(s.customers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <details className="run-raw" data-testid="run-raw">
        <summary>{t('runs.raw')}</summary>
        <pre className="json" data-testid="run-params-json">
          {JSON.stringify(full.params, null, 2)}
        </pre>
        <pre className="json json-tall" data-testid="run-summary">
          {JSON.stringify(full.summary, null, 2)}
        </pre>
      </details>
    </Card>
  );
}

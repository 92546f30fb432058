import { useId, useMemo, useState } from 'react';
import type { AnalysisInfo } from '../../../../core/model/api.js';
import { SEGMENT_ANALYSES, isSegmentAnalysis, type SegmentAnalysis } from '../../../../core/model/segment.js';
import { useApi } from '../../api/context.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { JobStatus } from '../../components/JobStatus.js';
import { Loading } from '../../components/Loading.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useJobRunner } from '../../hooks/useJobRunner.js';
import { useI18n } from '../../i18n/context.js';
import { buildParams, defaultText, fieldText, isEdited, type FormValues, type ParamInfo } from './params-form.js';

interface Props {
  project: string;
  /** Called once when a run started here has finished. */
  onDone(runId: number): void;
}

/**
 * Method, its parameters (rendered from listAnalyses: default, help, reset), Run with progress
 * and Cancel. The job also shows in the jobs panel.
 */
export function MethodForm({ project, onDone }: Props) {
  const api = useApi();
  const { t, lang } = useI18n();
  const analyses = useApiQuery('analyses', () => api.listAnalyses({}));
  const [method, setMethod] = useState<SegmentAnalysis>('stratified-kmeans');
  const [values, setValues] = useState<Partial<Record<SegmentAnalysis, FormValues>>>({});
  // A segmentation still running from an earlier visit of the page is followed again.
  const { job, running, startError, status, start } = useJobRunner(project, isSegmentAnalysis, onDone);

  const infos = useMemo(() => {
    const list = analyses.status === 'ok' ? analyses.value : [];
    const byId = new Map<string, AnalysisInfo>(list.filter((a) => isSegmentAnalysis(a.id)).map((a) => [a.id, a]));
    return SEGMENT_ANALYSES.filter((id) => byId.has(id)).map((id) => byId.get(id) as AnalysisInfo);
  }, [analyses]);
  const info = infos.find((a) => a.id === method);
  const form = values[method] ?? {};
  const built = useMemo(() => buildParams(info?.params ?? [], form), [info, form]);

  const setField = (name: string, text: string) => setValues((v) => ({ ...v, [method]: { ...(v[method] ?? {}), [name]: text } }));
  const reset = () => setValues((v) => ({ ...v, [method]: {} }));

  const run = () => start(method, built.params);

  return (
    <Card title={t('segments.method')} testId="segment-form" className="segment-form" attrs={{ 'data-job-status': status }}>
      {analyses.status === 'error' && <ErrorMessage error={analyses.error} />}
      {analyses.status !== 'ok' && analyses.status !== 'error' && <Loading />}
      <div className="method-row">
        <label className="field method-field">
          <span className="field-label">{t('segments.method')}</span>
          <select className="input" data-testid="segment-method" value={method} disabled={infos.length === 0} onChange={(e) => setMethod(e.target.value as SegmentAnalysis)}>
            {(infos.length > 0 ? infos.map((a) => a.id as SegmentAnalysis) : SEGMENT_ANALYSES).map((id) => (
              <option key={id} value={id}>
                {t(`analysis.${id}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="method-about muted">{t(`analysis.${method}.about`)}</p>
      </div>
      {info && (
        <div className="param-grid" data-testid="segment-params">
          {info.params.map((p) => (
            <ParamField key={p.name} param={p} label={p.label?.[lang] ?? p.name} help={p.helpText?.[lang] ?? p.help} choices={p.choices?.map(String)} text={fieldText(p, form)} error={built.errors[p.name]} onChange={(text) => setField(p.name, text)} disabled={running} />
          ))}
        </div>
      )}
      <div className="actions">
        <button type="button" className="btn btn-primary" data-testid="segment-run" disabled={!info || running || Object.keys(built.errors).length > 0} onClick={() => void run()}>
          {t('segments.run')}
        </button>
        <button type="button" className="btn" data-testid="segment-reset" disabled={!info || running || !isEdited(info.params, form)} onClick={reset}>
          {t('segments.reset')}
        </button>
        {Object.keys(built.params).length > 0 && <span className="muted small">{t('segments.changed', { n: Object.keys(built.params).length })}</span>}
      </div>
      <JobStatus job={job} startError={startError} testId="segment" />
    </Card>
  );
}

interface FieldProps {
  param: ParamInfo;
  /** The declaration's label and help in the UI language (core/jobs/param-spec.ts, via listAnalyses). */
  label: string;
  help: string;
  choices?: readonly string[];
  text: string;
  error?: string;
  disabled: boolean;
  onChange(text: string): void;
}

/** One parameter: its label, an input by its type, the default, and the help with the parameter's id. */
function ParamField({ param, label, help, choices, text, error, disabled, onChange }: FieldProps) {
  const { t } = useI18n();
  const id = useId();
  const def = defaultText(param);
  const edited = text.trim() !== def;
  const options = param.type === 'boolean' ? ['true', 'false'] : choices;
  return (
    <div className={`field param-field${edited ? ' edited' : ''}${error ? ' invalid' : ''}`} data-param={param.name}>
      <label className="field-label" htmlFor={id}>
        <span data-testid={`param-label-${param.name}`}>{label}</span>
        <span className="param-default">{def === '' ? t('segments.defaultNone') : t('segments.default', { value: def })}</span>
      </label>
      {options ? (
        <select id={id} className="input" value={text} disabled={disabled} data-testid={`param-${param.name}`} onChange={(e) => onChange(e.target.value)}>
          {!options.includes(text) && <option value={text}>{text}</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          className="input"
          value={text}
          placeholder={def === '' ? t('segments.auto') : def}
          inputMode={param.type === 'integer' || param.type === 'number' ? 'decimal' : undefined}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          data-testid={`param-${param.name}`}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <span className="param-help" title={`${param.name}: ${help}`} data-testid={`param-help-${param.name}`}>
        {error ? (
          <span className="text-danger">{t(`segments.paramError.${error as 'integer' | 'number' | 'boolean' | 'date'}`)}</span>
        ) : (
          <>
            <code>{param.name}</code> {help}
          </>
        )}
      </span>
    </div>
  );
}

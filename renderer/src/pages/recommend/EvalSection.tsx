import { useMemo, useState } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import { SLOW_MODEL_SECONDS, type ModelId } from '../../../../core/model/recommend.js';
import type { ModelResult, RecommendEvalSummary } from './types.js';
import { useApi } from '../../api/context.js';
import { ChartCard } from '../../charts/ChartCard.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { JobStatus } from '../../components/JobStatus.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useJobRunner } from '../../hooks/useJobRunner.js';
import { useI18n } from '../../i18n/context.js';
import { evalTextIn } from './eval-notes.js';
import { BASELINES, evalSummary, metricColumns, metricLabel, modelsFromHelp, outcomeOf, verdictOf, type Verdict } from './model.js';
import { ndcgOption, trainingOption } from './options.js';
import { ReportButton } from '../../report/ReportButton.js';

interface FormProps {
  project: string;
  onDone(runId: number): void;
}

/** Cutoff and models for recommend-eval, Run with progress and Cancel. */
export function EvalForm({ project, onDone }: FormProps) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const analyses = useApiQuery('analyses', () => api.listAnalyses({}));
  const info = analyses.status === 'ok' ? analyses.value.find((a) => a.id === 'recommend-eval') : undefined;
  const modelsParam = info?.params.find((p) => p.name === 'models');
  const offered = useMemo(() => modelsFromHelp(modelsParam?.help), [modelsParam]);
  const defaults = useMemo(() => {
    const d = modelsParam?.default;
    const list = Array.isArray(d) ? d.map(String) : [];
    return list.length === 0 || list.includes('all') ? offered : list.filter((m) => offered.includes(m));
  }, [modelsParam, offered]);
  const [picked, setPicked] = useState<string[] | null>(null);
  const models = picked ?? defaults;
  const [cutoff, setCutoff] = useState('');
  const { job, running, startError, status, start } = useJobRunner(project, (kind) => kind === 'recommend-eval', onDone);
  const badCutoff = cutoff.trim() !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(cutoff.trim());

  const toggle = (m: string) => setPicked((p) => {
    const cur = p ?? defaults;
    return cur.includes(m) ? cur.filter((x) => x !== m) : offered.filter((x) => x === m || cur.includes(x));
  });
  const run = () => {
    const params: Record<string, unknown> = { models: models.join(',') };
    if (cutoff.trim() !== '') params.cutoff = cutoff.trim();
    return start('recommend-eval', params);
  };

  return (
    <Card title={t('recommend.eval')} testId="eval-form" attrs={{ 'data-job-status': status }}>
      {analyses.status === 'error' && <ErrorMessage error={analyses.error} />}
      <p className="muted small">{t('recommend.eval.about')}</p>
      <div className="rec-form-row">
        <label className="field">
          <span className="field-label">{t('recommend.cutoff')}</span>
          <input className="input" data-testid="eval-cutoff" type="date" value={cutoff} disabled={running} onChange={(e) => setCutoff(e.target.value)} aria-invalid={badCutoff || undefined} />
          <span className="param-help">{t('recommend.cutoff.hint')}</span>
        </label>
        <fieldset className="field rec-models" data-testid="eval-models">
          <legend className="field-label">{t('recommend.models')}</legend>
          <div className="rec-model-list">
            {offered.map((m) => (
              <label key={m} className="rec-check">
                <input type="checkbox" data-testid={`eval-model-${m}`} checked={models.includes(m)} disabled={running} onChange={() => toggle(m)} />
                <code>{m}</code>
                {SLOW_MODEL_SECONDS[m as ModelId] !== undefined && (
                  <span className="muted small" data-testid={`eval-model-time-${m}`}>
                    {t('recommend.eval.slow', { time: fmt.seconds(SLOW_MODEL_SECONDS[m as ModelId] as number) })}
                  </span>
                )}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="actions">
        <button type="button" className="btn btn-primary" data-testid="eval-run" disabled={!info || running || models.length === 0 || badCutoff} onClick={() => void run()}>
          {t('recommend.eval.run')}
        </button>
      </div>
      <JobStatus job={job} startError={startError} testId="eval" />
    </Card>
  );
}

/** One recommend-eval run: verdict, nDCG chart, the full table, skipped models. */
export function EvalView({ run }: { run: RunRecord }) {
  const { t, fmt, lang } = useI18n();
  const ctx = useMemo(() => ({ t, fmt }), [t, fmt]);
  const s = evalSummary(run);
  const k = s ? (s.ks.includes(10) ? 10 : Math.max(...s.ks)) : 10;
  const option = useMemo(
    () => (s ? ndcgOption(s.models, k, { all: t('recommend.part.all'), repeat: t('recommend.part.repeat'), new: t('recommend.part.new') }, ctx) : null),
    [s, k, t, ctx],
  );
  if (!s) return <p className="notice">{t('recommend.noSummary')}</p>;
  const skipped = s.models.filter((m) => m.skipped !== undefined);
  const noted = s.models.filter((m) => m.skipped === undefined && m.notes !== undefined && m.notes !== '');
  const trained = s.models.filter((m) => m.skipped === undefined && m.training !== undefined);
  // Core's verdict uses the largest K; the page words the same verdict in its language.
  const verdict = verdictOf(s.models, Math.max(...s.ks));
  return (
    <div className="rec-eval" data-testid="eval-view" data-run-id={run.id}>
      <div className="rec-verdict card" data-testid="eval-verdict">
        <div className="rec-facts muted small">
          <span>{t('recommend.cutoff')}: <strong>{fmt.day(s.cutoff)}</strong></span>
          <span>{t('recommend.customers')}: <strong>{fmt.int(s.customers)}</strong></span>
          <span>{t('recommend.products')}: <strong>{fmt.int(s.products)}</strong></span>
          <span>{t('recommend.testDays')}: <strong>{fmt.int(s.testDays)}</strong></span>
        </div>
        <p className="rec-verdict-text">{verdict ? verdictText(verdict, Math.max(...s.ks), t, fmt) : evalTextIn(s.verdict, lang)}</p>
      </div>
      <ChartCard panelId="eval" title={t('recommend.chart', { k })} subtitle={t('recommend.chart.hint')} option={option} reason={t('recommend.noModels')} height={320} wide />
      <Card title={t('recommend.table')} actions={<ReportButton runs={[run.id]} />}>
        <EvalTable summary={s} />
        {noted.length > 0 && (
          <ul className="rec-notes" data-testid="eval-notes">
            {noted.map((m) => (
              <li key={m.id} data-model={m.id}>
                <code>{m.id}</code> — {evalTextIn(m.notes ?? '', lang)}
              </li>
            ))}
          </ul>
        )}
        {skipped.length > 0 && (
          <ul className="rec-skipped" data-testid="eval-skipped">
            {skipped.map((m) => (
              <li key={m.id}>
                <code>{m.id}</code> — {t('recommend.skipped')}: {evalTextIn(m.skipped ?? '', lang)}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {trained.map((m) => (
        <TrainingChart key={m.id} model={m} />
      ))}
    </div>
  );
}

type I18n = ReturnType<typeof useI18n>;

// Differences of nDCG (|x| ≤ 1) with four fixed decimals in both languages, as core writes them ("+0.0410", "0.3710").
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(4)}`;
const bound = (x: number) => `${x < 0 ? '−' : ''}${Math.abs(x).toFixed(4)}`;

/**
 * The verdict in the page's language: the models that beat the best baseline (their 95 % interval
 * lies above 0) and those that tie it, or that none beats it; then the best on new items. Runs from
 * before the comparison keep the older wording (the best nDCG).
 */
function verdictText(v: Verdict, k: number, t: I18n['t'], fmt: I18n['fmt']): string {
  const newPart = t('recommend.verdict.new', { newModel: v.bestNew.id, newValue: fmt.dec(v.bestNew.value, 4) });
  if (!v.comparison) return t('recommend.verdict', { k, model: v.best.id, value: fmt.dec(v.best.value, 4), newModel: v.bestNew.id, newValue: fmt.dec(v.bestNew.value, 4) });
  const args = (x: { id: string; baseline: string; diff: number; low: number; high: number }) => ({ k, model: x.id, baseline: x.baseline, diff: signed(x.diff), low: bound(x.low), high: bound(x.high) });
  const parts = v.comparison.wins.length > 0
    ? v.comparison.wins.map((x) => t('recommend.verdict.wins', args(x)))
    : [t('recommend.verdict.none', { k, baseline: v.comparison.baseline })];
  for (const x of v.comparison.ties) parts.push(t('recommend.verdict.ties', args(x)));
  return `${parts.join('; ')}; ${newPart}`;
}

/** A model trained by epochs (sequence): loss and the held-out next-session HR@5 / nDCG@5 per epoch. */
function TrainingChart({ model }: { model: ModelResult }) {
  const { t, fmt } = useI18n();
  const ctx = useMemo(() => ({ t, fmt }), [t, fmt]);
  const training = model.training;
  const option = useMemo(
    () => (training ? trainingOption(training, { loss: t('recommend.training.loss'), hr5: t('recommend.training.hr5'), ndcg5: t('recommend.training.ndcg5'), epoch: t('recommend.training.epoch') }, ctx) : null),
    [training, t, ctx],
  );
  if (!training) return null;
  const subtitle = t('recommend.training.hint', { samples: fmt.int(training.samples), perEpoch: fmt.int(training.perEpoch ?? training.samples), valid: fmt.int(training.validSamples), seconds: fmt.dec(training.seconds, 1) });
  return <ChartCard panelId={`training-${model.id}`} title={t('recommend.training', { model: model.id })} subtitle={subtitle} option={option} reason={t('recommend.training.empty')} height={280} wide />;
}

function EvalTable({ summary }: { summary: RecommendEvalSummary }) {
  const { t, fmt, lang } = useI18n();
  const cols = metricColumns(summary.ks);
  const kTop = summary.ks.includes(10) ? 10 : Math.max(...summary.ks);
  const maxK = Math.max(...summary.ks);
  const shown = summary.models.filter((m) => m.skipped === undefined);
  const best = new Map<string, number>();
  for (const c of [...cols, 'coverage']) best.set(c, Math.max(...shown.map((m) => m.metrics?.[c] ?? -Infinity)));
  const cell = (m: ModelResult, c: string) => {
    const v = m.metrics?.[c];
    return (
      <td key={c} className={`num${v !== undefined && v === best.get(c) ? ' rec-best' : ''}`}>
        {v === undefined ? '–' : fmt.dec(v, 3)}
      </td>
    );
  };
  return (
    <div className="table-scroll">
      <table className="table compact rec-table" data-testid="eval-table" data-rows={shown.length}>
        <thead>
          <tr>
            <th>{t('recommend.model')}</th>
            {cols.map((c) => (
              <th key={c} className="num" title={c}>{metricLabel(c)}</th>
            ))}
            <th className="num">{t('recommend.coverage')}</th>
            <th className="num">{t('recommend.repeatNdcg', { k: kTop })}</th>
            <th className="num">{t('recommend.newNdcg', { k: kTop })}</th>
            <th className="num">{t('recommend.versus', { k: maxK })}</th>
            <th className="num">{t('recommend.train')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => (
            <tr key={m.id} data-model={m.id} title={m.notes === undefined ? undefined : evalTextIn(m.notes, lang)}>
              <th>
                <code>{m.id}</code> <span className={`badge ${BASELINES.includes(m.id) ? 'badge-muted' : ''}`}>{t(BASELINES.includes(m.id) ? 'recommend.baseline' : 'recommend.learned')}</span>
              </th>
              {cols.map((c) => cell(m, c))}
              {cell(m, 'coverage')}
              <td className="num">{m.repeat?.[`ndcg@${kTop}`] === undefined ? '–' : fmt.dec(m.repeat[`ndcg@${kTop}`], 3)}</td>
              <td className="num">{m.new?.[`ndcg@${kTop}`] === undefined ? '–' : fmt.dec(m.new[`ndcg@${kTop}`], 3)}</td>
              <td className="num rec-versus" data-outcome={m.versusBestBaseline ? outcomeOf(m.versusBestBaseline) : undefined} title={m.versusBestBaseline ? t('recommend.versus.hint', { baseline: m.versusBestBaseline.baseline }) : undefined}>
                {m.versusBestBaseline === undefined ? '–' : (
                  <>
                    {signed(m.versusBestBaseline.diff)} <span className="muted small">[{bound(m.versusBestBaseline.low)}…{bound(m.versusBestBaseline.high)}]</span>{' '}
                    <span className={`badge ${outcomeOf(m.versusBestBaseline) === 'wins' ? '' : 'badge-muted'}`}>{t(`recommend.outcome.${outcomeOf(m.versusBestBaseline)}`)}</span>
                  </>
                )}
              </td>
              <td className="num">{m.trainSeconds === undefined ? '–' : fmt.dec(m.trainSeconds, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

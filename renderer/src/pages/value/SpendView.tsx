import { useMemo } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import { SPEND_SPLITS, type SpendModelResult, type SpendSummary } from '../../../../core/model/spend.js';
import { useApi } from '../../api/context.js';
import { ChartCard } from '../../charts/ChartCard.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { StatRow } from '../../components/StatRow.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useI18n } from '../../i18n/context.js';
import { SpendCustomer } from './SpendCustomer.js';
import { importanceOption } from './spend-options.js';
import { spendFeatureLabel } from './spend-features.js';
import { spendModelLabel, spendVerdictText } from './spend-text.js';

/** Seed 001's reported test RMSLE (SPEC §3.4), on its own data: context, not a target. */
export const SEED_TEST_RMSLE = 0.672;

/** One spend-model run: periods, the metrics table (winner marked, the seed's figure beside), the verdict, importance per model, one customer. */
export function SpendView({ project, runId, recommendRuns }: { project: string; runId: number; recommendRuns: readonly RunRecord[] }) {
  const api = useApi();
  const { t, fmt, lang } = useI18n();
  const query = useApiQuery(`${project}\u0000${runId}`, () => api.getSpendModel({ project, runId }));
  const s = 'value' in query ? query.value : undefined;
  if (query.status === 'error' && !s) return <ErrorMessage error={query.error} />;
  if (!s) return <Loading />;
  return (
    <div className="spend-run" data-testid="spend-view" data-run-id={runId} data-winner={s.verdict.winner} data-tie={s.verdict.tie ? 'true' : 'false'}>
      <Card title={t('value.spend.runTitle', { id: runId })}>
        <StatRow
          testId="spend-kpis"
          items={SPEND_SPLITS.map((split) => ({ label: t(`value.spend.split.${split}`), value: fmt.int(s.periods[split].lines), note: `${s.periods[split].from} → ${s.periods[split].to}` })).concat([
            { label: t('value.kpi.seconds'), value: fmt.dec(s.seconds, 1), note: s.trainLinesDropped > 0 ? t('value.spend.dropped', { n: fmt.int(s.trainLinesDropped) }) : '' },
          ])}
        />
        <p className="muted small" data-testid="spend-features">
          {t('value.spend.featuresLead', { n: s.features.length })}{' '}
          {s.features.map((f, i) => (
            <span key={f} data-feature={f} title={f}>{spendFeatureLabel(f, lang)}{i < s.features.length - 1 ? ', ' : '.'}</span>
          ))}
        </p>
      </Card>
      <MetricsCard summary={s} />
      <ImportanceCharts models={s.models} />
      <SpendCustomer project={project} runId={runId} recommendRuns={recommendRuns} />
    </div>
  );
}

function MetricsCard({ summary: s }: { summary: SpendSummary }) {
  const { t, fmt } = useI18n();
  const verdict = spendVerdictText(t, (x, d) => fmt.dec(x, d), s.verdict);
  return (
    <Card title={t('value.spend.metrics')} testId="spend-metrics">
      <p className="verdict" data-testid="spend-verdict" data-tie={s.verdict.tie ? 'true' : 'false'}>{verdict}</p>
      <div className="table-scroll">
        <table className="table compact" data-testid="spend-metrics-table" data-models={s.models.length}>
          <thead>
            <tr>
              <th>{t('value.spend.col.model')}</th><th>{t('value.spend.col.split')}</th><th className="num">RMSLE</th><th className="num">RMSE</th><th className="num">MAE</th><th className="num">{t('value.spend.col.lines')}</th><th className="num">{t('value.spend.col.seconds')}</th>
            </tr>
          </thead>
          <tbody>
            {s.models.map((m) =>
              SPEND_SPLITS.map((split, k) => {
                const x = m.metrics[split];
                const win = m.id === s.verdict.winner;
                return (
                  <tr key={`${m.id}-${split}`} data-model={m.id} data-split={split} className={win ? 'winner' : undefined}>
                    {k === 0 && (
                      <th rowSpan={SPEND_SPLITS.length}>
                        {spendModelLabel(t, m.id)}
                        {win && <span className="badge" data-testid="spend-winner" title={t('value.spend.winnerTip')}> ★ {t('value.spend.winner')}</span>}
                      </th>
                    )}
                    <td>{t(`value.spend.split.${split}`)}</td>
                    <td className="num" data-metric="rmsle">{fmt.dec(x.rmsle, 3)}</td>
                    <td className="num">{fmt.money(x.rmse)}</td>
                    <td className="num">{fmt.money(x.mae)}</td>
                    <td className="num">{fmt.int(x.lines)}</td>
                    {k === 0 && <td className="num" rowSpan={SPEND_SPLITS.length}>{fmt.dec(m.seconds, 1)}</td>}
                  </tr>
                );
              }),
            )}
            <tr className="muted" data-model="seed">
              <th>{t('value.spend.seed')}</th><td>{t('value.spend.split.test')}</td><td className="num">{fmt.dec(SEED_TEST_RMSLE, 3)}</td><td className="num">–</td><td className="num">–</td><td className="num">–</td><td className="num">–</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('value.spend.metricsHint')}</p>
    </Card>
  );
}

/** Permutation importance per model with features (baselines have none), and TabNet's mask importance. */
function ImportanceCharts({ models }: { models: readonly SpendModelResult[] }) {
  const { t, lang } = useI18n();
  const charts = useMemo(() => {
    const name = (id: string) => spendFeatureLabel(id, lang);
    const out: { id: string; title: string; option: ReturnType<typeof importanceOption> }[] = [];
    for (const m of models) {
      if (m.importance.length > 0) out.push({ id: `spend-importance-${m.id}`, title: t('value.spend.importance', { model: spendModelLabel(t, m.id) }), option: importanceOption(m.importance, t('value.spend.importance.axis'), false, 15, name) });
      if (m.maskImportance && m.maskImportance.length > 0) out.push({ id: `spend-mask-${m.id}`, title: t('value.spend.mask', { model: spendModelLabel(t, m.id) }), option: importanceOption(m.maskImportance, t('value.spend.mask.axis'), true, 15, name) });
    }
    return out;
  }, [models, t, lang]);
  if (charts.length === 0) return <p className="muted" data-testid="spend-no-importance">{t('value.spend.noImportance')}</p>;
  return (
    <div className="overview-grid" data-testid="spend-importance">
      {charts.map((c) => <ChartCard key={c.id} panelId={c.id} title={c.title} subtitle={c.id.startsWith('spend-mask') ? t('value.spend.mask.hint') : t('value.spend.importance.hint')} option={c.option} height={360} wide={charts.length === 1} />)}
    </div>
  );
}

import { useMemo } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import type { RunComparison } from '../../../../core/model/segment.js';
import { useApi } from '../../api/context.js';
import { ChartCard } from '../../charts/ChartCard.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useI18n } from '../../i18n/context.js';
import { displayName } from '../segments/labels.js';
import { RunPicker } from '../segments/RunPicker.js';
import { pickRun } from '../../lib/runs.js';
import { useChosenRun } from '../../hooks/useChosenRun.js';
import { crossTabOption } from './options.js';
import { ReportButton } from '../../report/ReportButton.js';

/** Two runs' memberships: ARI and the cross-tab (heatmap and table). */
export function TwoRuns({ project, runs }: { project: string; runs: readonly RunRecord[] }) {
  const api = useApi();
  const { t } = useI18n();
  // Kept across reloads per project (issue #14).
  const [wantedA, setWantedA] = useChosenRun('compare.runA');
  const [wantedB, setWantedB] = useChosenRun('compare.runB');
  const runA = pickRun(runs, wantedA) as number;
  const runB = pickRun(runs, wantedB ?? runs[1]?.id ?? null) as number;
  const same = runA === runB;
  const query = useApiQuery(same ? null : `${project}\u0000${runA}\u0000${runB}`, () => api.compareRuns({ project, runA, runB }));
  return (
    <div className="stack" data-testid="compare-runs">
      <Card title={t('compare.tab.runs')} actions={same ? undefined : <ReportButton runs={[runA]} compareWith={runB} />}>
        <div className="compare-pickers">
          <RunPicker runs={runs} value={runA} onChange={setWantedA} testId="compare-runs-a" label={t('compare.runA')} />
          <RunPicker runs={runs} value={runB} onChange={setWantedB} testId="compare-runs-b" label={t('compare.runB')} />
        </div>
        {same && <p className="notice">{t('compare.pickTwoRuns')}</p>}
      </Card>
      {query.status === 'error' && <ErrorMessage error={query.error} testId="compare-error" />}
      {query.status === 'loading' && !query.value && <Loading />}
      {'value' in query && query.value && !same && <CrossTab comparison={query.value} />}
    </div>
  );
}

function CrossTab({ comparison }: { comparison: RunComparison }) {
  const { t, fmt } = useI18n();
  const ctx = useMemo(() => ({ t, fmt }), [t, fmt]);
  // Default names in the UI language ("segment 2" → "세그먼트 2"); names users gave stay.
  const shown = useMemo<RunComparison>(
    () => ({ ...comparison, rows: comparison.rows.map((r) => ({ ...r, name: displayName(t, r.name) })), columns: comparison.columns.map((c) => ({ ...c, name: displayName(t, c.name) })) }),
    [comparison, t],
  );
  const option = useMemo(() => (shown.rows.length > 0 && shown.columns.length > 0 ? crossTabOption(shown, ctx) : null), [shown, ctx]);
  const ari = comparison.ari;
  return (
    <>
      <section className="card" aria-label={t('compare.ari')}>
        <div className="ari" data-testid="compare-ari" data-ari={String(ari)}>
          <div>
            <div className="kpi-label">{t('compare.ari')}</div>
            <div className="ari-value num">{fmt.dec(ari, 3)}</div>
          </div>
          <p className="muted small">{t('compare.ariHint', { n: fmt.int(comparison.customers), a: comparison.runA, b: comparison.runB })}</p>
        </div>
      </section>
      <ChartCard panelId="crosstab" title={t('compare.crosstab')} subtitle={t('compare.crosstabHint')} option={option} height={Math.max(280, 90 + comparison.rows.length * 28)} />
      <Card title={t('compare.crosstabTable')}>
        <div className="table-scroll">
          <table className="table compact" data-testid="compare-crosstab-table">
            <thead>
              <tr>
                <th>
                  #{comparison.runA} \ #{comparison.runB}
                </th>
                {shown.columns.map((c) => (
                  <th key={c.segment} className="num">
                    {c.name}
                  </th>
                ))}
                <th className="num">{t('compare.total')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.rows.map((r, i) => (
                <tr key={r.segment}>
                  <th scope="row">{r.name}</th>
                  {comparison.counts[i].map((v, j) => (
                    <td key={j} className="num">
                      {v === 0 ? <span className="muted">0</span> : fmt.int(v)}
                    </td>
                  ))}
                  <td className="num">
                    <strong>{fmt.int(comparison.counts[i].reduce((s, v) => s + v, 0))}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}

import { useId, useMemo, useState } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import type { SegmentComparison, SegmentationView } from '../../../../core/model/segment.js';
import { OUTLIER_SEGMENT } from '../../../../core/model/segment.js';
import { useApi } from '../../api/context.js';
import { ChartCard } from '../../charts/ChartCard.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { StatRow } from '../../components/StatRow.js';
import { DataTable } from '../../components/table/DataTable.js';
import type { Column } from '../../components/table/column.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useI18n } from '../../i18n/context.js';
import type { Translate } from '../../i18n/translate.js';
import { displayName, patternBeside } from '../segments/labels.js';
import { ageBandLabel, genderLabel } from '../overview/labels.js';
import { pValue, significant } from '../segments/numbers.js';
import { RunPicker } from '../segments/RunPicker.js';
import { pickRun } from '../../lib/runs.js';
import { useChosenRun } from '../../hooks/useChosenRun.js';
import { summaryOf } from '../segments/runs.js';
import { profileBarsOption } from './options.js';
import { ReportButton } from '../../report/ReportButton.js';

type CategoryRow = SegmentComparison['categories'][number];

/**
 * The segments of a run to pick from (outliers too, when the run set any aside). Names come from
 * the run's view once loaded, else from the run list's summary (both carry the current names).
 */
function segmentsOf(run: RunRecord | undefined, current: SegmentationView | undefined, t: Translate): { id: number; name: string }[] {
  const s = current?.summary ?? (run ? summaryOf(run) : null);
  if (!s) return [];
  const list = s.segmentList.map((x) => {
    const name = displayName(t, x.name);
    const pattern = patternBeside(name, x.pattern);
    return { id: x.id, name: pattern ? `${name} (${pattern})` : name };
  });
  const outliers = current?.profiles.find((p) => p.segment === OUTLIER_SEGMENT)?.name;
  if (s.noise > 0) list.push({ id: OUTLIER_SEGMENT, name: outliers ? displayName(t, outliers) : t('compare.outliers') });
  return list;
}

export function TwoSegments({ project, runs, clvRuns = [] }: { project: string; runs: readonly RunRecord[]; clvRuns?: readonly RunRecord[] }) {
  const api = useApi();
  const { t } = useI18n();
  const [wantedRun, setWantedRun] = useChosenRun('compare'); // kept across reloads (issue #14)
  const runId = pickRun(runs, wantedRun) as number;
  const run = runs.find((r) => r.id === runId);
  const view = useApiQuery(`${project}\u0000${runId}`, () => api.getSegmentation({ project, runId }));
  const current = view.status === 'ok' && view.value.runId === runId ? view.value : undefined;
  const segments = useMemo(() => segmentsOf(run, current, t), [run, current, t]);
  const [picked, setPicked] = useState<{ run: number; a: number; b: number } | null>(null);
  const a = picked?.run === runId ? picked.a : (segments[0]?.id ?? 0);
  const b = picked?.run === runId ? picked.b : (segments[1]?.id ?? segments[0]?.id ?? 0);
  const same = a === b;
  // A clv run adds CLV, P(alive) and expected purchases to the comparison (issue #13).
  const [clvRun, setClvRun] = useState('');
  const key = same ? null : `${project}\u0000${runId}\u0000${a}\u0000${b}\u0000${clvRun}`;
  const query = useApiQuery(key, () => api.compareSegments({ project, runId, a, b, ...(clvRun ? { clvRun: Number(clvRun) } : {}) }));
  const idA = useId();
  const idB = useId();

  return (
    <div className="stack" data-testid="compare-segments">
      <Card title={t('compare.tab.segments')} actions={same ? undefined : <ReportButton runs={[runId]} segments={[a, b]} />}>
        <div className="compare-pickers">
          <RunPicker runs={runs} value={runId} onChange={setWantedRun} testId="compare-run" label={t('compare.run')} />
          <label className="field" htmlFor={idA}>
            <span className="field-label">{t('compare.segmentA')}</span>
            <select id={idA} className="input" data-testid="compare-a" value={a} onChange={(e) => setPicked({ run: runId, a: Number(e.target.value), b })}>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={idB}>
            <span className="field-label">{t('compare.segmentB')}</span>
            <select id={idB} className="input" data-testid="compare-b" value={b} onChange={(e) => setPicked({ run: runId, a, b: Number(e.target.value) })}>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          {clvRuns.length > 0 && (
            <label className="field">
              <span className="field-label">{t('compare.clvRun')}</span>
              <select className="input" data-testid="compare-clv-run" value={clvRun} onChange={(e) => setClvRun(e.target.value)}>
                <option value="">{t('compare.clvNone')}</option>
                {clvRuns.map((r) => <option key={r.id} value={r.id}>{`#${r.id} · clv`}</option>)}
              </select>
            </label>
          )}
        </div>
        {same && <p className="notice">{t('compare.pickTwo')}</p>}
      </Card>
      {query.status === 'error' && <ErrorMessage error={query.error} testId="compare-error" />}
      {query.status === 'loading' && !query.value && <Loading />}
      {'value' in query && query.value && !same && <Comparison comparison={query.value} />}
    </div>
  );
}

function Comparison({ comparison }: { comparison: SegmentComparison }) {
  const { t, fmt } = useI18n();
  const ctx = useMemo(() => ({ t, fmt }), [t, fmt]);
  const { a, b } = comparison;
  const names = useMemo(() => {
    const label = (p: SegmentComparison['a']) => {
      const name = displayName(t, p.name);
      const pattern = patternBeside(name, p.pattern);
      return pattern ? `${name} (${pattern})` : name;
    };
    return { a: `A · ${label(a)}`, b: `B · ${label(b)}` };
  }, [a, b, t]);
  const option = useMemo(() => (a.features.length > 0 ? profileBarsOption(a, b, names, ctx) : null), [a, b, names, ctx]);
  const lead = (
    <div className="compare-leads">
      {[
        { p: a, label: names.a },
        { p: b, label: names.b },
      ].map(({ p, label }) => (
        <div key={label} className="compare-lead">
          <div className="compare-lead-name">{label}</div>
          <StatRow
            items={[
              { label: t('segments.col.customers'), value: fmt.int(p.customers), note: fmt.pct(p.customerShare, 1) },
              { label: t('segments.col.meanSpend'), value: fmt.moneyCompact(p.meanSpend) },
              { label: t('segments.col.spendShare'), value: fmt.pct(p.spendShare, 1) },
            ]}
          />
        </div>
      ))}
    </div>
  );
  const columns = useMemo<Column<CategoryRow>[]>(
    () => [
      { id: 'category', label: t('compare.col.category'), value: (r) => r.category, width: 'minmax(140px, 2fr)' },
      { id: 'meanA', label: t('compare.col.meanA'), value: (r) => r.meanA, numeric: true, render: (r) => fmt.money(r.meanA) },
      { id: 'meanB', label: t('compare.col.meanB'), value: (r) => r.meanB, numeric: true, render: (r) => fmt.money(r.meanB) },
      { id: 'effect', label: t('compare.col.effect'), value: (r) => r.effect, numeric: true, render: (r) => fmt.dec(r.effect, 2) },
      { id: 'p', label: t('compare.col.p'), value: (r) => r.pValue, numeric: true, render: (r) => pValue(r.pValue, fmt.dec) },
      { id: 'pAdjusted', label: t('compare.col.pAdjusted'), value: (r) => r.pAdjusted, numeric: true, render: (r) => pValue(r.pAdjusted, fmt.dec) },
      {
        id: 'sig',
        label: t('compare.col.significant'),
        value: (r) => (significant(r.pAdjusted) ? 1 : 0),
        width: '90px',
        render: (r) => (significant(r.pAdjusted) ? <span className="sig-mark" title={t('compare.significantHint')}>★ {r.meanA > r.meanB ? 'A' : 'B'}</span> : <span className="muted">–</span>),
      },
    ],
    [t, fmt],
  );
  const significantCount = comparison.categories.filter((c) => significant(c.pAdjusted)).length;
  return (
    <>
      <ChartCard panelId="compare-profiles" title={t('compare.profiles')} subtitle={t('compare.profilesHint')} option={option} reason={t('chart.noData')} lead={lead} height={Math.max(240, 40 + a.features.length * 34)} />
      <Card title={t('compare.categories')} testId="compare-categories">
        <p className="muted small hint">{t('compare.categoriesHint', { n: significantCount, total: comparison.categories.length })}</p>
        <DataTable
          columns={columns}
          rows={comparison.categories}
          rowKey={(r) => r.category}
          testId="compare-table"
          ariaLabel={t('compare.categories')}
          initialSort={{ column: 'pAdjusted', dir: 'asc' }}
          height={380}
          empty={t('compare.noCategories')}
        />
      </Card>
      {comparison.clv && (
        <Card title={t('compare.clv')} testId="compare-clv">
          <MeansTable
            rows={comparison.clv.map((r) => ({ ...r, key: r.name, label: t(`compare.clv.${r.name}`), format: (v: number) => (r.name === 'clv' ? fmt.money(v) : fmt.dec(v, r.name === 'p_alive' ? 3 : 2)), attrs: { 'data-measure': r.name, 'data-mean-a': r.meanA, 'data-mean-b': r.meanB } }))}
          />
        </Card>
      )}
      {(comparison.attributes ?? []).length > 0 && (
        <Card title={t('compare.attributes')} testId="compare-attributes">
          <MeansTable rows={comparison.attributes!.map((r) => ({ ...r, key: r.name, label: r.name, format: (v: number) => fmt.dec(v, 2), attrs: { 'data-attribute': r.name } }))} />
        </Card>
      )}
      <Card title={t('compare.demographics')} testId="compare-demographics" attrs={{ 'data-tests': String(comparison.demographics.length) }}>
        {comparison.demographics.length === 0 && <p className="muted">{t('compare.noDemographics')}</p>}
        <div className="demographics-grid">
          {comparison.demographics.map((d) => (
            <div key={d.variable} className="demographic" data-variable={d.variable}>
              <h3 className="subhead">{d.variable === 'gender' ? t('compare.gender') : d.variable === 'ageBand' ? t('compare.ageBand') : d.variable}</h3>
              <p className="small">
                χ² = {fmt.dec(d.statistic, 2)} · {t('compare.dof', { n: d.dof })} · p = {pValue(d.pValue, fmt.dec)} · V = {fmt.dec(d.cramersV, 2)} {significant(d.pValue) && <span className="sig-mark">★</span>}
              </p>
              <table className="table compact">
                <thead>
                  <tr>
                    <th />
                    <th className="num">A</th>
                    <th className="num">B</th>
                  </tr>
                </thead>
                <tbody>
                  {d.table.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{d.variable === 'gender' ? genderLabel(ctx, row.key) : d.variable === 'ageBand' ? ageBandLabel(ctx, row.key) : row.key}</th>
                      <td className="num">{fmt.int(row.a)}</td>
                      <td className="num">{fmt.int(row.b)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      </Card>
    </>
  );
}

/** Two segments' means of some measures, the effect size and the adjusted p-value, one row each (CLV measures, customer attributes). */
function MeansTable({ rows }: { rows: { key: string; label: string; meanA: number; meanB: number; effect: number; pAdjusted: number; format: (v: number) => string; attrs: Record<string, string | number> }[] }) {
  const { t, fmt } = useI18n();
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th />
          <th className="num">{t('compare.col.meanA')}</th>
          <th className="num">{t('compare.col.meanB')}</th>
          <th className="num">{t('compare.col.effect')}</th>
          <th className="num">{t('compare.col.pAdjusted')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} {...r.attrs}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.format(r.meanA)}</td>
            <td className="num">{r.format(r.meanB)}</td>
            <td className="num">{fmt.dec(r.effect, 2)}</td>
            <td className="num">
              {pValue(r.pAdjusted, fmt.dec)} {significant(r.pAdjusted) && <span className="sig-mark">★ {r.meanA > r.meanB ? 'A' : 'B'}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

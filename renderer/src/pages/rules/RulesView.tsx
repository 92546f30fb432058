import { useMemo, useState } from 'react';
import type { ApiError } from '../../../../core/model/result.js';
import type { RuleRow, RuleSortKey, RulesSummary } from '../../../../core/model/rules.js';
import { safeCall } from '../../api/call.js';
import { useApi } from '../../api/context.js';
import { ChartCard } from '../../charts/ChartCard.js';
import { downloadBlob } from '../../charts/export.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { StatRow } from '../../components/StatRow.js';
import type { Column } from '../../components/table/column.js';
import { VirtualTable } from '../../components/table/VirtualTable.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useDebounced } from '../../hooks/useDebounced.js';
import { useParamText } from '../../hooks/useParamText.js';
import { useI18n } from '../../i18n/context.js';
import type { SortState } from '../../lib/table.js';
import { graphOption, scatterOption } from './options.js';
import { ReportButton } from '../../report/ReportButton.js';

/** Rows the table holds at once: sorting and filtering run over every rule on the host; the table shows the first ones. */
const PAGE = 5000;
const GRAPH_TOP = 30;
const METRICS: RuleSortKey[] = ['antecedentSupport', 'consequentSupport', 'support', 'confidence', 'lift', 'leverage', 'conviction', 'zhangsMetric'];

/** One rules run: headline figures, per-segment comparison, filters, the rules table, scatter and graph. */
export function RulesView({ project, runId }: { project: string; runId: number }) {
  const api = useApi();
  const { t, fmt, lang } = useI18n();
  // The filters are the run's own parameters: their declared labels in the UI language (issue #14).
  const param = useParamText('rules');
  const [part, setPart] = useState<string | undefined>(undefined);
  const [sort, setSort] = useState<SortState>({ column: 'lift', dir: 'desc' });
  const [search, setSearch] = useState('');
  const [minConfidence, setMinConfidence] = useState('');
  const [minLift, setMinLift] = useState('');
  const [uniqueOnly, setUniqueOnly] = useState(false);
  const q = useDebounced(search, 250);
  const conf = Number(minConfidence), lift = Number(minLift);
  const input = {
    project, runId, part, sort: sort.column as RuleSortKey, desc: sort.dir === 'desc', search: q || undefined, limit: PAGE, uniqueOnly,
    minConfidence: minConfidence.trim() !== '' && conf >= 0 && conf <= 1 ? conf : undefined,
    minLift: minLift.trim() !== '' && lift >= 0 ? lift : undefined,
  };
  const query = useApiQuery(JSON.stringify(input), () => api.getRules(input));
  const view = 'value' in query ? query.value : undefined;
  const s: RulesSummary | undefined = view?.summary;
  const labels = useMemo(() => ({ support: t('rules.col.support'), confidence: t('rules.col.confidence'), lift: t('rules.col.lift') }), [t]);
  const scatter = useMemo(() => (view ? scatterOption(view.points, labels) : null), [view, labels]);
  const graph = useMemo(() => (view ? graphOption(view.rows, GRAPH_TOP) : null), [view]);
  const [exportError, setExportError] = useState<ApiError | null>(null);

  const columns = useMemo<Column<RuleRow & { k: number }>[]>(() => [
    // Widths that fit the card at 1280 px in both languages; long headers ("Antecedent support") wrap
    // onto two lines instead of being cut (issue #14 screenshots: "nte. support").
    { id: 'antecedents', label: t('rules.col.antecedents'), value: (r) => r.antecedents.join(' & '), width: 'minmax(140px, 2fr)', sortable: false },
    { id: 'consequents', label: t('rules.col.consequents'), value: (r) => r.consequents.join(' & '), width: 'minmax(120px, 1.5fr)', sortable: false },
    ...METRICS.map((m): Column<RuleRow & { k: number }> => ({
      id: m, label: t(`rules.col.${m}`), numeric: true, width: m.endsWith('Support') ? 'minmax(100px, 1fr)' : 'minmax(84px, 1fr)',
      value: (r) => r[m] as number | null,
      render: (r) => (m === 'conviction' && r.conviction === null ? '∞' : fmt.dec(r[m] as number, m.endsWith('upport') ? 4 : 3)),
    })),
    ...(s && s.parts.length > 1 ? [{ id: 'unique', label: t('rules.col.unique'), value: (r: RuleRow) => (r.unique ? 1 : 0), render: (r: RuleRow) => (r.unique ? '✓' : ''), width: '70px', sortable: false }] : []),
  ], [t, fmt, s]);
  const rows = useMemo(() => (view?.rows ?? []).map((r, k) => ({ ...r, k })), [view]);

  const save = async () => {
    setExportError(null);
    const result = await safeCall(() => api.exportCsv({ project, run: runId, lang, what: 'rules' }));
    if (!result.ok) return setExportError(result.error);
    downloadBlob(new Blob([result.value.csv], { type: 'text/csv;charset=utf-8' }), result.value.filename);
  };

  if (query.status === 'error' && !view) return <ErrorMessage error={query.error} />;
  if (!view || !s) return <Loading />;
  const current = s.parts.find((p) => p.key === view.part);
  return (
    <div className="rules-run" data-testid="rules-view" data-run-id={runId} data-part={view.part} data-total={view.total} data-loading={query.status === 'loading' ? 'true' : 'false'}>
      <Card title={t('rules.runTitle', { id: runId })} actions={<ReportButton runs={[runId]} />}>
        <StatRow
          testId="rules-kpis"
          items={[
            { label: t('rules.kpi.baskets'), value: fmt.int(s.baskets), note: s.droppedBaskets > 0 ? t('rules.kpi.dropped', { n: fmt.int(s.droppedBaskets) }) : undefined },
            { label: t('rules.kpi.items'), value: fmt.int(s.items) },
            { label: t('rules.kpi.itemsets'), value: fmt.int(s.itemsets) },
            { label: t('rules.kpi.rules'), value: fmt.int(s.rules) },
            { label: t('rules.kpi.seconds'), value: fmt.dec(s.seconds, 2) },
          ]}
        />
        {s.excludedItems.length > 0 && <p className="muted small" data-testid="rules-excluded">{t('rules.excluded', { items: s.excludedItems.join(', ') })}</p>}
        <div className="export-buttons">
          <button type="button" className="btn btn-small" data-testid="export-rules" onClick={() => void save()}>{t('rules.export')}</button>
          {exportError && <ErrorMessage error={exportError} testId="export-error" />}
        </div>
      </Card>
      {s.parts.length > 1 && (
        <Card title={t('rules.compare')} testId="rules-compare">
          <p className="muted small">{t('rules.compare.about')}</p>
          <table className="table compact">
            <thead>
              <tr><th>{t('rules.col.segment')}</th><th className="num">{t('rules.kpi.baskets')}</th><th className="num">{t('rules.kpi.rules')}</th><th className="num">{t('rules.col.unique')}</th><th /></tr>
            </thead>
            <tbody>
              {s.parts.map((p) => (
                <tr key={p.key} data-part={p.key} className={p.key === view.part ? 'selected' : undefined}>
                  <th>{p.name}</th>
                  <td className="num">{fmt.int(p.baskets)}</td>
                  <td className="num">{fmt.int(p.rules)}</td>
                  <td className="num" data-unique={p.uniqueRules ?? 0}>{fmt.int(p.uniqueRules ?? 0)}</td>
                  <td><button type="button" className="btn btn-small" data-testid={`rules-part-${p.key}`} disabled={p.key === view.part} onClick={() => setPart(p.key)}>{t('rules.show')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Card title={current && current.segment !== null ? t('rules.tableOf', { name: current.name }) : t('rules.table')}>
        <div className="rec-form-row">
          <label className="field">
            <span className="field-label">{t('rules.search')}</span>
            <input className="input" data-testid="rules-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('rules.search.hint')} />
          </label>
          <label className="field">
            <span className="field-label" title={param.title('minConfidence')}>{param.label('minConfidence')}</span>
            <input className="input" data-testid="rules-view-minConfidence" inputMode="decimal" value={minConfidence} onChange={(e) => setMinConfidence(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label" title={param.title('minLift')}>{param.label('minLift')}</span>
            <input className="input" data-testid="rules-view-minLift" inputMode="decimal" value={minLift} onChange={(e) => setMinLift(e.target.value)} />
          </label>
          {s.parts.length > 1 && (
            <label className="field checkbox">
              <input type="checkbox" data-testid="rules-unique-only" checked={uniqueOnly} onChange={(e) => setUniqueOnly(e.target.checked)} />
              <span>{t('rules.uniqueOnly')}</span>
            </label>
          )}
        </div>
        <p className="muted small" data-testid="rules-count">{view.total > PAGE ? t('rules.showingFirst', { shown: fmt.int(PAGE), total: fmt.int(view.total) }) : t('rules.showing', { total: fmt.int(view.total) })}</p>
        <VirtualTable
          columns={columns}
          rows={rows}
          rowKey={(r) => String(r.k)}
          testId="rules-table"
          ariaLabel={t('rules.table')}
          sort={sort}
          onSort={(c) => setSort((cur) => ({ column: c, dir: cur.column === c && cur.dir === 'desc' ? 'asc' : 'desc' }))}
          totalRows={view.total}
          empty={t('rules.empty')}
        />
      </Card>
      <div className="overview-grid">
        <ChartCard panelId="rules-scatter" title={t('rules.scatter')} subtitle={t('rules.scatter.hint')} option={scatter} reason={t('rules.empty')} height={360} />
        <ChartCard panelId="rules-graph" title={t('rules.graph', { n: GRAPH_TOP })} subtitle={t('rules.graph.hint')} option={graph} reason={t('rules.empty')} height={360} />
      </div>
    </div>
  );
}

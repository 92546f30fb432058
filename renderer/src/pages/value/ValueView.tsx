import { useMemo, useState } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import type { ApiError } from '../../../../core/model/result.js';
import type { ClvCustomerRow } from '../../../../core/model/value.js';
import { safeCall } from '../../api/call.js';
import { useApi } from '../../api/context.js';
import { ChartCard } from '../../charts/ChartCard.js';
import { downloadBlob } from '../../charts/export.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { StatRow } from '../../components/StatRow.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useDebounced } from '../../hooks/useDebounced.js';
import { useI18n } from '../../i18n/context.js';
import { aliveOption, checkOption, valueBoxOption } from './options.js';
import { ReportButton } from '../../report/ReportButton.js';

interface Props {
  project: string;
  runId: number;
  segmentRuns: RunRecord[];
}

/** One clv run: headline figures, the fit, the holdout check, CLV and P(alive) per segment, top customers, one customer. */
export function ValueView({ project, runId, segmentRuns }: Props) {
  const api = useApi();
  const { t, fmt, lang } = useI18n();
  const [segRun, setSegRun] = useState('');
  const [lookup, setLookup] = useState('');
  const customer = useDebounced(lookup.trim(), 250);
  const input = { project, runId, ...(segRun ? { segmentRun: Number(segRun) } : {}), ...(customer ? { customer } : {}) };
  const query = useApiQuery(JSON.stringify(input), () => api.getClv(input));
  const view = 'value' in query ? query.value : undefined;
  const s = view?.summary;
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const check = useMemo(() => (s?.check ? checkOption(s.check.rows, { actual: t('value.check.actual'), predicted: t('value.check.predicted'), x: t('value.check.x'), y: t('value.check.y') }) : null), [s, t]);
  const box = useMemo(() => (view ? valueBoxOption(view.groups, { value: fmt.moneyLabel(t('value.col.value')), iqr: t('value.dist.iqr'), median: t('value.dist.median'), mean: t('value.dist.mean') }) : null), [view, t, fmt]);
  const alive = useMemo(() => (view ? aliveOption(view.groups, t('value.dist.share')) : null), [view, t]);

  const save = async () => {
    setExportError(null);
    const result = await safeCall(() => api.exportCsv({ project, run: runId, lang, what: 'clv' }));
    if (!result.ok) return setExportError(result.error);
    downloadBlob(new Blob([result.value.csv], { type: 'text/csv;charset=utf-8' }), result.value.filename);
  };

  if (query.status === 'error' && !view) return <ErrorMessage error={query.error} />;
  if (!view || !s) return <Loading />;
  const unit = t(`value.unit.${s.timeUnit}`);
  const customerCells = (c: ClvCustomerRow) => (
    <>
      <td className="num">{fmt.int(c.frequency)}</td>
      <td className="num">{fmt.dec(c.recency, 1)}</td>
      <td className="num">{fmt.dec(c.T, 1)}</td>
      <td className="num">{fmt.money(c.monetary)}</td>
      <td className="num">{fmt.dec(c.pAlive, 3)}</td>
      <td className="num">{fmt.dec(c.expectedPurchases, 2)}</td>
      <td className="num">{fmt.money(c.expectedValue)}</td>
    </>
  );
  const customerHead = (
    <tr>
      <th>{t('value.col.customer')}</th><th className="num">{t('value.col.frequency')}</th><th className="num">{t('value.col.recency', { unit })}</th><th className="num">{t('value.col.T', { unit })}</th>
      <th className="num">{t('value.col.monetary')}</th><th className="num">{t('value.col.pAlive')}</th><th className="num">{t('value.col.expectedPurchases')}</th><th className="num">{t('value.col.value')}</th>
    </tr>
  );
  return (
    <div className="value-run" data-testid="value-view" data-run-id={runId} data-groups={view.groups.length} data-loading={query.status === 'loading' ? 'true' : 'false'}>
      <Card title={t('value.runTitle', { id: runId })} actions={<ReportButton runs={[runId]} />}>
        <StatRow
          testId="value-kpis"
          items={[
            { label: t('value.kpi.customers'), value: fmt.int(s.customers) },
            { label: t('value.kpi.value', { days: fmt.int(s.horizonDays) }), value: fmt.moneyCompact(s.expectedValue), note: t('value.kpi.discount', { pct: fmt.pct(s.monthlyDiscount, 1) }) },
            { label: t('value.kpi.purchases', { days: fmt.int(s.horizonDays) }), value: fmt.dec(s.expectedPurchases, 0) },
            { label: t('value.kpi.seconds'), value: fmt.dec(s.seconds, 2) },
          ]}
        />
        <div className="export-buttons">
          <button type="button" className="btn btn-small" data-testid="export-clv" onClick={() => void save()}>{t('value.export')}</button>
          {exportError && <ErrorMessage error={exportError} testId="export-error" />}
        </div>
      </Card>
      <Card title={t('value.fit')} testId="value-fit">
        <p className="muted small">{t('value.fit.about', { start: s.firstDay, end: s.calibrationEnd, unit, n: fmt.int(s.calibrationCustomers), m: fmt.int(s.gammaGamma.customers) })}</p>
        {(!s.bgnbd.converged || !s.gammaGamma.converged) && <p className="warning" data-testid="value-not-converged">{t('value.fit.notConverged')}</p>}
        <table className="table compact">
          <thead><tr><th>{t('value.fit.model')}</th><th>{t('value.fit.params')}</th><th className="num">{t('value.fit.logLik')}</th></tr></thead>
          <tbody>
            <tr data-testid="value-bgnbd" data-r={s.bgnbd.r} data-alpha={s.bgnbd.alpha} data-a={s.bgnbd.a} data-b={s.bgnbd.b}>
              <th>BG/NBD</th>
              <td>{`r = ${fmt.dec(s.bgnbd.r, 3)}, α = ${fmt.dec(s.bgnbd.alpha, 3)}, a = ${fmt.dec(s.bgnbd.a, 3)}, b = ${fmt.dec(s.bgnbd.b, 3)}`}</td>
              <td className="num">{fmt.dec(s.bgnbd.logLik, 1)}</td>
            </tr>
            <tr data-testid="value-gg" data-p={s.gammaGamma.p} data-q={s.gammaGamma.q} data-gamma={s.gammaGamma.gamma}>
              <th>Gamma-Gamma</th>
              <td>{`p = ${fmt.dec(s.gammaGamma.p, 3)}, q = ${fmt.dec(s.gammaGamma.q, 3)}, γ = ${fmt.dec(s.gammaGamma.gamma, 3)}`}</td>
              <td className="num">{fmt.dec(s.gammaGamma.logLik, 1)}</td>
            </tr>
          </tbody>
        </table>
      </Card>
      <ChartCard panelId="value-check" title={t('value.check')} subtitle={s.check ? t('value.check.about', { from: s.calibrationEnd, to: s.lastDay, length: fmt.dec(s.check.length, 1), unit }) : undefined} option={check} reason={t('value.check.none')} height={320} wide>
        {s.check && (
          <table className="table compact" data-testid="value-check-table">
            <thead><tr><th>{t('value.check.x')}</th><th className="num">{t('value.kpi.customers')}</th><th className="num">{t('value.check.actual')}</th><th className="num">{t('value.check.predicted')}</th></tr></thead>
            <tbody>
              {s.check.rows.map((r) => (
                <tr key={r.frequency} data-frequency={r.frequency}><th>{r.frequency}</th><td className="num">{fmt.int(r.customers)}</td><td className="num">{fmt.dec(r.actual, 3)}</td><td className="num">{fmt.dec(r.predicted, 3)}</td></tr>
              ))}
              <tr className="total"><th>{t('value.check.total')}</th><td /><td className="num">{fmt.int(s.check.actualTotal)}</td><td className="num">{fmt.dec(s.check.predictedTotal, 1)}</td></tr>
            </tbody>
          </table>
        )}
      </ChartCard>
      <Card title={t('value.dist')} testId="value-dist">
        <label className="field run-picker">
          <span className="field-label">{t('value.segmentRun')}</span>
          <select className="input" data-testid="value-segmentRun" value={segRun} onChange={(e) => setSegRun(e.target.value)}>
            <option value="">{t('value.noSegments')}</option>
            {segmentRuns.map((r) => <option key={r.id} value={r.id}>{`#${r.id} · ${r.analysis} · ${fmt.dateTime(r.startedAt)}`}</option>)}
          </select>
        </label>
        <table className="table compact" data-testid="value-groups">
          <thead>
            <tr><th>{t('value.col.segment')}</th><th className="num">{t('value.kpi.customers')}</th><th className="num">{t('value.col.meanValue')}</th><th className="num">{t('value.col.medianValue')}</th><th className="num">{t('value.col.totalValue')}</th><th className="num">{t('value.col.meanAlive')}</th><th className="num">{t('value.col.atRisk')}</th></tr>
          </thead>
          <tbody>
            {view.groups.map((g) => (
              <tr key={String(g.segment)} data-segment={g.segment ?? 'all'}>
                <th>{g.segment === null ? t('value.all') : g.name}</th><td className="num">{fmt.int(g.customers)}</td><td className="num">{fmt.money(g.value.mean)}</td><td className="num">{fmt.money(g.value.median)}</td>
                <td className="num">{fmt.moneyCompact(g.totalValue)}</td><td className="num">{fmt.dec(g.pAlive.mean, 3)}</td><td className="num">{fmt.pct(g.atRiskShare, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <div className="overview-grid">
        <ChartCard panelId="value-clv" title={t('value.dist.value', { days: fmt.int(s.horizonDays) })} option={box} height={320} />
        <ChartCard panelId="value-alive" title={t('value.dist.alive')} subtitle={t('value.dist.alive.hint')} option={alive} height={320} />
      </div>
      <Card title={t('value.customer')} testId="value-customer">
        <label className="field">
          <span className="field-label">{t('value.col.customer')}</span>
          <input className="input" data-testid="value-lookup" value={lookup} onChange={(e) => setLookup(e.target.value)} placeholder={t('value.lookup.hint')} />
        </label>
        {customer !== '' && view.customer === null && query.status !== 'loading' && <p className="muted" data-testid="value-lookup-none">{t('value.lookup.none', { id: customer })}</p>}
        {view.customer && (
          <table className="table compact" data-testid="value-lookup-row">
            <thead>{customerHead}</thead>
            <tbody><tr data-customer={view.customer.customer}><th>{view.customer.customer}</th>{customerCells(view.customer)}</tr></tbody>
          </table>
        )}
      </Card>
      <Card title={t('value.top')} testId="value-top">
        <table className="table compact">
          <thead>{customerHead}</thead>
          <tbody>
            {view.top.map((c) => (
              <tr key={c.customer} data-customer={c.customer}><th><button type="button" className="link" onClick={() => setLookup(c.customer)}>{c.customer}</button></th>{customerCells(c)}</tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}

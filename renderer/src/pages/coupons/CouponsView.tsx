import { useMemo, useState } from 'react';
import type { CouponSummary } from '../../../../core/model/coupons.js';
import type { ApiError } from '../../../../core/model/result.js';
import { safeCall } from '../../api/call.js';
import { useApi } from '../../api/context.js';
import { ChartCard } from '../../charts/ChartCard.js';
import { downloadBlob } from '../../charts/export.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { StatRow } from '../../components/StatRow.js';
import { useI18n } from '../../i18n/context.js';
import { levelOption, segmentOption, slopeOption } from './options.js';
import { ReportButton } from '../../report/ReportButton.js';

/** Per 10 points of discount, in percentage points of use rate (slopes are stored per point, as rates). */
const pp10 = (v: number) => v * 1000;

/** One coupon-sensitivity run (its stored summary): the verdict, headline figures, clusters, shares per segment. */
export function CouponsView({ project, runId, summary: s }: { project: string; runId: number; summary: CouponSummary }) {
  const api = useApi();
  const { t, fmt, lang } = useI18n();
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const clusterName = useMemo(() => (id: number, sensitive: boolean) => t(sensitive ? 'coupons.clusterSensitive' : 'coupons.cluster', { id }), [t]);
  const levels = useMemo(() => levelOption(s.levels, s.clusters, { discount: t('coupons.discount'), useRate: t('coupons.useRate'), cluster: clusterName }), [s, t, clusterName]);
  const slopes = useMemo(() => slopeOption(s.clusters, { slope: t('coupons.slopeAxis'), cluster: clusterName }), [s, t, clusterName]);
  const shares = useMemo(() => segmentOption(s.segments, t('coupons.share')), [s, t]);
  const pct = (v: number | null) => (v === null || !Number.isFinite(v) ? '–' : `${fmt.dec(v * 100, 1)} %`);
  const slope = (v: number, lo: number, hi: number) => `${fmt.dec(pp10(v), 1)} (${fmt.dec(pp10(lo), 1)} – ${fmt.dec(pp10(hi), 1)})`;

  const save = async () => {
    setExportError(null);
    const result = await safeCall(() => api.exportCsv({ project, run: runId, lang, what: 'coupons' }));
    if (!result.ok) return setExportError(result.error);
    downloadBlob(new Blob([result.value.csv], { type: 'text/csv;charset=utf-8' }), result.value.filename);
  };

  return (
    <div className="coupons-run" data-testid="coupons-view" data-run-id={runId} data-rises={String(s.risesWithDiscount)} data-sensitive-clusters={s.clusters.filter((c) => c.sensitive).length}>
      <Card title={t('coupons.runTitle', { id: runId })} actions={<ReportButton runs={[runId]} />}>
        <p className={s.risesWithDiscount ? 'verdict' : 'verdict muted'} data-testid="coupons-verdict">
          <strong>{s.risesWithDiscount ? t('coupons.verdict.rises', { slope: slope(s.slope, s.slopeLow, s.slopeHigh), level: fmt.int(Math.round(s.confidence * 100)) }) : t('coupons.verdict.flat')}</strong>
        </p>
        <StatRow
          testId="coupons-kpis"
          items={[
            { label: t('coupons.kpi.customers'), value: fmt.int(s.customers), note: s.excludedCustomers > 0 ? t('coupons.kpi.excluded', { n: fmt.int(s.excludedCustomers), min: fmt.int(s.minOffers) }) : undefined },
            { label: t('coupons.kpi.levels'), value: s.levels.map((l) => `${l} %`).join(' · ') },
            { label: t('coupons.kpi.lines'), value: fmt.int(s.offeredLines), note: s.unmatchedLines > 0 ? t('coupons.kpi.unmatched', { n: fmt.int(s.unmatchedLines) }) : undefined },
            { label: t('coupons.kpi.seconds'), value: fmt.dec(s.seconds, 2) },
          ]}
        />
        <div className="export-buttons">
          <button type="button" className="btn btn-small" data-testid="export-coupons" onClick={() => void save()}>{t('coupons.export')}</button>
          {exportError && <ErrorMessage error={exportError} testId="export-error" />}
        </div>
      </Card>
      <Card title={t('coupons.clusters')} testId="coupons-clusters">
        <p className="muted small">{t('coupons.clusters.about', { n: fmt.int(s.bootstrap), level: fmt.int(Math.round(s.confidence * 100)) })}</p>
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('coupons.col.cluster')}</th><th className="num">{t('coupons.col.size')}</th><th className="num">{t('coupons.col.meanUseRate')}</th>
              {s.levels.map((l) => <th key={l} className="num">{t('coupons.col.rateAt', { level: l })}</th>)}
              <th className="num">{t('coupons.col.slope')}</th><th>{t('coupons.col.sensitive')}</th>
            </tr>
          </thead>
          <tbody>
            {s.clusters.map((c) => (
              <tr key={c.id} data-cluster={c.id} data-size={c.size} data-sensitive={String(c.sensitive)}>
                <th>{clusterName(c.id, c.sensitive)}</th>
                <td className="num">{fmt.int(c.size)}</td>
                <td className="num">{pct(c.meanUseRate)}</td>
                {c.useRateByLevel.map((r, l) => <td key={l} className="num" title={t('coupons.clickRate', { rate: pct(c.clickRateByLevel[l]) })}>{pct(r)}</td>)}
                <td className="num">{slope(c.slope, c.slopeLow, c.slopeHigh)}</td>
                <td>{c.sensitive ? '✓' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <div className="overview-grid">
        <ChartCard panelId="coupons-levels" title={t('coupons.chart.levels')} subtitle={t('coupons.chart.levels.hint', { level: fmt.int(Math.round(s.confidence * 100)) })} option={levels} reason={t('coupons.empty')} height={320} />
        <ChartCard panelId="coupons-slopes" title={t('coupons.chart.slopes')} subtitle={t('coupons.chart.slopes.hint', { level: fmt.int(Math.round(s.confidence * 100)) })} option={slopes} reason={t('coupons.empty')} height={320} />
      </div>
      {s.segmentRun !== null && (
        <Card title={t('coupons.segments', { run: s.segmentRun })} testId="coupons-segments">
          <table className="table compact">
            <thead>
              <tr><th>{t('coupons.col.segment')}</th><th className="num">{t('coupons.col.clustered')}</th><th className="num">{t('coupons.col.sensitiveCustomers')}</th><th className="num">{t('coupons.col.share')}</th></tr>
            </thead>
            <tbody>
              {s.segments.map((g) => (
                <tr key={g.segment} data-segment={g.segment} data-share={g.share ?? ''}>
                  <th>{g.name}</th>
                  <td className="num">{fmt.int(g.customers)}</td>
                  <td className="num">{fmt.int(g.sensitive)}</td>
                  <td className="num">{pct(g.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ChartCard panelId="coupons-shares" title={t('coupons.chart.shares')} option={shares} reason={t('coupons.empty')} height={Math.max(160, 40 + 32 * s.segments.length)} />
        </Card>
      )}
    </div>
  );
}

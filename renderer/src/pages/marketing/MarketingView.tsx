import { useMemo, useState } from 'react';
import type { MarketingSummary } from '../../../../core/model/marketing.js';
import type { ApiError } from '../../../../core/model/result.js';
import { safeCall } from '../../api/call.js';
import { useApi } from '../../api/context.js';
import { ChartCard } from '../../charts/ChartCard.js';
import { downloadBlob } from '../../charts/export.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { StatRow } from '../../components/StatRow.js';
import { noteIn } from '../../lib/notes.js';
import { useI18n } from '../../i18n/context.js';
import { displayName } from '../segments/labels.js';
import { histogramOption, lagOption, tierOption } from './options.js';
import { ReportButton } from '../../report/ReportButton.js';

/** One marketing-response run: headline figures, the per-segment table and charts, the lag regression of a chosen segment, the notes. */
export function MarketingView({ project, runId, summary: s }: { project: string; runId: number; summary: MarketingSummary }) {
  const api = useApi();
  const { t, fmt, lang } = useI18n();
  const [shown, setShown] = useState(0);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  // Default segment names ("segment 2"; "all" without a segmentation) as the Segments page says them in the UI language; the raw name stays in data-segment.
  const named = useMemo(() => s.segments.map((g) => ({ ...g, name: g.name === 'all' ? t('marketing.segment.all') : displayName(t, g.name), raw: g.name })), [s, t]);
  const segment = named[Math.min(shown, named.length - 1)];
  const tierLabel = (k: string) => t(`marketing.tier.${k as 'low' | 'mid' | 'high' | 'none'}`);
  const histogram = useMemo(() => histogramOption(named, { x: t('marketing.chart.response'), y: t('marketing.chart.share') }), [named, t]);
  const tiers = useMemo(() => tierOption(named, (k) => t(`marketing.tier.${k as 'low' | 'mid' | 'high' | 'none'}`)), [named, t]);
  const lags = useMemo(() => (segment ? lagOption(segment, { lag: t('marketing.chart.lag'), coef: t('marketing.chart.coef'), low: t('marketing.chart.low'), high: t('marketing.chart.high') }) : null), [segment, t]);
  const save = async () => {
    setExportError(null);
    const result = await safeCall(() => api.exportCsv({ project, run: runId, lang, what: 'marketing' }));
    if (!result.ok) return setExportError(result.error);
    downloadBlob(new Blob([result.value.csv], { type: 'text/csv;charset=utf-8' }), result.value.filename);
  };
  const reg = segment?.regression;
  const dec = (v: number | null, d = 3) => (v === null ? '—' : fmt.dec(v, d));
  return (
    <div className="marketing-run" data-testid="marketing-view" data-run-id={runId} data-segment={segment?.raw ?? ''}>
      <Card title={t('marketing.runTitle', { id: runId })} actions={<ReportButton runs={[runId]} />}>
        <StatRow
          testId="marketing-kpis"
          items={[
            { label: t('marketing.kpi.customers'), value: fmt.int(s.customers), note: s.customersOutside > 0 ? t('marketing.kpi.outside', { n: fmt.int(s.customersOutside) }) : undefined },
            { label: t('marketing.kpi.channels'), value: s.channels.join(', ') },
            { label: t('marketing.kpi.period'), value: s.periodFirstDay ? `${fmt.day(s.periodFirstDay)} – ${fmt.day(s.periodLastDay)}` : '—' },
            { label: t('marketing.kpi.seconds'), value: fmt.dec(s.seconds, 2) },
          ]}
        />
        <p className="muted small" data-testid="marketing-channels">
          {t('marketing.channels', { online: s.onlineChannel ?? '—', offline: s.offlineChannel ?? '—' })}
        </p>
        {s.tierBounds && (
          <p className="muted small" data-testid="marketing-bounds" data-bounds={s.tierBounds.join(',')}>
            {t(s.tierBoundsDefault ? 'marketing.boundsDefault' : 'marketing.boundsSet', { low: fmt.dec(s.tierBounds[0], 2), high: fmt.dec(s.tierBounds[1], 2), levels: s.offlineLevels.map((v) => fmt.dec(v, 2)).join(', ') })}
            {' '}{t('marketing.tierDays', { low: s.tierDays.low, mid: s.tierDays.mid, high: s.tierDays.high })}
          </p>
        )}
        <div className="export-buttons">
          <button type="button" className="btn btn-small" data-testid="export-marketing" onClick={() => void save()}>{t('marketing.export')}</button>
          {exportError && <ErrorMessage error={exportError} testId="export-error" />}
        </div>
      </Card>
      <Card title={t('marketing.segments')} testId="marketing-segments">
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('marketing.col.segment')}</th><th className="num">{t('marketing.col.customers')}</th><th className="num">{t('marketing.col.mean')}</th>
              <th className="num">{t('marketing.col.median')}</th><th className="num">{t('marketing.col.iqr')}</th><th>{t('marketing.col.tier')}</th>
              <th className="num">{t('marketing.tier.low')}</th><th className="num">{t('marketing.tier.mid')}</th><th className="num">{t('marketing.tier.high')}</th>
              <th className="num">{t('marketing.col.r2')}</th><th />
            </tr>
          </thead>
          <tbody>
            {named.map((g, i) => (
              <tr key={g.raw} data-segment={g.raw} data-online={g.onlineResponse ?? ''} data-tier={g.offlineTier ?? ''} className={i === shown ? 'selected' : undefined}>
                <th>{g.name}</th>
                <td className="num">{fmt.int(g.customers)}</td>
                <td className="num">{dec(g.onlineResponse)}</td>
                <td className="num">{dec(g.online.median)}</td>
                <td className="num">{g.online.q1 === null ? '—' : `${fmt.dec(g.online.q1, 2)}–${fmt.dec(g.online.q3, 2)}`}</td>
                <td>{g.offlineTier ? tierLabel(g.offlineTier) : '—'}</td>
                {(['low', 'mid', 'high'] as const).map((k) => <td key={k} className="num">{g.customers > 0 ? fmt.pct(g.tierCounts[k] / g.customers, 0) : '—'}</td>)}
                <td className="num">{dec(g.regression.r2)}</td>
                <td><button type="button" className="btn btn-small" data-testid={`marketing-show-${i}`} disabled={i === shown} onClick={() => setShown(i)}>{t('marketing.show')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <div className="overview-grid">
        <ChartCard panelId="marketing-histogram" title={t('marketing.chart.histogram')} subtitle={t('marketing.chart.histogram.hint')} option={histogram} reason={t('marketing.noOnline')} height={320} />
        <ChartCard panelId="marketing-tiers" title={t('marketing.chart.tiers')} subtitle={t('marketing.chart.tiers.hint')} option={tiers} reason={t('marketing.noOffline')} height={320} />
        <ChartCard panelId="marketing-lags" wide title={t('marketing.chart.lags', { name: segment?.name ?? '' })} subtitle={t('marketing.chart.lags.hint')} option={lags} reason={reg?.note ?? t('marketing.noRegression')} height={340} />
      </div>
      {reg && (
        <Card title={t('marketing.regression', { name: segment.name })} testId="marketing-regression">
          <p className="muted small" data-testid="marketing-regression-fit" data-r2={reg.r2 ?? ''}>
            {reg.days > 0 ? t('marketing.fit', { days: fmt.int(reg.days), first: fmt.day(reg.firstDay), last: fmt.day(reg.lastDay), r2: dec(reg.r2), adj: dec(reg.adjR2), hac: reg.hacLag }) : reg.note}
          </p>
          {reg.note && reg.days > 0 && <p className="muted small">{reg.note}</p>}
          {reg.coefficients.length > 0 && (
            <table className="table compact" data-testid="marketing-coefficients">
              <thead>
                <tr><th>{t('marketing.col.term')}</th><th className="num">{t('marketing.col.lag')}</th><th className="num">{t('marketing.col.estimate')}</th><th className="num">{t('marketing.col.se')}</th><th className="num">{t('marketing.col.ci')}</th><th className="num">p</th></tr>
              </thead>
              <tbody>
                {reg.coefficients.map((c) => (
                  <tr key={`${c.term}-${c.lag}`} data-term={c.term} data-lag={c.lag ?? ''}>
                    <th>{c.channel ?? t('marketing.intercept')}</th>
                    <td className="num">{c.lag ?? ''}</td>
                    <td className="num">{dec(c.estimate, 4)}</td>
                    <td className="num">{dec(c.se, 4)}</td>
                    <td className="num">{c.low === null ? '—' : `${fmt.dec(c.low, 3)} – ${fmt.dec(c.high, 3)}`}</td>
                    <td className="num">{c.p === null ? '—' : c.p < 0.001 ? '< 0.001' : fmt.dec(c.p, 3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      )}
      <Card title={t('marketing.notes')} testId="marketing-notes">
        <p data-testid="marketing-caveat">{t('marketing.caveat')}</p>
        <ul className="small">
          {s.notes.slice(1).map((n) => <li key={n}>{noteIn(n, lang)}</li>)}
        </ul>
      </Card>
    </div>
  );
}

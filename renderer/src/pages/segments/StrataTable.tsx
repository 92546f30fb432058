import type { SegmentationSummary } from '../../../../core/model/segment.js';
import { useI18n } from '../../i18n/context.js';
import { hasChannel, stratumLabel } from './RunCharts.js';

/** The strata of a stratified run (8, or 4 without a second channel group): channel group × spend grade, size, k, outliers, spend range. */
export function StrataTable({ summary }: { summary: SegmentationSummary }) {
  const { t, fmt } = useI18n();
  const strata = summary.strata ?? [];
  return (
    <section className="card" data-testid="strata-table" aria-label={t('segments.strata')}>
      <div className="card-head">
        <div>
          <h2 className="card-title">{t('segments.strata')}</h2>
          {summary.channelGroups && strata.some(hasChannel) && (
            <div className="card-subtitle muted">
              {summary.channelGroups.map((g) => t('segments.channelGroup', { channel: t(g.channel === 'offline' ? 'segments.offlineOnly' : 'segments.anyOnline'), n: fmt.int(g.customers), median: fmt.money(g.medianSpend) })).join(' · ')}
            </div>
          )}
        </div>
      </div>
      <div className="table-scroll">
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('segments.stratum')}</th>
              <th className="num">{t('segments.col.customers')}</th>
              <th className="num">k</th>
              <th className="num">{t('segments.kpi.outliers')}</th>
              <th className="num">{t('segments.col.spendRange')}</th>
            </tr>
          </thead>
          <tbody>
            {strata.map((s) => (
              <tr key={s.id}>
                <th scope="row">{stratumLabel(t, s)}</th>
                <td className="num">{fmt.int(s.customers)}</td>
                <td className="num">{s.k}</td>
                <td className="num">{fmt.int(s.outliers)}</td>
                <td className="num">
                  {fmt.money(s.spendFrom)} – {fmt.money(s.spendTo)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

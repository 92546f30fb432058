import type { PriceStatsRow } from '../../../../../core/model/overview.js';
import { useI18n } from '../../../i18n/context.js';

/** The flagged products with their price statistics (at most 20 rows: a plain table). */
export function FlaggedProductsTable({ rows }: { rows: PriceStatsRow[] }) {
  const { t, fmt } = useI18n();
  if (rows.length === 0) return <p className="muted">{t('overview.noneFlagged')}</p>;
  return (
    <div className="table-scroll flagged-table">
      <table className="table compact" data-testid="flagged-products">
        <thead>
          <tr>
            <th scope="col">{t('overview.product')}</th>
            <th scope="col">{t('field.category')}</th>
            <th scope="col" className="num">{t('overview.pricedLines')}</th>
            <th scope="col" className="num">{t('overview.median')}</th>
            <th scope="col" className="num">p5 – p95</th>
            <th scope="col" className="num">CV</th>
            <th scope="col" className="num">{t('overview.skewness')}</th>
            <th scope="col" className="num">{t('overview.kurtosis')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.product}>
              <td title={r.product}>
                {r.name ?? r.product} <span className="muted small">{r.name ? r.product : ''}</span>
              </td>
              <td>{r.category ?? '–'}</td>
              <td className="num">{fmt.int(r.n)}</td>
              <td className="num">{fmt.money(r.median)}</td>
              <td className="num">
                {fmt.money(r.p5)} – {fmt.money(r.p95)}
              </td>
              <td className="num">{fmt.dec(r.cv, 2)}</td>
              <td className="num">{fmt.dec(r.skewness, 2)}</td>
              <td className="num">{fmt.dec(r.kurtosis, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

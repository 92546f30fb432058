import type { SeriesForecast } from '../../../../core/model/forecast.js';
import { useI18n } from '../../i18n/context.js';
import { NARROW_95 } from './options.js';

/**
 * The backtest of one series: per model its mean MASE, sMAPE, RMSE and interval coverage over the
 * folds, the chosen model marked; a 95% interval that covered less than NARROW_95 of the actuals
 * is flagged "too narrow".
 */
export function BacktestTable({ result, money = false }: { result: SeriesForecast; /** The measure is amount: RMSE is money and its header names the unit. */ money?: boolean }) {
  const { t, fmt } = useI18n();
  const bt = result.backtest;
  if (!bt) return <p className="muted small" data-testid="forecast-no-backtest">{t('forecast.noBacktest')}</p>;
  const pct = (v: number) => `${fmt.dec(100 * v, 0)}%`;
  return (
    <>
      <p className="muted small">{t('forecast.backtest.about', { folds: bt.folds.length, horizon: bt.horizon, narrow: pct(NARROW_95) })}</p>
      <table className="table compact" data-testid="forecast-backtest">
        <thead>
          <tr>
            <th>{t('forecast.col.model')}</th><th>{t('forecast.col.spec')}</th><th className="num">MASE</th><th className="num">sMAPE</th><th className="num">{money ? fmt.moneyLabel('RMSE') : 'RMSE'}</th>
            <th className="num">{t('forecast.col.cov80')}</th><th className="num">{t('forecast.col.cov95')}</th><th />
          </tr>
        </thead>
        <tbody>
          {bt.models.map((m) => {
            const chosen = m.model === result.chosen;
            const narrow = m.mean.coverage95 < NARROW_95;
            return (
              <tr key={m.model} data-model={m.model} data-chosen={chosen ? 'true' : 'false'} data-mase={m.mean.mase} className={chosen ? 'selected' : undefined}>
                <th>{m.model}{chosen ? ' ✓' : ''}</th>
                <td className="small">{result.models.find((x) => x.model === m.model)?.spec ?? ''}</td>
                <td className="num">{fmt.dec(m.mean.mase, 3)}</td>
                <td className="num">{fmt.dec(m.mean.smape, 1)}</td>
                <td className="num">{money ? fmt.money(m.mean.rmse) : fmt.dec(m.mean.rmse, 1)}</td>
                <td className="num">{pct(m.mean.coverage80)}</td>
                <td className="num" data-narrow={narrow ? 'true' : 'false'}>{pct(m.mean.coverage95)}{narrow ? ` · ${t('forecast.tooNarrow')}` : ''}</td>
                <td className="small">{chosen ? t('forecast.chosen') : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

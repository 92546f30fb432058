import type { SpendMetrics } from '../../model/spend.js';

/** Amount predicted from a log1p-scale prediction: expm1, clipped at 0. */
export function toAmount(logPrediction: number): number {
  return Math.max(0, Math.expm1(logPrediction));
}

/**
 * Errors on amounts of log1p-scale predictions `pred` for the lines `rows` with true `amount`:
 * RMSLE = sqrt(mean((log1p(ŷ) − log1p(y))²)) (the seed's metric), RMSE = sqrt(mean((ŷ − y)²)),
 * MAE = mean|ŷ − y|, with ŷ = max(0, expm1(pred)). Zeros when there are no rows.
 */
export function spendMetrics(pred: ArrayLike<number>, amount: ArrayLike<number>, rows: ArrayLike<number>): SpendMetrics {
  const n = rows.length;
  if (pred.length !== n) throw new RangeError(`pred must have one value per row (${n}), got ${pred.length}`);
  let sl = 0, s2 = 0, sa = 0;
  for (let i = 0; i < n; i++) {
    const y = amount[rows[i]], yh = toAmount(pred[i]);
    const e = Math.log1p(yh) - Math.log1p(y);
    sl += e * e;
    s2 += (yh - y) * (yh - y);
    sa += Math.abs(yh - y);
  }
  return n === 0 ? { rmsle: 0, rmse: 0, mae: 0, lines: 0 } : { rmsle: Math.sqrt(sl / n), rmse: Math.sqrt(s2 / n), mae: sa / n, lines: n };
}

/** RMSLE alone (the importance and the verdict's bootstrap). */
export function rmsle(pred: ArrayLike<number>, amount: ArrayLike<number>, rows: ArrayLike<number>): number {
  return spendMetrics(pred, amount, rows).rmsle;
}

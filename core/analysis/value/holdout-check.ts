import { bgnbdExpected, type BgNbdParams } from './bgnbd.js';
import type { BtydSummary } from './rfm-summary.js';

/** One row of the calibration/holdout check: customers with that many calibration repeat purchases. */
export interface HoldoutCheckRow {
  /** '0', '1', …, or `${censor}+`. */
  frequency: string;
  customers: number;
  /** Mean actual repeat purchases in the holdout period. */
  actual: number;
  /** Mean expected purchases in the holdout period (BG/NBD conditional expectation). */
  predicted: number;
}

export interface HoldoutCheck {
  /** Holdout length in the model's time unit. */
  length: number;
  rows: HoldoutCheckRow[];
  /** Sums over every calibration customer. */
  actualTotal: number;
  predictedTotal: number;
  /** Mean absolute error of the per-customer predictions. */
  mae: number;
}

/**
 * The check BTYD users rely on (Fader, Hardie & Lee 2005, Figure 4; BTYD's
 * `bgnbd.PlotFreqVsConditionalExpectedFrequency`, lifetimes'
 * `plot_calibration_purchases_vs_holdout_purchases`): fit on the calibration period, predict each
 * customer's purchases over the holdout of `length` time units, and compare the means of actual
 * and predicted per calibration frequency 0, 1, …, censor−1, censor+ (censor 7 as BTYD).
 */
export function holdoutCheck(p: BgNbdParams, s: BtydSummary, length: number, censor = 7): HoldoutCheck {
  if (!Number.isInteger(censor) || censor < 1) throw new RangeError(`censor must be a positive integer, got ${censor}`);
  const count = new Float64Array(censor + 1), act = new Float64Array(censor + 1), pred = new Float64Array(censor + 1);
  let actualTotal = 0, predictedTotal = 0, abs = 0, n = 0;
  for (let i = 0; i < s.included.length; i++) {
    if (!s.included[i]) continue;
    const e = bgnbdExpected(p, length, s.frequency[i], s.recency[i], s.T[i]);
    const k = Math.min(s.frequency[i], censor);
    count[k]++;
    act[k] += s.holdout[i];
    pred[k] += e;
    actualTotal += s.holdout[i];
    predictedTotal += e;
    abs += Math.abs(e - s.holdout[i]);
    n++;
  }
  const rows: HoldoutCheckRow[] = [];
  for (let k = 0; k <= censor; k++) {
    if (count[k] === 0) continue;
    rows.push({ frequency: k === censor ? `${censor}+` : String(k), customers: count[k], actual: act[k] / count[k], predicted: pred[k] / count[k] });
  }
  return { length, rows, actualTotal, predictedTotal, mae: n > 0 ? abs / n : 0 };
}

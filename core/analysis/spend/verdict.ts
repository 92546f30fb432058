import type { SpendModelId, SpendVerdict } from '../../model/spend.js';
import { createRandom } from '../common/random.js';
import { toAmount } from './metrics.js';

/** One model's test predictions (log1p), aligned with the test rows. */
export interface ScoredModel {
  id: SpendModelId;
  pred: Float64Array;
}

const quantile = (s: Float64Array, q: number) => {
  const h = (s.length - 1) * q, lo = Math.floor(h), hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
};

/**
 * The verdict on the test split: the model with the lowest RMSLE wins; its difference to the
 * runner-up, RMSLE_w − RMSLE_r, gets a 95 % percentile bootstrap interval (Efron & Tibshirani
 * 1993, ch. 13) resampling customers with replacement (`resamples`, seeded), each resample
 * recomputing both RMSLEs over the drawn customers' lines — the lines of one customer stay
 * together, as their errors are correlated. `tie` when the interval contains 0.
 */
export function spendVerdict(models: ScoredModel[], amount: ArrayLike<number>, customer: ArrayLike<number>, rows: ArrayLike<number>, o: { resamples: number; seed: number }): SpendVerdict {
  if (models.length === 0) throw new RangeError('the verdict needs at least one model');
  const n = rows.length;
  const sq = models.map((m) => {
    const e = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const d = Math.log1p(toAmount(m.pred[i])) - Math.log1p(amount[rows[i]]);
      e[i] = d * d;
    }
    return e;
  });
  const score = sq.map((e) => (n ? Math.sqrt(e.reduce((a, v) => a + v, 0) / n) : 0));
  const order = models.map((_, i) => i).sort((a, b) => score[a] - score[b] || a - b);
  const w = order[0], r = order.length > 1 ? order[1] : -1;
  const winner = models[w].id;
  if (r < 0 || n === 0) return { winner, runnerUp: r < 0 ? null : models[r].id, difference: null, tie: false, text: `${winner} is the only model scored on the test split (RMSLE ${score[w].toFixed(3)}).` };
  // Per customer: lines and summed squared log errors of winner and runner-up.
  const slot = new Map<number, number>();
  const cn: number[] = [], cw: number[] = [], cr: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = customer[rows[i]];
    let s = slot.get(c);
    if (s === undefined) {
      s = cn.push(0) - 1;
      slot.set(c, s);
      cw.push(0);
      cr.push(0);
    }
    cn[s]++;
    cw[s] += sq[w][i];
    cr[s] += sq[r][i];
  }
  const C = cn.length, random = createRandom(o.seed), diffs = new Float64Array(o.resamples);
  for (let b = 0; b < o.resamples; b++) {
    let ln = 0, lw = 0, lr = 0;
    for (let k = 0; k < C; k++) {
      const s = random.int(C);
      ln += cn[s];
      lw += cw[s];
      lr += cr[s];
    }
    diffs[b] = Math.sqrt(lw / ln) - Math.sqrt(lr / ln);
  }
  diffs.sort();
  const mean = score[w] - score[r], lower = quantile(diffs, 0.025), upper = quantile(diffs, 0.975);
  const tie = lower <= 0 && upper >= 0;
  const ci = `95 % interval ${lower.toFixed(4)} to ${upper.toFixed(4)} over ${C} customers`;
  const text = tie
    ? `${winner} and ${models[r].id} tie on the test split: RMSLE ${score[w].toFixed(3)} vs ${score[r].toFixed(3)}, difference ${mean.toFixed(4)} (${ci} contains 0).`
    : `${winner} has the lowest test RMSLE, ${score[w].toFixed(3)}, ${(-mean).toFixed(4)} below ${models[r].id} (${score[r].toFixed(3)}; ${ci}).`;
  return { winner, runnerUp: models[r].id, difference: { mean, lower, upper }, tie, text };
}

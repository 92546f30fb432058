import type { DayLookup, SpendSeries } from './inputs.js';
import { olsHac, type OlsHacFit } from './ols-hac.js';

export interface LagDesign {
  /** Days of the fit (ascending). */
  days: Int32Array;
  /** Row-major n × p: intercept, then for each channel its spend at lags 0..maxLag. */
  X: Float64Array;
  y: Float64Array;
  p: number;
  /** Column names: term ('intercept' or channel), channel index (−1) and lag (−1 for the intercept). */
  channel: Int32Array;
  lag: Int32Array;
}

/**
 * The distributed-lag design (Almon 1965 without the polynomial constraint; an unrestricted
 * finite distributed lag): sales(t) = α + Σ_c Σ_{l=0..maxLag} β_{c,l} spend_c(t − l) + ε_t, over the
 * period's days t whose spend at every lag is in the file. `sales[d − first]` is the day's net
 * sales; days without purchases are 0 sales (no purchase is a real zero, not a missing value).
 */
export function lagDesign(spend: SpendSeries, lookup: DayLookup, channels: readonly number[], maxLag: number, sales: Float64Array, period: { first: number; last: number }): LagDesign {
  if (!Number.isInteger(maxLag) || maxLag < 0 || maxLag > 60) throw new RangeError(`maxLag must be an integer in 0..60, got ${maxLag}`);
  const p = 1 + channels.length * (maxLag + 1);
  const rows: number[] = [];
  for (let d = period.first; d <= period.last; d++) {
    let ok = true;
    for (let l = 0; l <= maxLag && ok; l++) {
      const k = lookup.at(d - l);
      ok = k >= 0 && channels.every((c) => !Number.isNaN(spend.values[c][k]));
    }
    if (ok) rows.push(d);
  }
  const n = rows.length;
  const X = new Float64Array(n * p), y = new Float64Array(n);
  rows.forEach((d, t) => {
    X[t * p] = 1;
    channels.forEach((c, ci) => {
      for (let l = 0; l <= maxLag; l++) X[t * p + 1 + ci * (maxLag + 1) + l] = spend.values[c][lookup.at(d - l)];
    });
    y[t] = sales[d - period.first];
  });
  const channel = new Int32Array(p).fill(-1), lag = new Int32Array(p).fill(-1);
  channels.forEach((c, ci) => {
    for (let l = 0; l <= maxLag; l++) {
      channel[1 + ci * (maxLag + 1) + l] = c;
      lag[1 + ci * (maxLag + 1) + l] = l;
    }
  });
  return { days: Int32Array.from(rows), X, y, p, channel, lag };
}

/**
 * The daily regression of sales on each channel's spend at lags 0..maxLag with Newey–West errors
 * (ols-hac.ts): null when there are not more days than columns (the note says so).
 */
export function lagRegression(design: LagDesign, hacLag: number | null): OlsHacFit | null {
  if (design.y.length <= design.p) return null;
  return olsHac(design.X, design.y, design.p, { hacLag });
}

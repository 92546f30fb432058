import { bgnbdPAlive, fitBgNbd, type BgNbdFit } from './bgnbd.js';
import { discountedValue, MONTH_DAYS } from './clv.js';
import { fitGammaGamma, gammaGammaExpectedSpend, type GammaGammaFit } from './gamma-gamma.js';
import { holdoutCheck, type HoldoutCheck } from './holdout-check.js';
import { btydSummary, type BtydSummary, type PurchaseDays } from './rfm-summary.js';

export const TIME_UNITS = ['day', 'week'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/** Days in one model time unit. */
export function unitDays(unit: TimeUnit): number {
  switch (unit) {
    case 'day':
      return 1;
    case 'week':
      return 7;
  }
}

/**
 * Defaults of the CLV analysis (issue #13). Weeks as the papers and BTYD; the last quarter of the
 * data's span held out for the check when no calibration end is given; a 1 % monthly discount
 * (≈ 12.7 % a year, lifetimes' example uses 0.01 too).
 */
export const CLV_DEFAULTS = {
  /** Last day (epoch day) of the calibration period; null: first day + 75 % of the span. */
  calibrationEnd: null as number | null,
  holdoutShare: 0.25,
  horizonDays: 365,
  timeUnit: 'week' as TimeUnit,
  monthlyDiscount: 0.01,
};

export type ClvOptions = typeof CLV_DEFAULTS;

export interface ClvCustomers extends BtydSummary {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  /** Gamma-Gamma expected spend per purchase. */
  expectedSpend: Float64Array;
  expectedValue: Float64Array;
}

export interface ClvModel {
  calibrationEnd: number;
  /** Last day of the data (end of the holdout, and the day predictions are made from). */
  lastDay: number;
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  /** Customers in the BG/NBD fit (first purchase ≤ calibrationEnd) and in the Gamma-Gamma fit (x > 0 among them). */
  calibrationCustomers: number;
  spendCustomers: number;
  /** Null when the calibration period reaches the last day (nothing held out). */
  check: HoldoutCheck | null;
  /** Every customer, summarised over the whole data, with the predictions over the horizon. */
  customers: ClvCustomers;
}

/**
 * The CLV pipeline: summarise the calibration period (rfm-summary.ts), fit the BG/NBD and the
 * Gamma-Gamma there, check the BG/NBD on the holdout, then predict for every customer from their
 * whole history (x, t_x, T at the last day) with the calibration fit's parameters: P(alive),
 * expected purchases over `horizonDays` and their value discounted monthly (clv.ts). The
 * parameters describe the population and are not refitted, so the reported fit is the one every
 * prediction uses. Deterministic (no randomness).
 */
export function clvModel(data: PurchaseDays, customers: number, options: Partial<ClvOptions> = {}, progress?: (phase: string) => void): ClvModel {
  const o: ClvOptions = { ...CLV_DEFAULTS, ...options };
  if (data.day.length === 0) throw new RangeError('the CLV model needs at least one purchase, got 0');
  if (!(o.horizonDays > 0)) throw new RangeError(`horizonDays must be positive, got ${o.horizonDays}`);
  if (!(o.holdoutShare >= 0 && o.holdoutShare < 1)) throw new RangeError(`holdoutShare must be in [0, 1), got ${o.holdoutShare}`);
  const u = unitDays(o.timeUnit);
  let first = Infinity, last = -Infinity;
  for (const d of data.day) {
    first = Math.min(first, d);
    last = Math.max(last, d);
  }
  const cutoff = o.calibrationEnd ?? first + Math.floor((last - first) * (1 - o.holdoutShare));
  if (cutoff < first) throw new RangeError(`calibrationEnd must be on or after the first purchase day (${first}), got ${cutoff}`);
  const cal = btydSummary(data, customers, cutoff, last, u);
  const fx: number[] = [], fr: number[] = [], fT: number[] = [], gx: number[] = [], gm: number[] = [];
  for (let i = 0; i < customers; i++) {
    if (!cal.included[i]) continue;
    fx.push(cal.frequency[i]);
    fr.push(cal.recency[i]);
    fT.push(cal.T[i]);
    if (cal.frequency[i] > 0 && cal.monetary[i] > 0) {
      gx.push(cal.frequency[i]);
      gm.push(cal.monetary[i]);
    }
  }
  progress?.('fit BG/NBD');
  const bgnbd = fitBgNbd({ frequency: fx, recency: fr, T: fT });
  progress?.('fit Gamma-Gamma');
  if (gx.length === 0) throw new RangeError('the Gamma-Gamma fit needs customers with a repeat purchase in the calibration period; none has one');
  const gammaGamma = fitGammaGamma({ frequency: gx, monetary: gm });
  if (!(gammaGamma.params.q > 1)) throw new RangeError(`the Gamma-Gamma fit gave q = ${gammaGamma.params.q.toFixed(3)} ≤ 1: spend per purchase is too heavy-tailed for a finite expected value`);
  progress?.('holdout check');
  const check = cutoff < last ? holdoutCheck(bgnbd.params, cal, (last - cutoff) / u) : null;
  progress?.('predict');
  const full = btydSummary(data, customers, last, last, u);
  const c: ClvCustomers = { ...full, pAlive: new Float64Array(customers), expectedPurchases: new Float64Array(customers), expectedSpend: new Float64Array(customers), expectedValue: new Float64Array(customers) };
  const horizon = o.horizonDays / u, month = MONTH_DAYS / u;
  for (let i = 0; i < customers; i++) {
    if (!full.included[i]) continue;
    const x = full.frequency[i], tx = full.recency[i], T = full.T[i];
    c.pAlive[i] = bgnbdPAlive(bgnbd.params, x, tx, T);
    c.expectedSpend[i] = gammaGammaExpectedSpend(gammaGamma.params, x, full.monetary[i]);
    const v = discountedValue(bgnbd.params, x, tx, T, c.expectedSpend[i], horizon, month, o.monthlyDiscount);
    c.expectedPurchases[i] = v.purchases;
    c.expectedValue[i] = v.value;
  }
  return { calibrationEnd: cutoff, lastDay: last, bgnbd, gammaGamma, calibrationCustomers: fx.length, spendCustomers: gx.length, check, customers: c };
}

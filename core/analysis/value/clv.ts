import { bgnbdExpected, type BgNbdParams } from './bgnbd.js';

/** A month, in days: the Gregorian mean (365.25 / 12). */
export const MONTH_DAYS = 365.25 / 12;

/**
 * Expected purchases over a horizon and their discounted value, as lifetimes'
 * `customer_lifetime_value` (a discrete approximation of the continuous-discounting integral):
 *   CLV = Σ_{m=1}^{M} (E[Y(t_m)] − E[Y(t_{m−1})]) · spend / (1 + d)^m,  t_m = min(m · month, horizon),
 * with E[Y(t)] the BG/NBD conditional expectation (bgnbd.ts), `spend` the Gamma-Gamma expected
 * spend per purchase, d the monthly discount rate and M = ⌈horizon / month⌉ (the last month may be
 * partial). `horizon` and `month` are in the model's time unit.
 */
export function discountedValue(p: BgNbdParams, x: number, tx: number, T: number, spend: number, horizon: number, month: number, monthlyDiscount: number): { purchases: number; value: number } {
  if (!(horizon >= 0)) throw new RangeError(`horizon must be non-negative, got ${horizon}`);
  if (!(month > 0)) throw new RangeError(`month must be positive, got ${month}`);
  if (!(monthlyDiscount > -1)) throw new RangeError(`monthlyDiscount must be above -1, got ${monthlyDiscount}`);
  const months = Math.ceil(horizon / month - 1e-9);
  let prev = 0, value = 0;
  for (let m = 1; m <= months; m++) {
    const e = bgnbdExpected(p, Math.min(m * month, horizon), x, tx, T);
    value += ((e - prev) * spend) / Math.pow(1 + monthlyDiscount, m);
    prev = e;
  }
  return { purchases: prev, value };
}

/**
 * The per-customer summary the BTYD models take, as BTYD (`dc.ElogToCbsCbt`) and lifetimes
 * (`summary_data_from_transaction_data`) build it from a transaction log:
 * - purchase occasions are days: several purchases on one day count once, their amounts summed;
 * - `frequency` x = repeat purchase days (distinct purchase days after the first) up to the cutoff;
 * - `recency` t_x = time from the first purchase to the last repeat one (0 when x = 0);
 * - `T` = time from the first purchase to the cutoff (the end of the calibration period);
 * - `monetary` = mean amount of the repeat purchase days (the first purchase left out, the
 *   lifetimes convention the Gamma-Gamma fit on CDNOW uses; 0 when x = 0);
 * - `holdout` = purchase days after the cutoff up to `holdoutEnd` (the check's actual).
 * Times are in days divided by `unitDays` (1 = days, 7 = weeks).
 */

/** One row per customer and purchase day, sorted by customer then day; `customer` indexes 0..customers−1. */
export interface PurchaseDays {
  customer: Int32Array;
  /** Epoch day of the purchase. */
  day: Int32Array;
  /** Total amount of that customer's purchases on that day. */
  amount: Float64Array;
}

export interface BtydSummary {
  /** 1 when the customer's first purchase is on or before the cutoff (they enter the fit), else 0. */
  included: Uint8Array;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
  holdout: Float64Array;
}

/**
 * The summary at `cutoff` (epoch day, included in the calibration period). Customers whose first
 * purchase is after the cutoff are `included` 0 with zeros elsewhere.
 */
export function btydSummary(p: PurchaseDays, customers: number, cutoff: number, holdoutEnd: number, unitDays = 1): BtydSummary {
  if (!Number.isInteger(customers) || customers < 0) throw new RangeError(`customers must be a non-negative integer, got ${customers}`);
  if (!(unitDays > 0)) throw new RangeError(`unitDays must be positive, got ${unitDays}`);
  const s: BtydSummary = {
    included: new Uint8Array(customers), frequency: new Float64Array(customers), recency: new Float64Array(customers),
    T: new Float64Array(customers), monetary: new Float64Array(customers), holdout: new Float64Array(customers),
  };
  const n = p.customer.length;
  for (let i = 0; i < n; ) {
    const c = p.customer[i];
    if (c < 0 || c >= customers) throw new RangeError(`customer index must be in 0..${customers - 1}, got ${c}`);
    const first = p.day[i];
    let x = 0, last = first, sum = 0, hold = 0, prev = first - 1;
    for (; i < n && p.customer[i] === c; i++) {
      const d = p.day[i];
      if (d < prev) throw new RangeError('purchase days must be sorted by customer, then day');
      if (d === prev) throw new RangeError(`customer ${c} has day ${d} twice; purchases on one day must be summed first`);
      prev = d;
      if (d <= cutoff) {
        if (d > first) {
          x++;
          last = d;
          sum += p.amount[i];
        }
      } else if (d <= holdoutEnd) hold++;
    }
    if (first > cutoff) continue;
    s.included[c] = 1;
    s.frequency[c] = x;
    s.recency[c] = (last - first) / unitDays;
    s.T[c] = (cutoff - first) / unitDays;
    s.monetary[c] = x > 0 ? sum / x : 0;
    s.holdout[c] = hold;
  }
  return s;
}

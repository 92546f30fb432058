/**
 * The inputs of the marketing analyses, as arrays (the job reads them from the store).
 * Days are the project's integer days (days since 1970-01-01 UTC).
 */

/** The daily marketing spend: ascending distinct days, one value per channel and day (NaN = not in the file). */
export interface SpendSeries {
  days: Int32Array;
  channels: string[];
  values: Float64Array[];
}

/**
 * Each customer's net amount per day (CSR: customer i owns day/amount[start[i]..start[i+1]),
 * days ascending). A purchase day is a day with a positive net amount.
 */
export interface CustomerDays {
  start: Int32Array;
  day: Int32Array;
  amount: Float64Array;
}

/** Spend of one channel by day: O(1) lookup over the file's day range. */
export class DayLookup {
  readonly first: number;
  private readonly index: Int32Array;

  constructor(days: Int32Array) {
    this.first = days.length > 0 ? days[0] : 0;
    this.index = new Int32Array(days.length > 0 ? days[days.length - 1] - this.first + 1 : 0).fill(-1);
    days.forEach((d, i) => (this.index[d - this.first] = i));
  }

  /** Position of `day` in the spend file, or −1. */
  at(day: number): number {
    const k = day - this.first;
    return k >= 0 && k < this.index.length ? this.index[k] : -1;
  }
}

/** The overlap of the spend file's days and the purchase days: [first, last], or null when disjoint. */
export function overlapPeriod(spend: SpendSeries, purchases: CustomerDays): { first: number; last: number } | null {
  if (spend.days.length === 0) return null;
  let lo = Infinity, hi = -Infinity;
  for (let j = 0; j < purchases.day.length; j++) {
    if (!(purchases.amount[j] > 0)) continue;
    if (purchases.day[j] < lo) lo = purchases.day[j];
    if (purchases.day[j] > hi) hi = purchases.day[j];
  }
  const first = Math.max(lo, spend.days[0]), last = Math.min(hi, spend.days[spend.days.length - 1]);
  return first <= last ? { first, last } : null;
}

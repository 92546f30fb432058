import { monthIndexOf } from './offer-match.js';

/** Coupon status of a line as stored in lines.coupon. */
export const COUPON_STATUS = { notUsed: 0, clicked: 1, used: 2 } as const;

/**
 * Purchase lines with a known coupon status, columnar: the customer (store id), the day, the
 * discount of the offer that applies (NaN: none, see matchOffers) and the status (0 not used,
 * 1 clicked, 2 used).
 */
export interface CouponLines {
  customer: Int32Array;
  day: Int32Array;
  discount: Float64Array;
  status: Uint8Array;
}

/**
 * Counts per customer, level and month. Rows are the customers with at least one offered line,
 * by ascending id; level and month columns are row-major (n × levels.length, n × months.length).
 */
export interface CouponProfiles {
  customers: Int32Array;
  /** Discount levels found among the offered lines, percent, ascending. */
  levels: number[];
  /** Month indices (year·12 + month − 1) with offered lines, ascending. */
  months: number[];
  offered: Int32Array;
  used: Int32Array;
  clicked: Int32Array;
  monthOffered: Int32Array;
  monthUsed: Int32Array;
  /** Lines with a status and an offer. */
  offeredLines: number;
  /** Lines with a status but no offer that applies (left out). */
  unmatchedLines: number;
}

function checkLines(l: CouponLines): void {
  const n = l.customer.length;
  for (const [name, a] of [['day', l.day], ['discount', l.discount], ['status', l.status]] as const) {
    if (a.length !== n) throw new RangeError(`lines.${name} must have one entry per line (${n}), got ${a.length}`);
  }
  for (let i = 0; i < n; i++) {
    if (l.status[i] > 2) throw new RangeError(`lines.status must be 0, 1 or 2, got ${l.status[i]} at line ${i}`);
  }
}

/**
 * Each customer's offered lines, used and clicked lines, by discount level and by month (seed 004
 * §4: use rate per discount level; a click without use counts as not used, as Kaggle's
 * Coupon_Status separates "Clicked" from "Used").
 */
export function couponProfiles(lines: CouponLines): CouponProfiles {
  checkLines(lines);
  const n = lines.customer.length;
  const levelSet = new Set<number>(), monthSet = new Set<number>(), customerSet = new Set<number>();
  const monthOf = new Int32Array(n);
  let offeredLines = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(lines.discount[i])) continue;
    offeredLines++;
    levelSet.add(lines.discount[i]);
    monthOf[i] = monthIndexOf(lines.day[i]);
    monthSet.add(monthOf[i]);
    customerSet.add(lines.customer[i]);
  }
  const levels = [...levelSet].sort((a, b) => a - b);
  const months = [...monthSet].sort((a, b) => a - b);
  const customers = Int32Array.from([...customerSet].sort((a, b) => a - b));
  const L = levels.length, M = months.length, C = customers.length;
  const rowOf = new Map<number, number>();
  customers.forEach((c, r) => rowOf.set(c, r));
  const levelOf = new Map(levels.map((v, j) => [v, j]));
  const monthCol = new Map(months.map((v, j) => [v, j]));
  const p: CouponProfiles = {
    customers, levels, months,
    offered: new Int32Array(C * L), used: new Int32Array(C * L), clicked: new Int32Array(C * L),
    monthOffered: new Int32Array(C * M), monthUsed: new Int32Array(C * M),
    offeredLines, unmatchedLines: n - offeredLines,
  };
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(lines.discount[i])) continue;
    const r = rowOf.get(lines.customer[i])!;
    const a = r * L + levelOf.get(lines.discount[i])!, m = r * M + monthCol.get(monthOf[i])!;
    const s = lines.status[i];
    p.offered[a]++;
    p.monthOffered[m]++;
    if (s === COUPON_STATUS.used) {
      p.used[a]++;
      p.monthUsed[m]++;
    } else if (s === COUPON_STATUS.clicked) p.clicked[a]++;
  }
  return p;
}

/** Rows whose every level has at least `minOffers` offered lines (the customers that can be profiled). */
export function eligibleRows(p: CouponProfiles, minOffers: number): Int32Array {
  const L = p.levels.length;
  const rows: number[] = [];
  for (let r = 0; r < p.customers.length; r++) {
    let ok = true;
    for (let l = 0; l < L && ok; l++) ok = p.offered[r * L + l] >= minOffers;
    if (ok) rows.push(r);
  }
  return Int32Array.from(rows);
}

/** Row-major (rows.length × levels) use rates used ÷ offered of the given rows (every level offered). */
export function rateMatrix(p: CouponProfiles, rows: Int32Array, of: 'used' | 'clicked' = 'used'): Float64Array {
  const L = p.levels.length;
  const num = of === 'used' ? p.used : p.clicked;
  const out = new Float64Array(rows.length * L);
  rows.forEach((r, i) => {
    for (let l = 0; l < L; l++) out[i * L + l] = num[r * L + l] / p.offered[r * L + l];
  });
  return out;
}

/** Each given row's overall use rate: Σ used ÷ Σ offered over the levels. */
export function overallRates(p: CouponProfiles, rows: Int32Array): Float64Array {
  const L = p.levels.length;
  return Float64Array.from(rows, (r) => {
    let u = 0, o = 0;
    for (let l = 0; l < L; l++) {
      u += p.used[r * L + l];
      o += p.offered[r * L + l];
    }
    return u / o;
  });
}

/** Each given row's monthly use-rate series over the months it was offered a coupon, in month order. */
export function monthlySeries(p: CouponProfiles, rows: Int32Array): Float64Array[] {
  const M = p.months.length;
  return Array.from(rows, (r) => {
    const s: number[] = [];
    for (let m = 0; m < M; m++) if (p.monthOffered[r * M + m] > 0) s.push(p.monthUsed[r * M + m] / p.monthOffered[r * M + m]);
    return Float64Array.from(s);
  });
}

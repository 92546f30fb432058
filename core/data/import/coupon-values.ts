import type { IssueLog } from './issues.js';

/**
 * Parsers for the values of coupon data (issue #11): a line's coupon status, an offer's month and
 * its discount. Each returns `undefined` for text it cannot read, so the converter can name the
 * column and the reason in the import report rather than guess.
 */

/** A line's coupon status as stored in lines.coupon: 0 not used, 1 clicked, 2 used (NULL = unknown). */
export const CouponStatus = { NOT_USED: 0, CLICKED: 1, USED: 2 } as const;

// Keys are lower case with runs of spaces, underscores and hyphens made one space ("Not_Used" ≡ "not used").
const STATUSES: Record<string, number> = {
  used: 2, use: 2, y: 2, yes: 2, '1': 2, true: 2, 사용: 2, 사용함: 2,
  clicked: 1, click: 1, 클릭: 1,
  'not used': 0, unused: 0, no: 0, n: 0, '0': 0, false: 0, 미사용: 0, 사용안함: 0, '사용 안함': 0,
};

/**
 * A coupon status: used/use/y/yes/1/true/사용/사용함 → 2; clicked/click/클릭 → 1;
 * not used/unused/no/n/0/false/미사용/사용안함 → 0 (case and spacing ignored: "Not Used",
 * "not_used"); empty → null (unknown); anything else → undefined (the caller flags it).
 */
export function parseCouponStatus(s: string): number | null | undefined {
  const t = s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  if (t === '') return null;
  return STATUSES[t];
}

/**
 * A line's coupon status for the canonical model (generic `coupon` field, L.point PDDE `coupon`
 * column). A value the importer does not know is flagged and stored unknown (null): the line
 * itself is a good purchase, and a guess would put it in the wrong group.
 */
export function readCoupon(text: string, line: number, column: string, log: IssueLog): number | null {
  const status = parseCouponStatus(text);
  if (status !== undefined) return status;
  log.flag(line, column, text, 'unknown coupon status (expected used / clicked / not used, 사용 / 클릭 / 미사용); stored as unknown');
  return null;
}

/** A month of an offer: year null = that month of every year (the Kaggle file's "Jan" … "Dec"). */
export interface OfferMonth {
  year: number | null;
  month: number;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthOfName(s: string): number | undefined {
  const t = s.toLowerCase().replace(/\.$/, '');
  let i = MONTH_NAMES.indexOf(t);
  if (i < 0) i = FULL_NAMES.indexOf(t);
  if (i < 0 && t === 'sept') i = 8;
  return i < 0 ? undefined : i + 1;
}

function validYear(y: number): boolean {
  return y >= 1900 && y <= 2200;
}

/**
 * An offer's month: YYYY-MM, YYYY/MM or YYYY.MM; YYYY년 M월; a month name (Jan…Dec, January…,
 * case-insensitive) alone or with a year (Jan 2019, Jan-2019, January 2019); M월 alone. Without a
 * year the offer holds in that month of every year. Bare numbers ("1", "201901") are not read:
 * they could be a month, a day or a count.
 */
export function parseOfferMonth(s: string): OfferMonth | undefined {
  const t = s.trim();
  let m = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/.exec(t) ?? /^(\d{4})\s*년\s*(\d{1,2})\s*월$/.exec(t);
  if (m) {
    const year = +m[1], month = +m[2];
    return validYear(year) && month >= 1 && month <= 12 ? { year, month } : undefined;
  }
  m = /^(\d{1,2})\s*월$/.exec(t);
  if (m) return +m[1] >= 1 && +m[1] <= 12 ? { year: null, month: +m[1] } : undefined;
  m = /^([A-Za-z]+\.?)(?:[\s,'-]+(\d{4}))?$/.exec(t);
  if (m) {
    const month = monthOfName(m[1]);
    if (month === undefined) return undefined;
    if (m[2] === undefined) return { year: null, month };
    return validYear(+m[2]) ? { year: +m[2], month } : undefined;
  }
  return undefined;
}

/** A discount as written: the number and whether it carried a percent sign ("10%"). */
export interface DiscountValue {
  value: number;
  percentSign: boolean;
}

/**
 * A discount: "10", "10%", "10 %", "0.1", "12.5%". Negative values and values above 100 are not
 * discounts (undefined). Whether a bare value at most 1 is a fraction (0.1 = 10%) is decided for
 * the whole file once it is read (see docs/decisions/0013), so this returns the number as written.
 */
export function parseDiscount(s: string): DiscountValue | undefined {
  let t = s.trim();
  const percentSign = t.endsWith('%');
  if (percentSign) t = t.slice(0, -1).trim();
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(t)) return undefined;
  const value = Number(t);
  if (!Number.isFinite(value) || value > 100) return undefined;
  return { value, percentSign };
}

import { parseDiscount, parseOfferMonth } from './coupon-values.js';
import type { Mapping } from './mapping.js';
import type { Encoder } from './encoder.js';
import type { IssueLog } from './issues.js';
import { checkRecord, PlanError, type ImportPlan } from './plan.js';
import { describeDateFormat, guessDateFormat, isoDate, parseDateTime, type DateFormat } from './values.js';

/**
 * The import plan of a coupon offers file (issue #11, role `coupons`; Kaggle's Discount_Coupon.csv:
 * Month, Product_Category, Coupon_Code, Discount_pct). Each row is one offer: a period, a product
 * category, an optional code and a discount in percent.
 *
 * The period is a month (`month`: YYYY-MM, Jan…, 1월…; no year = that month of every year) or a
 * date range (`from` and `to`, inclusive). When a row has both, the range is used. Discounts are
 * percentages; whether bare values at most 1 are fractions is decided for the whole file by the
 * sink (docs/decisions/0013-marketing-and-coupon-imports.md).
 */
export function couponsPlan(header: readonly string[], mapping: Mapping, sample: readonly string[][]): ImportPlan {
  const col = (field: keyof Mapping): number => (mapping[field] === undefined ? -1 : header.indexOf(mapping[field] as string));
  const [iMonth, iFrom, iTo, iCat, iCode, iDisc] = (['month', 'from', 'to', 'category', 'code', 'discount'] as const).map(col);
  const notes: string[] = [];
  let format: DateFormat = 'iso';
  if (iFrom >= 0) {
    const dates = sample.flatMap((r) => [r[iFrom] ?? '', r[iTo] ?? '']);
    const guessed = guessDateFormat(dates);
    if (guessed === undefined && dates.some((d) => d.trim() !== '')) throw new PlanError(`cannot read the dates in columns ${mapping.from} and ${mapping.to} (first value ${JSON.stringify(sample[0]?.[iFrom] ?? '')}); expected YYYY-MM-DD, YYYYMMDD, M/D/YYYY or D/M/YYYY`, 2, mapping.from as string);
    format = guessed ?? 'iso';
    notes.push(`offer dates ${describeDateFormat(format, dates)}`);
  }
  notes.push(iMonth >= 0 && iFrom >= 0 ? `each offer holds in its ${mapping.from}–${mapping.to} range, or in its ${mapping.month} when the range is empty` : iMonth >= 0 ? `each offer holds in its month (${mapping.month}); a month without a year holds in that month of every year` : `each offer holds from ${mapping.from} to ${mapping.to}, both days included`);
  const name = (i: number): string => header[i];
  // Columns no field takes are kept in raw_extra, as every generic import keeps them.
  const unmapped = header.filter((h) => !Object.values(mapping).includes(h));
  const extra = unmapped.map((h) => [h, header.indexOf(h)] as const);
  return {
    format: 'generic',
    table: 'coupons',
    target: 'coupons',
    mapping: mapping as Record<string, string>,
    unmapped,
    notes,
    converter: (writer, log, hdr) => {
      /** Period and category (lower case) → the line of the first offer for them. */
      const seen = new Map<string, number>();
      return (f, line, suspect) => {
        if (!checkRecord(f, line, hdr, log, suspect)) return false;
        if (!convert(writer, log, f, line, seen)) return false;
        if (extra.length > 0) writer.addExtra(line, Object.fromEntries(extra.map(([h, i]) => [h, f[i]])));
        return true;
      };
    },
  };
  function convert(writer: Encoder, log: IssueLog, f: string[], line: number, seen: Map<string, number>): boolean {
    const category = f[iCat].trim();
    if (category === '') return void log.reject(line, name(iCat), '', 'missing category'), false;
    const disc = parseDiscount(f[iDisc]);
    if (disc === undefined) return void log.reject(line, name(iDisc), f[iDisc], f[iDisc].trim() === '' ? 'missing discount' : 'discount is not a percentage from 0 to 100 (10, 10% or, for a whole file of fractions, 0.1)'), false;
    let fromDay: number | null = null, toDay: number | null = null, year: number | null = null, month: number | null = null;
    const fromText = iFrom >= 0 ? f[iFrom].trim() : '', toText = iTo >= 0 ? f[iTo].trim() : '';
    if (fromText !== '' || toText !== '') {
      if (fromText === '' || toText === '') return void log.reject(line, fromText === '' ? name(iFrom) : name(iTo), '', 'a date range needs both its first and last day'), false;
      const a = parseDateTime(fromText, format), b = parseDateTime(toText, format);
      if (a === undefined) return void log.reject(line, name(iFrom), fromText, `not a date in the file's format (${format})`), false;
      if (b === undefined) return void log.reject(line, name(iTo), toText, `not a date in the file's format (${format})`), false;
      if (b.day < a.day) return void log.reject(line, name(iTo), toText, `the last day ${isoDate(b.day)} is before the first day ${isoDate(a.day)}`), false;
      [fromDay, toDay] = [a.day, b.day];
    } else {
      const text = iMonth >= 0 ? f[iMonth] : '';
      if (text.trim() === '') return void log.reject(line, iMonth >= 0 ? name(iMonth) : name(iFrom), '', 'missing period: the offer has no month and no date range'), false;
      const m = parseOfferMonth(text);
      if (m === undefined) return void log.reject(line, name(iMonth), text, 'not a month (expected YYYY-MM, YYYY/MM, Jan…Dec, January…December or 1월…12월)'), false;
      [year, month] = [m.year, m.month];
    }
    const code = iCode >= 0 && f[iCode].trim() !== '' ? f[iCode].trim() : null;
    // Two offers for one category in one period make "the discount a line saw" ambiguous: kept, flagged.
    const key = `${fromDay}|${toDay}|${year}|${month}|${category.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) log.flag(line, name(iCat), category, `another offer for ${category} in the same period (first on line ${first})`);
    else seen.set(key, line);
    writer.addOffer({ line, fromDay, toDay, year, month, category, code, discount: disc.value, percentSign: disc.percentSign });
    return true;
  }
}

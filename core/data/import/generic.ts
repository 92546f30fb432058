import { currencyOfSign, currencySignOf } from '../../model/currency.js';
import { LineFlag } from '../../model/flags.js';
import type { GenericRole } from '../../model/import.js';
import { readCoupon } from './coupon-values.js';
import { couponsPlan } from './coupons.js';
import { parseAge, parseGender } from './demographics.js';
import { marketingPlan } from './marketing.js';
import type { Mapping } from './mapping.js';
import { checkRecord, PlanError, type ImportPlan, type RowConverter } from './plan.js';
import { describeDateFormat, guessDateFormat, isoDate, normaliseId, parseDateTime, parseDecimal, type DateFormat } from './values.js';
import type { Encoder } from './encoder.js';
import type { IssueLog } from './issues.js';

/**
 * Codes that are not products but postage, fees and manual adjustments (the UCI Online Retail
 * file has all of these). Lines with them are kept, flagged NON_PRODUCT, so recommenders and
 * basket rules can leave them out while sales totals still reconcile.
 */
const NON_PRODUCT = new Set(['post', 'dot', 'd', 'm', 'c2', 's', 'b', 'bank charges', 'amazonfee', 'cruk', 'pads', 'adjust', 'adjust2', 'test001', 'test002']);

function isNonProduct(code: string): boolean {
  return NON_PRODUCT.has(code.toLowerCase()) || /^gift_\d/i.test(code);
}

const CHANNELS: Record<string, number> = { '1': 1, offline: 1, store: 1, instore: 1, 'in-store': 1, 오프라인: 1, '2': 2, online: 2, web: 2, app: 2, mobile: 2, ecommerce: 2, 'e-commerce': 2, 온라인: 2 };

const TARGET = { transactions: 'purchases', customers: 'customers', products: 'products' } as const;

/** The import plan of a generic file: the role, the resolved mapping and the sampled date format. */
export function genericPlan(role: GenericRole, header: readonly string[], mapping: Mapping, sample: readonly string[][]): ImportPlan {
  if (role === 'marketing') return marketingPlan(header, mapping, sample);
  if (role === 'coupons') return couponsPlan(header, mapping, sample);
  const col = (field: keyof Mapping): number => (mapping[field] === undefined ? -1 : header.indexOf(mapping[field] as string));
  const usedColumns = new Set(Object.values(mapping));
  const unmapped = header.filter((h) => !usedColumns.has(h));
  const notes: string[] = [];
  let dateFormat: DateFormat = 'iso';
  let currencySign: string | undefined;
  if (role === 'transactions') {
    const iDate = col('date');
    const dates = sample.map((r) => r[iDate] ?? '');
    const guessed = guessDateFormat(dates);
    if (guessed === undefined) throw new PlanError(`cannot read the dates in column ${mapping.date} (first value ${JSON.stringify(sample[0]?.[iDate] ?? '')}); expected YYYY-MM-DD[ HH:MM[:SS]], YYYYMMDD, M/D/YYYY or D/M/YYYY`, 2, mapping.date as string);
    dateFormat = guessed;
    notes.push(describeDateFormat(dateFormat, dates));
    if (!mapping.amount && mapping.unitPrice) notes.push(mapping.quantity ? 'amount = quantity × unit price' : 'amount = unit price (no quantity column: quantity 1)');
    if (!mapping.amount && !mapping.unitPrice) notes.push('no amount or unit price column: amounts are unknown (stored empty, not 0); analyses that need money say so');
    if (!mapping.quantity) notes.push('no quantity column: each line counts as quantity 1');
    if (!mapping.product) notes.push('no product column: lines have no product; product analyses (rules, recommendations, category panels) say so');
    if (!mapping.receipt) notes.push("no receipt column: one customer's purchases on one day form one receipt");
    if (mapping.coupon) notes.push(`coupon status read from ${mapping.coupon} (used / clicked / not used; other values are flagged and stored as unknown)`);
    currencySign = sampledCurrencySign(sample, [col('amount'), col('unitPrice')]);
    if (currencySign !== undefined) notes.push(`amounts carry ${JSON.stringify(currencySign)}: the project's currency is guessed as ${currencyOfSign(currencySign)} unless set`);
  }
  // A customers file's columns beyond the fixed fields become named customer attributes.
  const attributes = role === 'customers' ? unmapped.filter((h) => h.trim() !== '') : [];
  if (attributes.length > 0) notes.push(`customer attributes: ${attributes.join(', ')} (numeric when every value is a number, else categorical)`);
  return {
    format: 'generic',
    table: role,
    target: TARGET[role],
    mapping: mapping as Record<string, string>,
    unmapped,
    notes,
    ...(attributes.length > 0 ? { attributes } : {}),
    ...(currencySign !== undefined ? { currencySign } : {}),
    amountOf: role === 'transactions' ? (f) => {
      const [iAmt, iQty, iPrice] = [col('amount'), col('quantity'), col('unitPrice')];
      if (iAmt >= 0) return parseDecimal(f[iAmt] ?? '');
      if (iPrice < 0) return undefined;
      const q = iQty >= 0 ? parseDecimal(f[iQty] ?? '') : 1;
      const p = parseDecimal(f[iPrice] ?? '');
      return q === undefined || p === undefined ? undefined : q * p;
    } : undefined,
    converter: (writer, log, hdr) => {
      // Attribute columns are stored as attributes, not again as raw extras.
      const extra = unmapped.filter((h) => !attributes.includes(h)).map((h) => [h, hdr.indexOf(h)] as const);
      const attributeColumns = attributes.map((h) => [h, hdr.indexOf(h)] as const);
      const convert = role === 'transactions' ? transactions(writer, log, col, hdr, dateFormat) : role === 'customers' ? customers(writer, log, col, mapping, attributeColumns) : products(writer, log, col, hdr);
      return (fields, line, suspect) => {
        if (!checkRecord(fields, line, hdr, log, suspect) || !convert(fields, line, suspect)) return false;
        if (extra.length > 0) writer.addExtra(line, Object.fromEntries(extra.map(([h, i]) => [h, fields[i]])));
        return true;
      };
    },
  };
}

type Col = (field: keyof Mapping) => number;

/** The first currency sign or code in the sampled values of the given columns (-1: absent), or undefined. */
function sampledCurrencySign(sample: readonly string[][], columns: readonly number[]): string | undefined {
  for (const row of sample) {
    for (const i of columns) {
      const sign = i >= 0 ? currencySignOf(row[i] ?? '') : undefined;
      if (sign !== undefined) return sign;
    }
  }
  return undefined;
}

function transactions(w: Encoder, log: IssueLog, col: Col, header: readonly string[], dateFormat: DateFormat): RowConverter {
  const [iCust, iRct, iDate, iProd, iName, iCat, iCat2, iQty, iAmt, iPrice, iChan, iStore, iRegion, iCoupon] = (
    ['customer', 'receipt', 'date', 'product', 'productName', 'category', 'category2', 'quantity', 'amount', 'unitPrice', 'channel', 'store', 'region', 'coupon'] as const
  ).map(col);
  const describedProducts = new Set<string>();
  const describedCustomers = new Set<string>();
  const colName = (i: number, field: string): string => (i >= 0 ? header[i] : field);
  return (f, line) => {
    const dt = parseDateTime(f[iDate], dateFormat);
    if (dt === undefined) return void log.reject(line, colName(iDate, 'date'), f[iDate], `not a date in the file's format (${dateFormat}) or an impossible date or hour`), false;
    let product: string | null = null;
    if (iProd >= 0) {
      product = f[iProd].trim();
      if (product === '') return void log.reject(line, colName(iProd, 'product'), '', 'missing product code'), false;
    }
    let quantity = 1;
    if (iQty >= 0) {
      const q = parseDecimal(f[iQty]);
      if (q === undefined) return void log.reject(line, colName(iQty, 'quantity'), f[iQty], 'quantity is not a number'), false;
      quantity = q;
    }
    let unitPrice: number | null = null;
    if (iPrice >= 0) {
      const p = parseDecimal(f[iPrice]);
      if (p === undefined) return void log.reject(line, colName(iPrice, 'unitPrice'), f[iPrice], 'unit price is not a number'), false;
      unitPrice = p;
    }
    // No amount and no unit price (item logs): the amount is unknown, NULL, never 0.
    let amount: number | null = null;
    if (iAmt >= 0) {
      const a = parseDecimal(f[iAmt]);
      if (a === undefined) return void log.reject(line, colName(iAmt, 'amount'), f[iAmt], 'amount is not a number'), false;
      amount = a;
      if (unitPrice === null && quantity !== 0) unitPrice = amount / quantity;
    } else if (unitPrice !== null) {
      amount = quantity * unitPrice;
    }
    let channel: number | null = null;
    if (iChan >= 0 && f[iChan].trim() !== '') {
      const c = CHANNELS[f[iChan].trim().toLowerCase()];
      if (c === undefined) return void log.reject(line, colName(iChan, 'channel'), f[iChan], 'unknown channel (expected offline/online or 1/2)'), false;
      channel = c;
    }
    const cust = iCust >= 0 ? normaliseId(f[iCust]) : '';
    const customer = cust === '' ? null : cust;
    const rctValue = iRct >= 0 ? f[iRct].trim() : '';
    const receipt = rctValue !== '' ? rctValue : customer !== null ? `${customer}|${isoDate(dt.day)}` : `line:${line}`;
    let flags = 0;
    const reasons: string[] = [];
    if (quantity < 0 || (amount !== null && amount < 0)) { flags |= LineFlag.RETURN; reasons.push('return (negative quantity or amount)'); }
    if (/^C\d/.test(rctValue) && flags & LineFlag.RETURN) { flags |= LineFlag.CANCELLATION; reasons.push('cancelled invoice (number starts with C)'); }
    if (unitPrice === 0 || amount === 0) { flags |= LineFlag.ZERO_PRICE; reasons.push('zero price'); }
    if (unitPrice !== null && unitPrice < 0) { flags |= LineFlag.NEGATIVE_PRICE; reasons.push('negative unit price (adjustment)'); }
    if (product !== null && isNonProduct(product)) { flags |= LineFlag.NON_PRODUCT; reasons.push('not a product (postage, fee or adjustment)'); }
    if (flags !== 0) {
      const flagCol = flags & (LineFlag.RETURN | LineFlag.CANCELLATION) ? (iQty >= 0 ? iQty : iAmt) : flags & (LineFlag.ZERO_PRICE | LineFlag.NEGATIVE_PRICE) ? (iPrice >= 0 ? iPrice : iAmt) : iProd;
      log.flag(line, colName(flagCol, ''), flagCol >= 0 ? f[flagCol] : '', reasons.join('; '));
    }
    if (product !== null && !describedProducts.has(product) && (iName >= 0 || iCat >= 0)) {
      const text = (i: number): string | null => (i >= 0 && f[i].trim() !== '' ? f[i].trim() : null);
      const d = { name: text(iName), category: text(iCat), category2: text(iCat2) };
      if (d.name !== null || d.category !== null) {
        w.describeProduct(product, d, false);
        describedProducts.add(product);
      }
    }
    if (customer !== null && iRegion >= 0 && !describedCustomers.has(customer) && f[iRegion].trim() !== '') {
      w.describeCustomer(customer, { region: f[iRegion].trim() }, false);
      describedCustomers.add(customer);
    }
    const store = iStore >= 0 && f[iStore].trim() !== '' ? f[iStore].trim() : null;
    const coupon = iCoupon >= 0 ? readCoupon(f[iCoupon], line, colName(iCoupon, 'coupon'), log) : null;
    const differs = w.addLine({ receipt, customer, product, day: dt.day, hour: dt.hour, channel, retailer: null, store, quantity, amount, flags, coupon });
    if (differs !== null) {
      const i = differs === 'day' || differs === 'hour' ? iDate : differs === 'channel' ? iChan : iStore;
      log.flag(line, colName(i, differs), i >= 0 ? f[i] : '', `${differs} differs from the first line of receipt ${receipt} (the receipt keeps the first value)`);
    }
    return true;
  };
}

function customers(w: Encoder, log: IssueLog, col: Col, mapping: Mapping, attributes: readonly (readonly [string, number])[]): RowConverter {
  const [iCust, iGender, iAge, iRegion] = (['customer', 'gender', 'age', 'region'] as const).map(col);
  const seen = new Map<string, number>();
  return (f, line) => {
    const cust = normaliseId(f[iCust]);
    if (cust === '') return void log.reject(line, mapping.customer as string, '', 'missing customer id'), false;
    const first = seen.get(cust);
    if (first !== undefined) return void log.reject(line, mapping.customer as string, cust, `duplicate customer id (first on line ${first})`), false;
    let gender: string | null = null;
    if (iGender >= 0 && f[iGender].trim() !== '') {
      const g = parseGender(f[iGender]);
      if (g === undefined) return void log.reject(line, mapping.gender as string, f[iGender], 'unknown gender (expected F/M, female/male, 여성/남성)'), false;
      gender = g;
    }
    let ageBand: string | null = null, age: number | null = null;
    if (iAge >= 0 && f[iAge].trim() !== '') {
      const a = parseAge(f[iAge]);
      if (a === undefined) return void log.reject(line, mapping.age as string, f[iAge], 'unknown age (expected a number, 30s, 30-39 or 30대)'), false;
      ageBand = a.band;
      age = a.age;
    }
    seen.set(cust, line);
    w.describeCustomer(cust, { gender, ageBand, age, region: iRegion >= 0 ? f[iRegion].trim() || null : null });
    for (const [name, i] of attributes) {
      const text = f[i].trim();
      if (text !== '') w.setAttribute(cust, name, parseDecimal(text) ?? null, text);
    }
    return true;
  };
}

function products(w: Encoder, log: IssueLog, col: Col, header: readonly string[]): RowConverter {
  const [iProd, iName, iCat, iCat2] = (['product', 'productName', 'category', 'category2'] as const).map(col);
  const seen = new Map<string, number>();
  const text = (f: string[], i: number): string | null => (i >= 0 && f[i].trim() !== '' ? f[i].trim() : null);
  return (f, line) => {
    const code = f[iProd].trim();
    if (code === '') return void log.reject(line, header[iProd], '', 'missing product code'), false;
    const first = seen.get(code);
    if (first !== undefined) return void log.reject(line, header[iProd], code, `duplicate product code (first on line ${first})`), false;
    seen.set(code, line);
    w.describeProduct(code, { name: text(f, iName), category: text(f, iCat), category2: text(f, iCat2) });
    return true;
  };
}

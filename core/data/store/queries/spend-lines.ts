import type { SpendLines } from '../../../model/spend.js';
import type { Db } from '../open.js';
import { PURCHASE_LINE } from './baskets.js';

/** PURCHASE_LINE on the `lines` table aliased `l`. */
const LINE = PURCHASE_LINE.replace(/\b(customer_id|product_id|quantity|amount|flags)\b/g, 'l.$1');

export type { SpendLines };

/** Category codes of a text column: each distinct non-empty value's index in the sorted levels, −1 when missing. */
function encode(values: (string | null)[]): { codes: Int32Array; levels: string[] } {
  const levels = [...new Set(values.filter((v): v is string => v !== null && v !== ''))].sort();
  const index = new Map(levels.map((v, i) => [v, i]));
  return { codes: Int32Array.from(values, (v) => (v === null || v === '' ? -1 : index.get(v)!)), levels };
}

/**
 * The purchase lines of the spend model (issue #13), ordered by day (then line id): customer,
 * product, day, quantity, amount, and the receipt's hour, channel and retailer (the seed's
 * deal_type), plus each customer's gender, age band and region and the L.pay payment days. Only
 * purchases with a positive amount and quantity count (PURCHASE_LINE: no returns, cancellations,
 * zero prices or postage); customers and products are numbered densely in order of first line.
 * One scan of the lines in id order joined to their receipt by primary key; the day order is a
 * counting sort in typed arrays, so SQLite sorts nothing and no per-line objects are built.
 * Columns the data never fills come back null (no hour → hour null; no attributes → attributes null).
 * `customers` (internal ids) limits the lines and payments to those customers (a prediction).
 */
export function spendLines(db: Db, onRows?: (rows: number) => void, customers?: readonly number[]): SpendLines {
  // Internal ids are integers, so the list is safe to inline (a prediction asks for a few customers).
  const only = customers ? ` AND l.customer_id IN (${customers.map((c) => Math.trunc(Number(c))).join(',')})` : '';
  const total = (db.prepare(`SELECT count(*) FROM lines l WHERE ${LINE} AND l.day IS NOT NULL AND l.amount > 0${only}`).pluck().get() as number) ?? 0;
  const cust = new Int32Array(total), prod = new Int32Array(total), day = new Int32Array(total);
  const hour = new Float64Array(total), qty = new Float64Array(total), amt = new Float64Array(total);
  const chan = new Int32Array(total), ret = new Int32Array(total);
  const custIndex = new Map<number, number>(), prodIndex = new Map<number, number>(), retIndex = new Map<string, number>();
  const custIds: number[] = [], prodIds: number[] = [], retLevels: string[] = [];
  let n = 0, anyHour = false, anyChannel = false, anyRetailer = false;
  const rows = db
    .prepare(`SELECT l.customer_id, l.product_id, l.day, r.hour, l.quantity, l.amount, r.channel, r.retailer FROM lines l JOIN receipts r ON r.id = l.receipt_id WHERE ${LINE} AND l.day IS NOT NULL AND l.amount > 0${only} ORDER BY l.id`)
    .raw()
    .iterate() as IterableIterator<[number, number, number, number | null, number, number, number | null, string | null]>;
  for (const [c, p, d, h, q, a, ch, rt] of rows) {
    if (n >= total) break;
    let ci = custIndex.get(c);
    if (ci === undefined) custIndex.set(c, (ci = custIds.push(c) - 1));
    let pi = prodIndex.get(p);
    if (pi === undefined) prodIndex.set(p, (pi = prodIds.push(p) - 1));
    cust[n] = ci;
    prod[n] = pi;
    day[n] = d;
    hour[n] = h ?? Number.NaN;
    if (h !== null) anyHour = true;
    qty[n] = q;
    amt[n] = a;
    chan[n] = ch ?? -1;
    if (ch !== null) anyChannel = true;
    if (rt !== null && rt !== '') {
      let ri = retIndex.get(rt);
      if (ri === undefined) retIndex.set(rt, (ri = retLevels.push(rt) - 1));
      ret[n] = ri;
      anyRetailer = true;
    } else ret[n] = -1;
    n++;
    if (onRows && n % 200_000 === 0) onRows(n);
  }
  // Stable counting sort by day.
  let minDay = Infinity, maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    if (day[i] < minDay) minDay = day[i];
    if (day[i] > maxDay) maxDay = day[i];
  }
  const order = new Int32Array(n);
  if (n > 0) {
    const start = new Int32Array(maxDay - minDay + 2);
    for (let i = 0; i < n; i++) start[day[i] - minDay + 1]++;
    for (let k = 1; k < start.length; k++) start[k] += start[k - 1];
    for (let i = 0; i < n; i++) order[start[day[i] - minDay]++] = i;
  }
  const pick = <T extends Int32Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(n);
    for (let i = 0; i < n; i++) out[i] = a[order[i]];
    return out;
  };
  // Retailer levels sorted, codes remapped, so the codes do not depend on line order.
  const sortedRet = [...retLevels].sort();
  const retRemap = Int32Array.from(retLevels, (r) => sortedRet.indexOf(r));
  const retSorted = pick(ret).map((r) => (r < 0 ? -1 : retRemap[r]));

  const codeOf = new Map(db.prepare('SELECT id, code FROM customers').raw().all() as [number, string][]);
  const productCode = new Map(db.prepare('SELECT id, code FROM products').raw().all() as [number, string][]);
  const people = new Map((db.prepare('SELECT id, gender, age_band, region FROM customers').raw().all() as [number, string | null, string | null, string | null][]).map((r) => [r[0], r]));
  const gender = encode(custIds.map((c) => people.get(c)?.[1] ?? null));
  const ageBand = encode(custIds.map((c) => people.get(c)?.[2] ?? null));
  const region = encode(custIds.map((c) => people.get(c)?.[3] ?? null));
  const anyAttribute = gender.levels.length + ageBand.levels.length + region.levels.length > 0;

  let lpay: SpendLines['lpay'] = null;
  const payOnly = customers ? ` AND customer_id IN (${customers.map((c) => Math.trunc(Number(c))).join(',')})` : '';
  const pays = db.prepare(`SELECT customer_id, day FROM payments WHERE customer_id IS NOT NULL AND day IS NOT NULL${payOnly} ORDER BY day, id`).raw().all() as [number, number][];
  if (pays.length > 0) {
    const kept = pays.filter((r) => custIndex.has(r[0]));
    lpay = { customer: Int32Array.from(kept, (r) => custIndex.get(r[0])!), day: Int32Array.from(kept, (r) => r[1]) };
  }
  return {
    customer: pick(cust), product: pick(prod), day: pick(day), quantity: pick(qty), amount: pick(amt),
    hour: anyHour ? pick(hour) : null,
    channel: anyChannel ? pick(chan) : null,
    retailer: anyRetailer ? retSorted : null,
    retailerLevels: anyRetailer ? sortedRet : [],
    customerCodes: custIds.map((c) => codeOf.get(c) ?? String(c)),
    productCodes: prodIds.map((p) => productCode.get(p) ?? String(p)),
    attributes: anyAttribute ? { gender: gender.codes, genderLevels: gender.levels, ageBand: ageBand.codes, ageBandLevels: ageBand.levels, region: region.codes, regionLevels: region.levels } : null,
    lpay,
  };
}

import type { Db } from '../open.js';
import { PURCHASE_LINE, type Baskets } from './baskets.js';

/**
 * Everything a customer did, as one time-ordered sequence (SPEC §3.4, seed 001): purchases (one
 * event per receipt and product, amounts summed), partner-service uses and L.pay payments. The
 * two last become pseudo-products ("partner B01", "L.pay A03") so all behaviour is one sequence.
 * Customers and products use the dense indices of `Baskets`; customers without purchases are
 * left out (they have no index there).
 */
export interface SequenceEvents {
  /** Dense customer index (as in Baskets), events sorted by customer, day, hour key, source. */
  customer: Int32Array;
  day: Int32Array;
  /** Hour 0–23 of an offline event; −1 for online events and events without an hour (a session is then the whole day). */
  hourKey: Int8Array;
  /** Index into `sources` (the retailer, partner or L.pay merchant), −1 when unknown. */
  source: Int32Array;
  /** ≥ 0: product index (Baskets order); < 0: pseudo-product −1 − i, i indexing `pseudo`. */
  item: Int32Array;
  amount: Float64Array;
  sources: string[];
  pseudo: { code: string; kind: 'partner' | 'lpay'; group: string }[];
}

/** Gender, age band and region of each dense customer index (null when unknown). */
export interface CustomerTraits {
  gender: (string | null)[];
  ageBand: (string | null)[];
  region: (string | null)[];
}

export function customerTraits(db: Db, customerIds: Int32Array): CustomerTraits {
  const rows = new Map((db.prepare('SELECT id, gender, age_band, region FROM customers').raw().all() as [number, string | null, string | null, string | null][]).map((r) => [r[0], r]));
  const pick = (i: 1 | 2 | 3) => Array.from(customerIds, (id) => rows.get(id)?.[i] ?? null);
  return { gender: pick(1), ageBand: pick(2), region: pick(3) };
}

/** Reads the events of `b`'s customers in one ordered pass (call inside a read transaction for a consistent snapshot). */
export function sequenceEvents(db: Db, b: Baskets): SequenceEvents {
  const customerIndex = new Map<number, number>();
  b.customerIds.forEach((id, u) => customerIndex.set(id, u));
  const productIndex = new Map<number, number>();
  const codeIndex = new Map(b.productCodes.map((c, i) => [c, i]));
  for (const [id, code] of db.prepare('SELECT id, code FROM products').raw().all() as [number, string][]) {
    const p = codeIndex.get(code);
    if (p !== undefined) productIndex.set(id, p);
  }
  // kind 0 purchase (product id), 1 partner use (partner code), 2 L.pay (merchant code).
  const rows = db
    .prepare(
      `SELECT customer_id, day, hour_key, source, kind, what, amount FROM (
         SELECT l.customer_id, l.day, CASE WHEN r.channel = 2 OR r.hour IS NULL THEN -1 ELSE r.hour END AS hour_key,
                r.retailer AS source, 0 AS kind, CAST(l.product_id AS TEXT) AS what, SUM(l.amount) AS amount
           FROM (SELECT receipt_id, customer_id, day, product_id, amount FROM lines WHERE ${PURCHASE_LINE}) l
           JOIN receipts r ON r.id = l.receipt_id
          GROUP BY l.receipt_id, l.product_id
         UNION ALL
         SELECT customer_id, day, CASE WHEN channel = 2 OR hour IS NULL THEN -1 ELSE hour END, partner, 1, partner, amount
           FROM partner_uses WHERE customer_id IS NOT NULL
         UNION ALL
         SELECT customer_id, day, CASE WHEN channel = 2 OR hour IS NULL THEN -1 ELSE hour END, merchant, 2, merchant, amount
           FROM payments WHERE customer_id IS NOT NULL
       ) ORDER BY customer_id, day, hour_key, source, kind`,
    )
    .raw()
    .iterate() as IterableIterator<[number, number, number, string | null, number, string, number]>;
  let cap = 1 << 16, n = 0;
  let customer = new Int32Array(cap), day = new Int32Array(cap), hourKey = new Int8Array(cap), source = new Int32Array(cap), item = new Int32Array(cap), amount = new Float64Array(cap);
  const grow = () => {
    cap *= 2;
    const more = <T extends Int32Array | Int8Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    customer = more(customer); day = more(day); hourKey = more(hourKey); source = more(source); item = more(item); amount = more(amount);
  };
  const sources: string[] = [], sourceIndex = new Map<string, number>();
  const pseudo: SequenceEvents['pseudo'] = [], pseudoIndex = new Map<string, number>();
  for (const [c, d, h, s, kind, what, a] of rows) {
    const u = customerIndex.get(c);
    if (u === undefined) continue;
    let it: number;
    if (kind === 0) {
      const p = productIndex.get(Number(what));
      if (p === undefined) continue;
      it = p;
    } else {
      const code = `${kind === 1 ? 'partner' : 'L.pay'} ${what}`;
      let i = pseudoIndex.get(code);
      if (i === undefined) {
        i = pseudo.length;
        pseudoIndex.set(code, i);
        pseudo.push({ code, kind: kind === 1 ? 'partner' : 'lpay', group: what });
      }
      it = -1 - i;
    }
    let si = -1;
    if (s !== null) {
      si = sourceIndex.get(s) ?? -1;
      if (si < 0) {
        si = sources.length;
        sourceIndex.set(s, si);
        sources.push(s);
      }
    }
    if (n === cap) grow();
    customer[n] = u; day[n] = d; hourKey[n] = h; source[n] = si; item[n] = it; amount[n] = a;
    n++;
  }
  return {
    customer: customer.slice(0, n), day: day.slice(0, n), hourKey: hourKey.slice(0, n), source: source.slice(0, n),
    item: item.slice(0, n), amount: amount.slice(0, n), sources, pseudo,
  };
}

/**
 * The running state of the spend features (issue #13): what is known of the purchases before the
 * current day. Pair (customer × product) sums and purchase days, product totals over all
 * customers, and per customer the count of purchases of special products and of L.pay payments.
 * Features read it before a day's lines are added, so a line never sees its own day.
 */
export interface SpendHistory {
  pairIndex: Map<number, number>;
  pairQty: number[];
  pairAmt: number[];
  pairFirst: number[];
  pairLast: number[];
  /** Distinct purchase days of the pair. */
  pairDays: number[];
  /** Σ log1p(amount) and lines of the pair (the pair-mean baseline). */
  pairLog: number[];
  pairLines: number[];
  /** All customers' quantity, amount, Σ log1p(amount) and lines of each product. */
  productQty: Float64Array;
  productAmt: Float64Array;
  productLog: Float64Array;
  productLines: Float64Array;
  /** Each customer's earlier purchase lines of special products, and earlier L.pay payments. */
  customerSpecials: Float64Array;
  customerLpay: Float64Array;
  products: number;
}

export function emptyHistory(customers: number, products: number): SpendHistory {
  return {
    pairIndex: new Map(), pairQty: [], pairAmt: [], pairFirst: [], pairLast: [], pairDays: [], pairLog: [], pairLines: [],
    productQty: new Float64Array(products), productAmt: new Float64Array(products), productLog: new Float64Array(products), productLines: new Float64Array(products),
    customerSpecials: new Float64Array(customers), customerLpay: new Float64Array(customers), products,
  };
}

/** The pair's slot, or −1 when the customer never bought the product before. */
export function pairSlot(h: SpendHistory, customer: number, product: number): number {
  return h.pairIndex.get(customer * h.products + product) ?? -1;
}

/**
 * Adds one line to the history. `updateProducts` false leaves the product totals alone (a
 * prediction replays one customer's lines over product totals already complete).
 */
export function addLine(h: SpendHistory, customer: number, product: number, day: number, quantity: number, amount: number, special: boolean, updateProducts = true): void {
  const key = customer * h.products + product;
  let s = h.pairIndex.get(key);
  if (s === undefined) {
    s = h.pairQty.length;
    h.pairIndex.set(key, s);
    h.pairQty.push(0);
    h.pairAmt.push(0);
    h.pairFirst.push(day);
    h.pairLast.push(Number.NaN);
    h.pairDays.push(0);
    h.pairLog.push(0);
    h.pairLines.push(0);
  }
  h.pairQty[s] += quantity;
  h.pairAmt[s] += amount;
  h.pairLog[s] += Math.log1p(amount);
  h.pairLines[s]++;
  if (h.pairLast[s] !== day) {
    h.pairDays[s]++;
    h.pairLast[s] = day;
  }
  if (updateProducts) {
    h.productQty[product] += quantity;
    h.productAmt[product] += amount;
    h.productLog[product] += Math.log1p(amount);
    h.productLines[product]++;
  }
  if (special) h.customerSpecials[customer]++;
}

/**
 * Reusable per-customer scratch space in typed arrays: one customer's receipts and product
 * lines are built here, sorted and written, then the buffers are reset for the next customer.
 * Memory stays constant however many customers are generated.
 */

function grow<T extends Int32Array | Int16Array | Uint8Array>(a: T, make: (n: number) => T): T {
  const b = make(a.length * 2);
  b.set(a);
  return b;
}

export class Receipts {
  n = 0;
  day = new Int16Array(256);
  hour = new Uint8Array(256);
  retailer = new Uint8Array(256);
  online = new Uint8Array(256);
  store = new Int32Array(256);
  isReturn = new Uint8Array(256);

  add(day: number, hour: number, retailer: number, online: boolean, store: number, isReturn = false): number {
    if (this.n === this.day.length) {
      this.day = grow(this.day, (k) => new Int16Array(k));
      this.hour = grow(this.hour, (k) => new Uint8Array(k));
      this.retailer = grow(this.retailer, (k) => new Uint8Array(k));
      this.online = grow(this.online, (k) => new Uint8Array(k));
      this.store = grow(this.store, (k) => new Int32Array(k));
      this.isReturn = grow(this.isReturn, (k) => new Uint8Array(k));
    }
    const i = this.n++;
    this.day[i] = day;
    this.hour[i] = hour;
    this.retailer[i] = retailer;
    this.online[i] = online ? 1 : 0;
    this.store[i] = store;
    this.isReturn[i] = isReturn ? 1 : 0;
    return i;
  }
}

export class Lines {
  n = 0;
  receipt = new Int32Array(1024);
  product = new Int32Array(1024);
  qty = new Int32Array(1024);
  amount = new Int32Array(1024);

  add(receipt: number, product: number, qty: number, amount: number): void {
    if (this.n === this.receipt.length) {
      this.receipt = grow(this.receipt, (k) => new Int32Array(k));
      this.product = grow(this.product, (k) => new Int32Array(k));
      this.qty = grow(this.qty, (k) => new Int32Array(k));
      this.amount = grow(this.amount, (k) => new Int32Array(k));
    }
    const i = this.n++;
    this.receipt[i] = receipt;
    this.product[i] = product;
    this.qty[i] = qty;
    this.amount[i] = amount;
  }
}

/**
 * Receipt lookup by (day, retailer, channel) so a repurchase joins the customer's trip of that
 * day instead of opening a second receipt; only touched slots are cleared between customers.
 */
export class TripIndex {
  private slots: Int32Array;
  private touched: number[] = [];

  constructor(days: number, retailers: number) {
    this.slots = new Int32Array(days * retailers * 2).fill(-1);
  }

  static key(day: number, retailer: number, online: boolean, retailers: number): number {
    return (day * retailers + retailer) * 2 + (online ? 1 : 0);
  }

  get(k: number): number {
    return this.slots[k];
  }

  set(k: number, receipt: number): void {
    if (this.slots[k] === -1) this.touched.push(k);
    this.slots[k] = receipt;
  }

  clear(): void {
    for (const k of this.touched) this.slots[k] = -1;
    this.touched.length = 0;
  }
}

/**
 * The encoded form of an import batch: what the encoder (parse + validate + convert, possibly in
 * its own thread) hands to the sink (SQLite writes). Numbers travel in one Float64Array per table
 * (transferable, no per-row objects; NaN stands for NULL), strings in plain arrays.
 */

import type { CouponOffer } from '../../model/coupons.js';

/**
 * Rows of one table: `n` rows of `numCols` numbers (row-major) and `strCols` strings each. The
 * strings travel as ONE string joined by NUL (imported values never contain NUL: such rows are
 * rejected) with a null mask: cloning one long string between threads is a copy, cloning
 * millions of short ones cost more than parsing them (measured: 2.9 s of 9.5 s).
 */
export interface TableRows {
  n: number;
  nums: Float64Array;
  text: string;
  nulls: Uint8Array;
  /** The strings unpacked, when the batch never leaves its thread (no join and split needed). */
  strs?: (string | null)[];
}

/** The strings of a TableRows, in row-major order. */
export function unpackStrings(rows: TableRows): (string | null)[] {
  if (rows.strs) return rows.strs;
  if (rows.nulls.length === 0) return [];
  const parts = rows.text.split('\u0000');
  for (let i = 0; i < rows.nulls.length; i++) if (rows.nulls[i]) (parts as (string | null)[])[i] = null;
  return parts;
}

export type Severity = 'rejected' | 'flagged';
export type IssueTuple = [Severity, number, string, string, string];

/** A descriptive update of a dictionary row (customers, products, stores). */
export interface Describe {
  table: 'customers' | 'products' | 'stores';
  id: number;
  values: (string | number | null)[];
  /** true: replace the attributes; false: fill only those still unknown. */
  overwrite: boolean;
}

export interface EncodedBatch {
  newCustomers: [number, string][];
  newProducts: [number, string][];
  newStores: [number, string][];
  describes: Describe[];
  lines: TableRows;
  receipts: TableRows;
  partnerUses: TableRows;
  payments: TableRows;
  extras: [number, string][];
  /** Customer attributes: [customer id, attribute name, number or null, text]. */
  attributes: [number, string, number | null, string][];
  /** Marketing spend (issue #11): [day, channel, spend, file line]. */
  spend: [number, string, number, number][];
  /** Coupon offers (issue #11), in file order. */
  offers: OfferRow[];
  issues: IssueTuple[];
  rowsRead: number;
  rowsImported: number;
  bytesRead: number;
}

/**
 * A coupon offer as a coupons file gives it: a date range or a month, a category, a code and the
 * discount as written (the fraction rule is applied once the whole file is in: see Sink).
 */
export interface OfferRow extends CouponOffer {
  line: number;
  /** The value carried a percent sign ("10%"): never read as a fraction. */
  percentSign: boolean;
}

/** Column layouts: numeric columns, then string columns, as the sink inserts them. */
export const LAYOUT = {
  lines: { nums: ['receipt_id', 'customer_id', 'product_id', 'day', 'quantity', 'amount', 'flags', 'coupon'], strs: [] },
  receipts: { nums: ['id', 'customer_id', 'day', 'hour', 'channel', 'store_id', 'amount', 'quantity', 'lines', 'flags'], strs: ['code', 'retailer'] },
  partnerUses: { nums: ['customer_id', 'store_id', 'channel', 'day', 'visit_day', 'hour', 'amount', 'line'], strs: ['code', 'partner'] },
  payments: { nums: ['customer_id', 'channel', 'day', 'hour', 'amount', 'line'], strs: ['code', 'merchant'] },
} as const;

export const DESCRIBE_COLUMNS = {
  customers: ['gender', 'age_band', 'age', 'region'],
  products: ['name', 'category', 'category2'],
  stores: ['retailer', 'region', 'region2'],
} as const;

/** A growable row-major buffer for one table; `take` hands out the rows and starts afresh. */
export class ColumnBuffer {
  private nums: Float64Array;
  private strs: (string | null)[] = [];
  private n = 0;

  constructor(
    readonly numCols: number,
    readonly strCols: number,
    private capacity = 4096,
  ) {
    this.nums = new Float64Array(capacity * numCols);
  }

  get length(): number {
    return this.n;
  }

  /** Reserves a row; write its numbers at the returned offset of `numbers`, push its strings. */
  row(): number {
    if (this.n === this.capacity) {
      this.capacity *= 2;
      const bigger = new Float64Array(this.capacity * this.numCols);
      bigger.set(this.nums);
      this.nums = bigger;
    }
    return this.n++ * this.numCols;
  }

  get numbers(): Float64Array {
    return this.nums;
  }

  pushString(s: string | null): void {
    this.strs.push(s);
  }

  /** Hands out the rows and starts afresh; `pack` prepares them for another thread. */
  take(pack: boolean): TableRows {
    if (!pack) {
      const out: TableRows = { n: this.n, nums: this.nums.slice(0, this.n * this.numCols), text: '', nulls: new Uint8Array(0), strs: this.strs };
      this.n = 0;
      this.strs = [];
      return out;
    }
    const nulls = new Uint8Array(this.strs.length);
    for (let i = 0; i < nulls.length; i++) if (this.strs[i] === null) nulls[i] = 1;
    const out: TableRows = { n: this.n, nums: this.nums.slice(0, this.n * this.numCols), text: this.strs.join('\u0000'), nulls };
    this.n = 0;
    this.strs = [];
    return out;
  }
}

/** NaN for null: Float64Array cannot hold null. */
export function num(v: number | null): number {
  return v === null ? NaN : v;
}

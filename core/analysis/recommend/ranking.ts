/**
 * Shared building blocks of the recommenders: input checks, tie-break ranks by product code,
 * per-customer histories, receipt popularity and a bounded top-k selection.
 */
import type { TrainingData } from './types.js';

/** Throws a RangeError when `train` is not well formed; returns P (the number of products). */
export function checkTraining(train: TrainingData): number {
  const P = train.codes.length;
  const U = train.customerCount;
  const { receiptCustomer: rc, receiptStart: rs, receiptItems: ri } = train;
  if (!Number.isInteger(U) || U < 0) throw new RangeError(`customerCount must be a non-negative integer, got ${U}`);
  const R = rc.length;
  if (rs.length !== R + 1) throw new RangeError(`receiptStart must have length receipts + 1 = ${R + 1}, got ${rs.length}`);
  if (rs[0] !== 0 || rs[R] !== ri.length) throw new RangeError('receiptStart must start at 0 and end at receiptItems.length');
  for (let r = 0; r < R; r++) {
    if (rs[r + 1] < rs[r]) throw new RangeError(`receiptStart must be non-decreasing (receipt ${r})`);
    if (rc[r] < 0 || rc[r] >= U) throw new RangeError(`receipt ${r} has customer ${rc[r]} outside 0..${U - 1}`);
  }
  for (let i = 0; i < ri.length; i++) {
    if (ri[i] < 0 || ri[i] >= P) throw new RangeError(`receiptItems[${i}] = ${ri[i]} is outside 0..${P - 1}`);
  }
  return P;
}

/** Compares two codes in string (UTF-16 code unit) order, as JavaScript's `<` does. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** rank[p] = position of product p when sorted by code string ascending (equal codes by index). */
export function codeRanks(codes: readonly string[]): Int32Array {
  const order = Array.from({ length: codes.length }, (_, i) => i);
  order.sort((a, b) => compareCodes(codes[a], codes[b]) || a - b);
  const rank = new Int32Array(codes.length);
  for (let i = 0; i < order.length; i++) rank[order[i]] = i;
  return rank;
}

/** Products sorted by code string ascending (the inverse of codeRanks). */
export function codeOrder(rank: Int32Array): Int32Array {
  const order = new Int32Array(rank.length);
  for (let p = 0; p < rank.length; p++) order[rank[p]] = p;
  return order;
}

/** Number of receipts containing each product (a product listed twice in one receipt counts once). */
export function receiptCounts(train: TrainingData, P: number): Int32Array {
  const count = new Int32Array(P);
  const last = new Int32Array(P).fill(-1);
  const { receiptStart: rs, receiptItems: ri } = train;
  for (let r = 0; r + 1 < rs.length; r++) {
    for (let i = rs[r]; i < rs[r + 1]; i++) {
      const p = ri[i];
      if (last[p] !== r) { last[p] = r; count[p]++; }
    }
  }
  return count;
}

/** Indices 0..n−1 sorted by count descending, ties by code rank ascending. */
export function rankByCount(count: ArrayLike<number>, rank: Int32Array): Int32Array {
  const idx = Array.from({ length: count.length }, (_, i) => i);
  idx.sort((a, b) => count[b] - count[a] || rank[a] - rank[b]);
  return Int32Array.from(idx);
}

/** Per customer: the distinct products bought and in how many of the customer's receipts (CSR). */
export interface CustomerItems {
  start: Int32Array;
  items: Int32Array;
  counts: Int32Array;
}

/**
 * Customer → (product, receipts containing it) in CSR form; within a customer, products are
 * sorted by that count descending, ties by code rank — the p-topfreq order.
 */
export function customerItems(train: TrainingData, P: number, rank: Int32Array): CustomerItems {
  const U = train.customerCount;
  const { receiptCustomer: rc, receiptStart: rs, receiptItems: ri } = train;
  const R = rc.length;
  // Receipts grouped by customer (counting sort).
  const rStart = new Int32Array(U + 1);
  for (let r = 0; r < R; r++) rStart[rc[r] + 1]++;
  for (let u = 0; u < U; u++) rStart[u + 1] += rStart[u];
  const fill = rStart.slice(0, U);
  const byCustomer = new Int32Array(R);
  for (let r = 0; r < R; r++) byCustomer[fill[rc[r]]++] = r;

  const cnt = new Int32Array(P);
  const last = new Int32Array(P).fill(-1);
  const touched: number[] = [];
  const start = new Int32Array(U + 1);
  let items: number[] = [];
  let counts: number[] = [];
  for (let u = 0; u < U; u++) {
    touched.length = 0;
    for (let q = rStart[u]; q < rStart[u + 1]; q++) {
      const r = byCustomer[q];
      for (let i = rs[r]; i < rs[r + 1]; i++) {
        const p = ri[i];
        if (last[p] === r) continue;
        last[p] = r;
        if (cnt[p] === 0) touched.push(p);
        cnt[p]++;
      }
    }
    touched.sort((a, b) => cnt[b] - cnt[a] || rank[a] - rank[b]);
    for (const p of touched) { items.push(p); counts.push(cnt[p]); cnt[p] = 0; }
    start[u + 1] = items.length;
  }
  const out = { start, items: Int32Array.from(items), counts: Int32Array.from(counts) };
  items = []; counts = [];
  return out;
}

/**
 * customerItems of `train` with its code ranks, computed once per TrainingData object and shared by
 * every model fitted on it (issue #16: recommend-eval fitted p-topfreq, item-knn, EASE, cluster-knn
 * and the history of `evaluate` on the same receipts, each sorting every customer's products again).
 * The receipts are read-only inputs; a cached entry is reused only while their lengths match.
 */
export function trainingItems(train: TrainingData): { ci: CustomerItems; rank: Int32Array } {
  const hit = itemsCache.get(train);
  if (hit && hit.receipts === train.receiptCustomer.length && hit.items === train.receiptItems.length && hit.products === train.codes.length && hit.customers === train.customerCount) return hit.value;
  const rank = codeRanks(train.codes);
  const value = { ci: customerItems(train, train.codes.length, rank), rank };
  itemsCache.set(train, { receipts: train.receiptCustomer.length, items: train.receiptItems.length, products: train.codes.length, customers: train.customerCount, value });
  return value;
}
const itemsCache = new WeakMap<TrainingData, { receipts: number; items: number; products: number; customers: number; value: { ci: CustomerItems; rank: Int32Array } }>();

/** The products customer u bought in training (empty for an unknown customer). */
export function historyItems(ci: CustomerItems, u: number): Int32Array {
  if (!(u >= 0 && u + 1 < ci.start.length)) return new Int32Array(0);
  return ci.items.subarray(ci.start[u], ci.start[u + 1]);
}

/**
 * `history(customer)` as a Set of product indices: the products the customer bought in `train`
 * (the `history` argument of `evaluate`).
 */
export function historyOf(train: TrainingData): (customer: number) => Set<number> {
  checkTraining(train);
  const { ci } = trainingItems(train);
  return (u) => new Set(historyItems(ci, u));
}

/** Checks a customer index and k of `recommend`. */
export function checkQuery(customer: number, k: number): void {
  if (!Number.isInteger(customer) || customer < 0) throw new RangeError(`customer must be a non-negative integer, got ${customer}`);
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
}

/**
 * Bounded top-k by (score descending, code rank ascending): `offer` is O(k) worst case, O(1) for
 * an item worse than the current k-th. Ties are fully ordered, so the result is reproducible.
 */
export class TopK {
  readonly items: Int32Array;
  readonly scores: Float64Array;
  size = 0;
  constructor(readonly k: number, private readonly rank: Int32Array) {
    this.items = new Int32Array(k);
    this.scores = new Float64Array(k);
  }
  private better(s: number, p: number, i: number): boolean {
    const t = this.scores[i];
    return s > t || (s === t && this.rank[p] < this.rank[this.items[i]]);
  }
  offer(p: number, s: number): void {
    const k = this.k;
    if (k === 0) return;
    if (this.size === k && !this.better(s, p, k - 1)) return;
    let i = this.size < k ? this.size++ : k - 1;
    while (i > 0 && this.better(s, p, i - 1)) {
      this.items[i] = this.items[i - 1];
      this.scores[i] = this.scores[i - 1];
      i--;
    }
    this.items[i] = p;
    this.scores[i] = s;
  }
  result(): Int32Array {
    return this.items.slice(0, this.size);
  }
}

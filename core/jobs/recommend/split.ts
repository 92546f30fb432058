import type { TrainingData } from '../../analysis/recommend/index.js';
import type { Db } from '../../data/store/open.js';
import { purchaseBaskets, type Baskets } from '../../data/store/queries/baskets.js';
import { dataCapabilities, missingFieldReason } from '../../data/store/queries/capabilities.js';
import { WorkbenchError } from '../../model/result.js';
import type { JobContext } from '../types.js';

/** A temporal holdout: training receipts before the cutoff, the truth on or after it (issue #5 §1). */
export interface Holdout {
  train: TrainingData;
  /** Customer → distinct products bought on or after the cutoff, for customers with ≥ 1 purchase before and after. */
  truth: Map<number, Set<number>>;
}

/**
 * Splits the baskets at `cutoff` (epoch day): receipts with day < cutoff train, receipts in
 * [cutoff, until) are the truth. Evaluated customers have at least one receipt on each side.
 */
export function temporalSplit(b: Baskets, cutoff: number, until = Infinity): Holdout {
  const R = b.receiptCustomer.length;
  const trainIdx: number[] = [];
  const truth = new Map<number, Set<number>>();
  const before = new Uint8Array(b.customerIds.length);
  for (let r = 0; r < R; r++) {
    const day = b.receiptDay[r], u = b.receiptCustomer[r];
    if (day < cutoff) {
      trainIdx.push(r);
      before[u] = 1;
    } else if (day < until) {
      let set = truth.get(u);
      if (!set) truth.set(u, (set = new Set()));
      for (let q = b.receiptStart[r]; q < b.receiptStart[r + 1]; q++) set.add(b.receiptItems[q]);
    }
  }
  for (const u of [...truth.keys()]) if (!before[u]) truth.delete(u);
  const receiptCustomer = new Int32Array(trainIdx.length);
  const receiptDay = new Int32Array(trainIdx.length);
  const receiptStart = new Int32Array(trainIdx.length + 1);
  let items = 0;
  for (const r of trainIdx) items += b.receiptStart[r + 1] - b.receiptStart[r];
  const receiptItems = new Int32Array(items);
  let at = 0;
  trainIdx.forEach((r, i) => {
    receiptCustomer[i] = b.receiptCustomer[r];
    receiptDay[i] = b.receiptDay[r];
    receiptItems.set(b.receiptItems.subarray(b.receiptStart[r], b.receiptStart[r + 1]), at);
    at += b.receiptStart[r + 1] - b.receiptStart[r];
    receiptStart[i + 1] = at;
  });
  return { train: { codes: b.productCodes, customerCount: b.customerIds.length, receiptCustomer, receiptStart, receiptItems, receiptDay, endDay: cutoff }, truth };
}

/** Categories as dense integer codes per product (−1: none), for the models that use the category. */
export function categoryCodes(categories: readonly (string | null)[]): Int32Array {
  const index = new Map<string, number>();
  return Int32Array.from(categories, (c) => (c === null || c === '' ? -1 : (index.get(c) ?? index.set(c, index.size).get(c)!)));
}

/** The project's purchase baskets in one read snapshot, or a clear error when there are none. */
export function readBaskets(db: Db, ctx: JobContext, what: string): Baskets {
  ctx.progress({ phase: 'read', done: 0, total: 1, message: 'baskets' });
  db.exec('BEGIN');
  try {
    const b = purchaseBaskets(db);
    if (b.receiptCustomer.length === 0) throw new WorkbenchError('invalid-input', `${what} needs purchases; this project has none.`);
    return b;
  } finally {
    db.exec('COMMIT');
  }
}

/**
 * Product-based analyses refuse data without products (issue #10 §2: lines imported without a
 * product column) with one sentence; data without amounts is fine (purchases are then lines with a
 * positive quantity, queries/baskets.ts).
 */
export function requireProducts(db: Db, what: string): void {
  const reason = missingFieldReason(dataCapabilities(db), what, ['products']);
  if (reason) throw new WorkbenchError('invalid-input', reason);
}

import { clvModel } from '../../analysis/value/index.js';
import type { Db } from '../../data/store/open.js';
import { dataCapabilities, missingFieldReason } from '../../data/store/queries/capabilities.js';
import { purchaseDays } from '../../data/store/queries/purchase-days.js';
import { WorkbenchError } from '../../model/result.js';

export const CLV_FEATURE_NAMES = ['clv', 'p_alive', 'expected_purchases'] as const;

/**
 * The `clv` feature set of k-means (issue #13, "CLV, P(alive) and expected purchases become
 * customer features"): per customer of `ids` (internal ids), the expected value over 365 days
 * discounted 1 % a month, P(alive) and the expected purchases, from BG/NBD + Gamma-Gamma fitted on
 * all the data (weeks; no holdout: the features describe the customers as of the last day).
 * Customers without a purchase day get 0, 0, 0. Row-major n × 3. `before` (epoch day): from the
 * purchases before it only (the recommenders' training period).
 */
export function clvFeatures(db: Db, ids: Int32Array, before?: number): Float64Array {
  const reason = missingFieldReason(dataCapabilities(db), 'the clv feature set', ['lines', 'customers', 'dates', 'amounts']);
  if (reason) throw new WorkbenchError('invalid-input', reason);
  const rows = purchaseDays(db, before);
  if (rows.day.length === 0) throw new WorkbenchError('invalid-input', 'the clv feature set needs purchases by identified customers, and this project has none.');
  let last = -Infinity;
  for (const d of rows.day) last = Math.max(last, d);
  let m;
  try {
    m = clvModel({ customer: rows.customer, day: rows.day, amount: rows.amount }, rows.ids.length, { calibrationEnd: last });
  } catch (err) {
    if (err instanceof RangeError) throw new WorkbenchError('invalid-input', `the clv feature set: ${err.message}.`);
    throw err;
  }
  const at = new Map<number, number>();
  rows.ids.forEach((id, i) => at.set(id, i));
  const out = new Float64Array(ids.length * 3);
  ids.forEach((id, r) => {
    const i = at.get(id);
    if (i === undefined) return;
    out[r * 3] = m.customers.expectedValue[i];
    out[r * 3 + 1] = m.customers.pAlive[i];
    out[r * 3 + 2] = m.customers.expectedPurchases[i];
  });
  return out;
}

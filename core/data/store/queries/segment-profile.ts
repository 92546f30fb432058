import type { Db } from '../open.js';
import { purchaseTest } from './customer-base.js';

/**
 * Purchase receipts by segment × weekday (Monday = 0; epoch day 0, 1970-01-01, was a Thursday)
 * × hour for the memberships of a run already written to segment_members. Returns rows
 * [segment, weekday, hour | null, receipts]. A purchase receipt is one with a positive total, or
 * with items when the data has no amounts (as in customerBase).
 */
export function receiptsBySegmentTime(db: Db, runId: number, monetary: 'spend' | 'items' = 'spend'): [number, number | null, number | null, number][] {
  return db
    .prepare(
      `SELECT m.segment, (r.day + 3) % 7, r.hour, count(*)
       FROM segment_members m JOIN receipts r ON r.customer_id = m.customer_id
       WHERE m.run_id = ? AND ${purchaseTest(monetary, 'r.')}
       GROUP BY 1, 2, 3`,
    )
    .raw()
    .all(runId) as [number, number | null, number | null, number][];
}

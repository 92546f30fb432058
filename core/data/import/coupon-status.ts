import type { CouponStatusCounts } from '../../model/import.js';
import type { Db } from '../store/open.js';

/**
 * Lines of one import by coupon status (issue #11), for the file's report: the lines of an import
 * are the contiguous id range first..last, so this is one range scan of the primary key.
 */
export function couponStatusCounts(db: Db, firstLineId: number, lastLineId: number): CouponStatusCounts {
  const rows = db.prepare('SELECT coupon, count(*) AS n FROM lines WHERE id BETWEEN ? AND ? GROUP BY coupon').all(firstLineId, lastLineId) as { coupon: number | null; n: number }[];
  const out: CouponStatusCounts = { used: 0, clicked: 0, notUsed: 0, unknown: 0 };
  for (const r of rows) {
    if (r.coupon === 2) out.used += r.n;
    else if (r.coupon === 1) out.clicked += r.n;
    else if (r.coupon === 0) out.notUsed += r.n;
    else out.unknown += r.n;
  }
  return out;
}

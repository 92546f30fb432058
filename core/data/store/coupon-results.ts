import type { Db } from './open.js';
import { blobToInt32, readArtifact, typedToBlob, writeArtifact } from './segments.js';

/**
 * Storage of a `coupon-sensitivity` run in run_artifacts (no table of its own): per customer with
 * an offered line (ascending id) its cluster (−1: too few offers to cluster) and its offered,
 * used and clicked lines per discount level (row-major customers × levels, levels as in the
 * run's summary). Rates are recomputed from the counts when read: exact, and integers.
 */
export interface StoredCouponCustomers {
  customers: Int32Array;
  cluster: Int32Array;
  offered: Int32Array;
  used: Int32Array;
  clicked: Int32Array;
}

const FIELDS = ['customers', 'cluster', 'offered', 'used', 'clicked'] as const;

export function writeCouponCustomers(db: Db, runId: number, c: StoredCouponCustomers): void {
  for (const f of FIELDS) writeArtifact(db, runId, `coupons/${f}`, typedToBlob(c[f]));
}

export function readCouponCustomers(db: Db, runId: number): StoredCouponCustomers {
  const out = {} as StoredCouponCustomers;
  for (const f of FIELDS) {
    const b = readArtifact(db, runId, `coupons/${f}`);
    if (!b) throw new Error(`run ${runId} has no stored coupon profiles`);
    out[f] = blobToInt32(b);
  }
  return out;
}

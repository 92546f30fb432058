import type { Db } from './open.js';
import { blobToFloat64, blobToInt32, readArtifact, typedToBlob, writeArtifact } from './segments.js';

/**
 * Storage of a `marketing-response` run's per-customer measures in run_artifacts (no table of its
 * own; the per-segment figures live in the run's summary): for each measured customer, in
 * customer id order, its id, its segment (−1 = none, or no segmentation), online share and
 * scaled response (NaN without an online channel), amount per tier occurrence (low, mid, high)
 * and responding tier (0 low, 1 mid, 2 high, −1 none, −2 no offline channel).
 */
export interface StoredMarketingCustomers {
  customers: Int32Array;
  segments: Int32Array;
  onlineShare: Float64Array;
  onlineScaled: Float64Array;
  /** Three values per customer: low, mid, high. */
  perTier: Float64Array;
  tier: Int32Array;
}

const F64 = ['onlineShare', 'onlineScaled', 'perTier'] as const;
const I32 = ['customers', 'segments', 'tier'] as const;

export function writeMarketingCustomers(db: Db, runId: number, m: StoredMarketingCustomers): void {
  for (const f of [...F64, ...I32]) writeArtifact(db, runId, `marketing/${f}`, typedToBlob(m[f]));
}

export function readMarketingCustomers(db: Db, runId: number): StoredMarketingCustomers {
  const get = (f: string): Buffer => {
    const b = readArtifact(db, runId, `marketing/${f}`);
    if (!b) throw new Error(`run ${runId} has no stored marketing measures`);
    return b;
  };
  const out = {} as StoredMarketingCustomers;
  for (const f of F64) out[f] = blobToFloat64(get(f));
  for (const f of I32) out[f] = blobToInt32(get(f));
  return out;
}

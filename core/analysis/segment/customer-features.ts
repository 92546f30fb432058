/**
 * Customer feature matrices of the segmentations, from per-customer facts (core/data/store/
 * queries/customer-base.ts). Definitions (SPEC §3.6, documented in docs/segmentation.md):
 * - Length L = last − first purchase day (days);
 * - Recency R = reference day − last purchase day, the reference day being the day after the last
 *   purchase day in the data (so R ≥ 1), unless given;
 * - Frequency F = purchase receipts;
 * - Monetary M = net spend;
 * - Volume V = net items bought ÷ purchase days (mean items per purchase day).
 * RFM is R, F, M as above.
 */
export interface CustomerFacts {
  amount: Float64Array;
  quantity: Float64Array;
  receipts: Float64Array;
  days: Float64Array;
  first: Float64Array;
  last: Float64Array;
}

export const LRFMV_NAMES = ['length', 'recency', 'frequency', 'monetary', 'volume'] as const;
export const RFM_NAMES = ['recency', 'frequency', 'monetary'] as const;

export function lrfmv(f: CustomerFacts, referenceDay: number): Float64Array {
  const n = f.amount.length;
  const out = new Float64Array(n * 5);
  for (let i = 0; i < n; i++) {
    out[i * 5] = f.last[i] - f.first[i];
    out[i * 5 + 1] = referenceDay - f.last[i];
    out[i * 5 + 2] = f.receipts[i];
    out[i * 5 + 3] = f.amount[i];
    out[i * 5 + 4] = f.days[i] > 0 ? Math.max(0, f.quantity[i]) / f.days[i] : 0;
  }
  return out;
}

export function rfm(f: CustomerFacts, referenceDay: number): Float64Array {
  const n = f.amount.length;
  const out = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    out[i * 3] = referenceDay - f.last[i];
    out[i * 3 + 1] = f.receipts[i];
    out[i * 3 + 2] = f.amount[i];
  }
  return out;
}

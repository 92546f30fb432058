import type { ReasonLang } from './reasons.js';

/**
 * Input and interface of the recommenders (SPEC §3.7, issue #5). Pure data: products and
 * customers are dense indices, receipts are CSR-like typed arrays.
 */

/**
 * Training receipts. Products are 0..P−1 with `codes[p]` the product code (used only to break ties,
 * in STRING order: 'P10' < 'P9'); customers are 0..U−1. Receipt r belongs to customer
 * `receiptCustomer[r]` and holds the distinct products `receiptItems[receiptStart[r] .. receiptStart[r+1])`.
 * Data without receipts: the caller makes one receipt per customer and day.
 */
export interface TrainingData {
  /** Product codes, length P (the number of products). */
  codes: readonly string[];
  /** How reasons name products (e.g. "흰우유 (PD1296)"), length P; default the codes. */
  labels?: readonly string[];
  /** Number of customers U. */
  customerCount: number;
  /** Customer of each receipt, length R. */
  receiptCustomer: Int32Array;
  /** Offsets into `receiptItems`, length R + 1, starting at 0, non-decreasing. */
  receiptStart: Int32Array;
  /** Distinct product indices per receipt (a product repeated inside one receipt counts once). */
  receiptItems: Int32Array;
  /** Day of each receipt (epoch days), for models that use timing (preference-score). */
  receiptDay?: Int32Array;
  /** The first day after the training period (the cutoff), for models that read side data by date (sequence). */
  endDay?: number;
}

/** A recommender: `fit` once, then ranked top-k lists per customer. */
export interface Recommender {
  /** Short name for tables ('g-topfreq', 'ease', …). */
  readonly name: string;
  /** Learns from the training receipts (replaces any earlier fit). */
  fit(train: TrainingData): void;
  /**
   * The top `k` product indices for `customer`, best first, never one in `exclude`. Shorter than
   * `k` only when the model has fewer candidates. A customer index without training receipts
   * (including ≥ U) is a customer with empty history.
   */
  recommend(customer: number, k: number, exclude?: Set<number> | null): Int32Array;
  /** A one-line human explanation of why `product` is recommended to `customer`, in `lang` (default English). */
  reason?(customer: number, product: number, lang?: ReasonLang): string;
  /** The number the model ranks `product` by for `customer` (receipt count, similarity sum, EASE score). */
  score?(customer: number, product: number): number;
}

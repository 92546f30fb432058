/**
 * Bit flags on purchase lines and receipts. Flagged rows are kept in the canonical model (returns
 * and cancellations count for net sales and baskets); each analysis decides what to do with them.
 */
export const LineFlag = {
  /** Negative quantity or amount: a return or a correction. */
  RETURN: 1,
  /** A cancelled order (UCI: invoice number starting with C). */
  CANCELLATION: 2,
  /** Unit price or amount exactly zero (samples, gifts, data errors). */
  ZERO_PRICE: 4,
  /** Negative unit price (UCI "Adjust bad debt"). */
  NEGATIVE_PRICE: 8,
  /** Not a product: postage, fees, manual adjustments, gift vouchers (UCI POST, D, M, DOT, BANK CHARGES, …). */
  NON_PRODUCT: 16,
} as const;
export type LineFlagName = keyof typeof LineFlag;

/** Names of the flags set in a bitmask, in declaration order. */
export function flagNames(flags: number): LineFlagName[] {
  return (Object.keys(LineFlag) as LineFlagName[]).filter((k) => (flags & LineFlag[k]) !== 0);
}

/**
 * What makes a receipt a *purchase* receipt, in SQL over the receipts table: a positive amount,
 * or — when the amount is unknown (a file without amounts, issue #10: stored NULL) — a positive
 * quantity. Returns and cancellations stay out either way. Every Overview panel counting
 * purchase receipts uses this one definition, so the counts agree with each other.
 */
export const PURCHASE_RECEIPT = 'coalesce(amount > 0, quantity > 0)';

/** The same for a purchase line, with the lines table aliased `l`. */
export const PURCHASE_LINE = 'coalesce(l.amount > 0, l.quantity > 0)';

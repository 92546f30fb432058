import type { Db } from '../open.js';

/**
 * What the project's purchase lines carry (issue #10): analyses that need a field the data lacks
 * refuse or adapt with one sentence instead of computing on zeros. A field counts as present when
 * at least one purchase line has it (amount / product / day / customer not NULL, or a receipt with
 * an hour). Cheap: each probe stops at the first row found.
 */
export interface DataCapabilities {
  lines: boolean;
  amounts: boolean;
  products: boolean;
  dates: boolean;
  hours: boolean;
  customers: boolean;
}

export function dataCapabilities(db: Db): DataCapabilities {
  const any = (sql: string): boolean => db.prepare(sql).get() !== undefined;
  return {
    lines: any('SELECT 1 FROM lines LIMIT 1'),
    amounts: any('SELECT 1 FROM lines WHERE amount IS NOT NULL LIMIT 1'),
    products: any('SELECT 1 FROM lines WHERE product_id IS NOT NULL LIMIT 1'),
    dates: any('SELECT 1 FROM lines WHERE day IS NOT NULL LIMIT 1'),
    hours: any('SELECT 1 FROM receipts WHERE hour IS NOT NULL LIMIT 1'),
    customers: any('SELECT 1 FROM lines WHERE customer_id IS NOT NULL LIMIT 1'),
  };
}

/** The one-sentence refusal of an analysis that needs a field the data lacks, or null when it has all. */
export function missingFieldReason(caps: DataCapabilities, analysis: string, needs: readonly (keyof DataCapabilities)[]): string | null {
  const missing = needs.filter((f) => !caps[f]);
  if (missing.length === 0) return null;
  const words: Record<keyof DataCapabilities, string> = {
    lines: 'purchase lines', amounts: 'amounts (no amount or unit price column was imported)',
    products: 'products (no product column was imported)', dates: 'dates', hours: 'times of day',
    customers: 'customer ids',
  };
  return `${analysis} needs ${missing.map((f) => words[f]).join(' and ')}, which this project's data does not have.`;
}

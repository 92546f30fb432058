import type { IssueLog } from './issues.js';
import type { Encoder } from './encoder.js';

/** Which canonical table a file feeds (the keys of the import summary's `tables`). */
export type TargetTable = 'purchases' | 'customers' | 'products' | 'stores' | 'partnerUses' | 'payments' | 'marketing' | 'coupons';

/**
 * Converts one record; returns false when the row was rejected (the log holds why). `suspect`
 * says the record's text may hold NUL or invalid bytes (see CsvBatch.suspect).
 */
export type RowConverter = (fields: string[], line: number, suspect: boolean) => boolean;

/** What the importer decided to do with one file, before reading past its sample. */
export interface ImportPlan {
  format: 'lpoint' | 'generic' | 'baskets';
  /** L.point table name (PDDE, …) or generic role (transactions, …). */
  table: string;
  target: TargetTable;
  /** field → column header used. */
  mapping: Record<string, string>;
  /** Header columns no field uses (generic imports keep them in raw_extra). */
  unmapped: string[];
  /** Decisions worth showing the user (date format guessed, amount computed from price, …). */
  notes: string[];
  /** Customers files: the columns stored as named customer attributes (issue #10). */
  attributes?: string[];
  /** Purchase files: the currency sign or code the sampled amounts or prices carry ("$", "KRW"…), issue #14. */
  currencySign?: string;
  converter(writer: Encoder, log: IssueLog, header: readonly string[]): RowConverter;
  /** For purchase files: the amount of a record when readable, so rejected amounts can be reconciled. */
  amountOf?: (fields: readonly string[]) => number | undefined;
}

/** A file-level problem that no row skipping can fix: it fails the import in every mode. */
export class PlanError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: string,
  ) {
    super(message);
    this.name = 'PlanError';
  }
}

/** Lower-case, without spaces, underscores or punctuation: 'Customer ID' ≡ 'customer_id' ≡ 'CustomerID'. */
export function normaliseHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[\s_\-.()/]+/g, '');
}

/**
 * Checks that every field of a record is text the importer can trust: no NUL bytes (binary
 * garbage) and no U+FFFD (bytes invalid in the file's encoding). Returns the index of the first
 * bad field, or -1.
 */
export function findBadField(fields: readonly string[]): number {
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f.indexOf('\u0000') >= 0 || f.indexOf('\uFFFD') >= 0) return i;
  }
  return -1;
}

/** Rejects a record whose shape or bytes are wrong; returns true when the record may be converted. */
export function checkRecord(fields: readonly string[], line: number, header: readonly string[], log: IssueLog, suspect: boolean): boolean {
  if (fields.length !== header.length) {
    const column = fields.length < header.length ? header[fields.length] : `(extra field ${fields.length})`;
    log.reject(line, column, fields.join(','), `expected ${header.length} fields, found ${fields.length}`);
    return false;
  }
  const bad = suspect ? findBadField(fields) : -1;
  if (bad >= 0) {
    const nul = fields[bad].includes('\u0000');
    log.reject(line, header[bad], fields[bad].split('\u0000').join('\\0'), nul ? 'NUL byte in the value (binary data?)' : 'bytes that are not valid in the file encoding');
    return false;
  }
  return true;
}

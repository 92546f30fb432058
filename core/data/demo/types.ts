/** The three demo sizes: `tiny` for tests, `demo` for the default project, `full` at real scale. */
export type DemoSize = 'tiny' | 'demo' | 'full';

/** The optional files (`demo --with marketing,coupons`); docs/demo-data.md, "Marketing and coupons (optional)". */
export const DEMO_EXTRAS = ['marketing', 'coupons'] as const;
export type DemoExtra = (typeof DEMO_EXTRAS)[number];

export interface DemoOptions {
  size: DemoSize;
  /** Any safe integer; the same (size, seed, with) always gives byte-identical files. */
  seed: number;
  /** Also write demo_truth.csv (cust, archetype). */
  writeTruth?: boolean;
  /**
   * Optional files: 'marketing' writes MARKETING_SPEND.csv and plants the online archetype's
   * reaction to it; 'coupons' writes DISCOUNT_COUPON.csv and PDDE's trailing `coupon` column.
   * Without either the six files are exactly those of earlier versions.
   */
  with?: readonly DemoExtra[];
  /** Checked between customers; when aborted the call rejects with an Error named AbortError. */
  signal?: AbortSignal;
  /** Called with (customers done, customers total) at most about every 1%. */
  onProgress?: (done: number, total: number) => void;
}

export interface DemoTables<T> {
  DEMO: T;
  PDDE: T;
  COP_U: T;
  PD_CLAC: T;
  BR: T;
  LPAY: T;
}

export interface DemoResult {
  files: DemoTables<string>;
  rows: DemoTables<number>;
  truthFile?: string;
  /** The optional files written, with their data row counts. */
  marketing?: { file: string; rows: number };
  coupons?: { file: string; rows: number };
}

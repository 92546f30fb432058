/** The three demo sizes: `tiny` for tests, `demo` for the default project, `full` at real scale. */
export type DemoSize = 'tiny' | 'demo' | 'full';

export interface DemoOptions {
  size: DemoSize;
  /** Any safe integer; the same (size, seed) always gives byte-identical files. */
  seed: number;
  /** Also write demo_truth.csv (cust, archetype). */
  writeTruth?: boolean;
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
}

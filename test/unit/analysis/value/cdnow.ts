import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** test/fixtures/cdnow/cdnow-summary.json (test/reference/cdnow_summary.mjs), as columns. */
export interface CdnowSummary {
  ids: string[];
  x: number[];
  tx: number[];
  T: number[];
  m: number[];
  holdout: number[];
  holdoutWeeks: number;
}

export const CDNOW_SUMMARY = path.resolve(import.meta.dirname, '../../../fixtures/cdnow/cdnow-summary.json');
export const CDNOW_RAW = path.resolve(import.meta.dirname, '../../../../../shared/data/cdnow/CDNOW_sample.txt');
export const HAS_CDNOW_RAW = existsSync(CDNOW_RAW);

export function readCdnow(): CdnowSummary {
  const j = JSON.parse(readFileSync(CDNOW_SUMMARY, 'utf8')) as { customers: [string, number, number, number, number, number][]; holdoutWeeks: number };
  const c = j.customers;
  return { ids: c.map((r) => r[0]), x: c.map((r) => r[1]), tx: c.map((r) => r[2]), T: c.map((r) => r[3]), m: c.map((r) => r[4]), holdout: c.map((r) => r[5]), holdoutWeeks: j.holdoutWeeks };
}

/** The published fits (Fader, Hardie & Lee 2005; Fader & Hardie 2013), the reference. */
export const PUBLISHED = { bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 } };

import type { Cell } from '../data/export/csv-writer.js';
import type { Db } from '../data/store/open.js';
import { WorkbenchError } from '../model/result.js';
import { segmentExport } from './segments.js';
import { clvView } from './value.js';

/** The CLV columns `export --what profiles --param clvRun=ID` appends (issue #13: CLV as a profile column). */
export const PROFILE_CLV_COLUMNS = ['mean_clv', 'mean_p_alive', 'mean_expected_purchases'] as const;

/**
 * A segmentation export; for `profiles` with `clvRun`, each segment's row gains the mean CLV,
 * P(alive) and expected purchases of its customers in that clv run (the Segments page's profile
 * columns; empty for a segment with none of its customers in the run).
 */
export function segmentExportWithClv(db: Db, runId: number, what: string, params: Record<string, string>): { header: string[]; rows: Iterable<Cell[]> } {
  const base = segmentExport(db, runId, what, params);
  if (what !== 'profiles' || params.clvRun === undefined) return base;
  const clvRun = Number(params.clvRun);
  if (!Number.isInteger(clvRun) || clvRun < 1) throw new WorkbenchError('invalid-input', `clvRun must be a run id, got '${params.clvRun}'.`);
  const groups = new Map(clvView(db, clvRun, { segmentRun: runId }).groups.filter((g) => g.segment !== null).map((g) => [g.segment as number, g]));
  const segmentAt = base.header.indexOf('segment');
  return {
    header: [...base.header, ...PROFILE_CLV_COLUMNS],
    rows: (function* () {
      for (const row of base.rows) {
        const g = groups.get(Number(row[segmentAt]));
        yield [...row, ...(g && g.customers > 0 ? [g.value.mean, g.pAlive.mean, g.meanExpectedPurchases] : [null, null, null])];
      }
    })(),
  };
}

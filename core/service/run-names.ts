import type { Db } from '../data/store/open.js';
import { getRun } from '../data/store/runs.js';
import { readNames } from '../data/store/segments.js';
import type { RunRecord } from '../model/jobs.js';
import { isSegmentAnalysis } from '../model/segment.js';

/**
 * A run with the current segment names in its summary (issue #14: a renamed segment carries its
 * new name everywhere). Summaries are written once, when a run ends, with the names of that
 * moment: a segmentation's `segmentList`, and in the runs that used a segmentation (`segmentRun`)
 * the per-segment rows — marketing-response and coupon-sensitivity `segments[]`, rules `parts[]`,
 * forecast `series[]` (keys `seg<id>`). Here each name is replaced by the segment's name now,
 * found by segment id. When the segmentation was deleted, the stored names stay: the later run
 * keeps its own copy, as it was.
 */
export function withCurrentNames(db: Db, run: RunRecord): RunRecord {
  const summary = run.summary as Record<string, unknown> | null;
  if (summary === null || typeof summary !== 'object') return run;
  if (isSegmentAnalysis(run.analysis)) {
    if (!Array.isArray(summary.segmentList)) return run;
    const names = readNames(db, run.id);
    return names.size === 0 ? run : { ...run, summary: { ...summary, segmentList: rename(summary.segmentList, names, (s) => s.id) } };
  }
  const segRun = summary.segmentRun;
  if (typeof segRun !== 'number' || !getRun(db, segRun)) return run;
  const names = readNames(db, segRun);
  if (names.size === 0) return run;
  const next: Record<string, unknown> = { ...summary };
  if (Array.isArray(summary.segments)) next.segments = rename(summary.segments, names, (s) => s.segment);
  if (Array.isArray(summary.parts)) next.parts = rename(summary.parts, names, (s) => s.segment);
  if (Array.isArray(summary.series)) next.series = rename(summary.series, names, (s) => (typeof s.key === 'string' && /^seg-?\d+$/.test(s.key) ? Number(s.key.slice(3)) : null));
  return { ...run, summary: next };
}

/** Rows whose segment id (`idOf`) has a current name get it; others are kept as they are. */
function rename(rows: unknown[], names: ReadonlyMap<number, string>, idOf: (row: Record<string, unknown>) => unknown): unknown[] {
  return rows.map((row) => {
    if (row === null || typeof row !== 'object') return row;
    const id = idOf(row as Record<string, unknown>);
    const name = typeof id === 'number' ? names.get(id) : undefined;
    return name === undefined ? row : { ...(row as object), name };
  });
}

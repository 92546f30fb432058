import type { RunRecord } from '../../../../core/model/jobs.js';
import type { SegmentationSummary } from '../../../../core/model/segment.js';

/** The summary of a segmentation run, or null when it holds none this version understands. */
export function summaryOf(run: RunRecord): SegmentationSummary | null {
  const s = run.summary as Partial<SegmentationSummary> | null;
  return s !== null && typeof s === 'object' && typeof s.segments === 'number' && Array.isArray(s.segmentList) ? (s as SegmentationSummary) : null;
}

import type { RunRecord } from '../../../../core/model/jobs.js';
import { isSegmentAnalysis, type SegmentationSummary } from '../../../../core/model/segment.js';

/** The project's finished segmentation runs, newest first. */
export function segmentationRuns(runs: readonly RunRecord[]): RunRecord[] {
  return runs.filter((r) => r.status === 'done' && isSegmentAnalysis(r.analysis)).sort((a, b) => b.id - a.id);
}

/** The summary of a segmentation run, or null when it holds none this version understands. */
export function summaryOf(run: RunRecord): SegmentationSummary | null {
  const s = run.summary as Partial<SegmentationSummary> | null;
  return s !== null && typeof s === 'object' && typeof s.segments === 'number' && Array.isArray(s.segmentList) ? (s as SegmentationSummary) : null;
}

/** The run to show: the wanted one while it exists, else the newest. */
export function pickRun(runs: readonly RunRecord[], wanted: number | null): number | null {
  if (wanted !== null && runs.some((r) => r.id === wanted)) return wanted;
  return runs[0]?.id ?? null;
}

import type { RunRecord } from '../../../core/model/jobs.js';
import { isSegmentAnalysis } from '../../../core/model/segment.js';

/** The finished runs that `keep` accepts, newest first. */
export function finishedRuns(runs: readonly RunRecord[], keep: (analysis: string) => boolean): RunRecord[] {
  return runs.filter((r) => r.status === 'done' && keep(r.analysis)).sort((a, b) => b.id - a.id);
}

/** Finished runs of one analysis, newest first. */
export function runsOf(runs: readonly RunRecord[], analysis: string): RunRecord[] {
  return finishedRuns(runs, (a) => a === analysis);
}

/** The project's finished segmentation runs, newest first. */
export function segmentationRuns(runs: readonly RunRecord[]): RunRecord[] {
  return finishedRuns(runs, isSegmentAnalysis);
}

/** The run to show: the wanted one while it exists, else the newest. */
export function pickRun(runs: readonly RunRecord[], wanted: number | null): number | null {
  if (wanted !== null && runs.some((r) => r.id === wanted)) return wanted;
  return runs[0]?.id ?? null;
}

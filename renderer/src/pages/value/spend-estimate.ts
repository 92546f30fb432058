import type { ProjectInfo } from '../../../../core/model/api.js';
import type { RunRecord } from '../../../../core/model/jobs.js';
import type { SpendSummary } from '../../../../core/model/spend.js';

/** The spend-model job's cap on training lines (maxTrainLines' default; a seeded sample beyond it). */
export const MAX_TRAIN_LINES = 400_000;

/**
 * TabNet-style time per training line (fit and its permutation importance) when the project has
 * no earlier TabNet run: 1,574 s for 360,014 training lines on the full demo, measured on this
 * machine's 2 shared cores (docs/value.md, "The spend model on the Value page").
 */
export const TABNET_SECONDS_PER_LINE = 1574 / 360_014;

/**
 * How long the TabNet-style model will take, shown before it is ticked (issue #13: it is the slow
 * one). Training lines are estimated as the project's lines in the last `trainDays` before the
 * validation and test days (lines spread evenly over the data's days), capped at MAX_TRAIN_LINES;
 * the rate is the newest earlier TabNet fit of this project (its seconds per training line) or,
 * without one, TABNET_SECONDS_PER_LINE. Null when the project's span is unknown.
 */
export function tabnetSeconds(info: ProjectInfo | null, days: { trainDays: number; validDays: number; testDays: number }, runs: readonly RunRecord[]): { seconds: number; lines: number; from: 'run' | 'measured'; runId?: number } | null {
  if (!info || !info.firstDay || !info.lastDay || info.lines === 0) return null;
  const span = Math.max(1, Math.round((Date.parse(info.lastDay) - Date.parse(info.firstDay)) / 86_400_000) + 1);
  const lines = Math.min(MAX_TRAIN_LINES, Math.round((info.lines * Math.min(days.trainDays, Math.max(0, span - days.validDays - days.testDays))) / span));
  for (const r of runs) {
    const s = r.summary as SpendSummary | null;
    const tab = s?.models.find((m) => m.id === 'tabnet');
    const trained = s ? s.periods.train.lines - (s.trainLinesDropped ?? 0) : 0;
    if (tab && trained > 0) return { seconds: (tab.seconds / trained) * lines, lines, from: 'run', runId: r.id };
  }
  return TABNET_SECONDS_PER_LINE > 0 ? { seconds: TABNET_SECONDS_PER_LINE * lines, lines, from: 'measured' } : null;
}

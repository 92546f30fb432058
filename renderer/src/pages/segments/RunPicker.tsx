import { useId } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import { isSegmentAnalysis } from '../../../../core/model/segment.js';
import { useI18n } from '../../i18n/context.js';
import { summaryOf } from './runs.js';

/** "#12 · Spring base · K-means · 5 segments · Nov 30, 2026, 06:02" (the title when the run has one, issue #14) */
export function useRunLabel(): (run: RunRecord) => string {
  const { t, fmt } = useI18n();
  return (run) => {
    const s = summaryOf(run);
    const name = isSegmentAnalysis(run.analysis) ? t(`analysis.${run.analysis}`) : run.analysis;
    return [`#${run.id}`, run.title ?? null, name, s ? t('segments.nSegments', { n: fmt.int(s.segments) }) : null, fmt.dateTime(run.startedAt)].filter(Boolean).join(' · ');
  };
}

interface Props {
  runs: readonly RunRecord[];
  value: number | null;
  onChange(runId: number): void;
  testId: string;
  label: string;
}

/** A select of segmentation runs, newest first. */
export function RunPicker({ runs, value, onChange, testId, label }: Props) {
  const id = useId();
  const runLabel = useRunLabel();
  return (
    <label className="field run-picker" htmlFor={id}>
      <span className="field-label">{label}</span>
      <select id={id} className="input" data-testid={testId} value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
        {value === null && <option value="">–</option>}
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {runLabel(r)}
          </option>
        ))}
      </select>
    </label>
  );
}

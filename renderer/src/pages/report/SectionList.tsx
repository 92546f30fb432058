import type { RunRecord } from '../../../../core/model/jobs.js';
import { Icon } from '../../components/Icon.js';
import { useAnalysisName } from '../../hooks/useAnalysisName.js';
import { useI18n } from '../../i18n/context.js';

export interface BuilderSection {
  run: number;
  with?: number;
  segments?: [number, number];
  summary: string;
}

/** A section's name in the builder: the run's title, or its analysis' name in the UI language (never its id: issue #14) and the run number. */
export function runName(runs: readonly RunRecord[], id: number, t: ReturnType<typeof useI18n>['t'], analysisName: (id: string) => string): string {
  const r = runs.find((x) => x.id === id);
  if (!r) return t('reports.missingRun', { id });
  return r.title ? `${r.title} (#${r.id})` : `${analysisName(r.analysis)} #${r.id}`;
}

/** The report's sections in order: move up or down, remove, and the analyst's summary for each. */
export function SectionList({ sections, runs, onChange }: { sections: BuilderSection[]; runs: readonly RunRecord[]; onChange(next: BuilderSection[]): void }) {
  const { t } = useI18n();
  const analysisName = useAnalysisName();
  const move = (i: number, by: -1 | 1) => {
    const next = [...sections];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  if (sections.length === 0) return <p className="muted">{t('reports.noSections')}</p>;
  return (
    <ol className="report-sections" data-testid="report-sections">
      {sections.map((s, i) => (
        <li key={`${s.run}~${s.with ?? ''}~${s.segments?.join(':') ?? ''}`} className="report-section" data-testid="report-section" data-run={s.run}>
          <div className="report-section-head">
            <strong>
              {i + 1}. {runName(runs, s.run, t, analysisName)}
              {s.with !== undefined && ` ↔ ${runName(runs, s.with, t, analysisName)}`}
              {s.segments && ` · ${t('reports.segmentsOf', { a: s.segments[0], b: s.segments[1] })}`}
            </strong>
            <span className="report-section-actions">
              <button type="button" className="btn btn-small" aria-label={t('reports.up')} title={t('reports.up')} data-testid="report-up" disabled={i === 0} onClick={() => move(i, -1)}>
                <Icon name="chevronUp" size={14} />
              </button>
              <button type="button" className="btn btn-small" aria-label={t('reports.down')} title={t('reports.down')} data-testid="report-down" disabled={i === sections.length - 1} onClick={() => move(i, 1)}>
                <Icon name="chevronDown" size={14} />
              </button>
              <button type="button" className="btn btn-small" aria-label={t('common.remove')} title={t('common.remove')} data-testid="report-remove" onClick={() => onChange(sections.filter((_, j) => j !== i))}>
                <Icon name="close" size={14} />
              </button>
            </span>
          </div>
          <label className="field">
            <span className="muted small">{t('reports.summary')}</span>
            <textarea rows={2} value={s.summary} data-testid="report-summary" placeholder={t('reports.summaryPlaceholder')} onChange={(e) => onChange(sections.map((x, j) => (j === i ? { ...x, summary: e.target.value } : x)))} />
          </label>
        </li>
      ))}
    </ol>
  );
}

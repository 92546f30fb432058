import { useMemo } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import type { SpendSummary } from '../../../../core/model/spend.js';
import { Card } from '../../components/Card.js';
import { useShownRun } from '../../hooks/useProjectRuns.js';
import { useI18n } from '../../i18n/context.js';
import { pickRun, runsOf } from '../../lib/runs.js';
import { SpendForm } from './SpendForm.js';
import { spendModelLabel } from './spend-text.js';
import { SpendView } from './SpendView.js';

/**
 * The Value page's second money question (issue #13, seed 001): how much will this customer spend
 * on what we recommend. Run the spend model, pick a run, read its metrics, verdict, importance and
 * one customer's expected spend per recommended product.
 */
export function SpendSection({ project, all, reload }: { project: string; all: readonly RunRecord[]; reload(): void }) {
  const { t, fmt } = useI18n();
  const { wanted, setWanted, onDone } = useShownRun(reload, 'value.spend');
  const runs = useMemo(() => runsOf(all, 'spend-model'), [all]);
  const recRuns = useMemo(() => runsOf(all, 'recommend'), [all]);
  const selected = pickRun(runs, wanted);
  return (
    <section className="stack spend-section" data-testid="spend-section" data-selected-run={selected ?? ''}>
      <h2 className="section-title">{t('value.spend.title')}</h2>
      <SpendForm project={project} runs={runs} onDone={onDone} />
      <Card title={t('value.spend.runs')} testId="spend-runs" attrs={{ 'data-runs': String(runs.length) }}>
        {runs.length === 0 ? (
          <p className="muted" data-testid="spend-no-runs">{t('value.spend.noRuns')}</p>
        ) : (
          <label className="field run-picker">
            <span className="field-label">{t('value.pick')}</span>
            <select className="input" data-testid="spend-run-picker" value={selected ?? ''} onChange={(e) => setWanted(Number(e.target.value))}>
              {runs.map((r) => {
                const s = r.summary as SpendSummary | null;
                return <option key={r.id} value={r.id}>{[`#${r.id}`, s ? s.models.map((m) => spendModelLabel(t, m.id)).join(', ') : null, fmt.dateTime(r.startedAt)].filter(Boolean).join(' · ')}</option>;
              })}
            </select>
          </label>
        )}
      </Card>
      {selected !== null && <SpendView key={selected} project={project} runId={selected} recommendRuns={recRuns} />}
    </section>
  );
}

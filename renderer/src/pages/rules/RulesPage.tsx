import { useMemo } from 'react';
import type { RulesSummary } from '../../../../core/model/rules.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { NoProject } from '../../components/NoProject.js';
import { useProjectRuns, useShownRun } from '../../hooks/useProjectRuns.js';
import { useI18n } from '../../i18n/context.js';
import { pickRun, runsOf, segmentationRuns } from '../../lib/runs.js';
import { RulesForm } from './RulesForm.js';
import { RulesView } from './RulesView.js';

/** Rules: mine association rules (parameters, run, cancel), pick a run, explore its rules. */
export function RulesPage() {
  const { t, fmt } = useI18n();
  const { project, query: runsQuery, all, reload } = useProjectRuns();
  const { wanted, setWanted, onDone } = useShownRun(reload, 'rules');
  const rulesRuns = useMemo(() => runsOf(all, 'rules'), [all]);
  const segRuns = useMemo(() => segmentationRuns(all), [all]);
  const selected = pickRun(rulesRuns, wanted);
  if (project === null) return <NoProject />;
  return (
    <div className="page page-rules" data-testid="page-rules" data-selected-run={selected ?? ''}>
      <RulesForm project={project} segmentRuns={segRuns} onDone={onDone} />
      <Card title={t('rules.runs')} testId="rules-runs" attrs={{ 'data-runs': String(rulesRuns.length) }}>
        {runsQuery.status === 'error' && <ErrorMessage error={runsQuery.error} />}
        {runsQuery.status === 'loading' && all.length === 0 && <Loading />}
        {runsQuery.status === 'ok' && rulesRuns.length === 0 && <p className="muted" data-testid="rules-no-runs">{t('rules.noRuns')}</p>}
        {rulesRuns.length > 0 && (
          <label className="field run-picker">
            <span className="field-label">{t('rules.pick')}</span>
            <select className="input" data-testid="rules-run-picker" value={selected ?? ''} onChange={(e) => setWanted(Number(e.target.value))}>
              {rulesRuns.map((r) => {
                const s = r.summary as RulesSummary | null;
                return (
                  <option key={r.id} value={r.id}>
                    {[`#${r.id}`, s ? `${s.basket} · ${s.level}` : null, s ? t('rules.nRules', { n: fmt.int(s.rules) }) : null, fmt.dateTime(r.startedAt)].filter(Boolean).join(' · ')}
                  </option>
                );
              })}
            </select>
          </label>
        )}
      </Card>
      {selected !== null && <RulesView key={selected} project={project} runId={selected} />}
    </div>
  );
}

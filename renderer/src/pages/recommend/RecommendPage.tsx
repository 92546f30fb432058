import { useCallback, useMemo, useState } from 'react';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { NoProject } from '../../components/NoProject.js';
import { useProjectRuns, useShownRun } from '../../hooks/useProjectRuns.js';
import { useI18n } from '../../i18n/context.js';
import { CampaignSection } from './CampaignSection.js';
import { CustomerSection, type CustomerRequest } from './CustomerSection.js';
import { EvalForm, EvalView } from './EvalSection.js';
import { PreferenceSection } from './PreferenceSection.js';
import { ScoreModelSection } from './ScoreModelSection.js';
import { pickRun, runsOf, segmentationRuns } from '../../lib/runs.js';
import { evalSummary, evalWinner } from './model.js';

/** Recommend: evaluate the recommenders on a holdout, then build a campaign list and export it. */
export function RecommendPage() {
  const { t, fmt } = useI18n();
  const { project, query: runsQuery, all, reload } = useProjectRuns();
  const { wanted, setWanted, onDone: onEvalDone } = useShownRun(reload, 'recommend');
  const [firstCustomer, setFirstCustomer] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ seq: number; request: CustomerRequest } | null>(null);
  const openCustomer = useCallback((code: string, runId: number) => setPicked((p) => ({ seq: (p?.seq ?? 0) + 1, request: { code, runId } })), []);

  const evalRuns = useMemo(() => runsOf(all, 'recommend-eval'), [all]);
  const recRuns = useMemo(() => runsOf(all, 'recommend'), [all]);
  const segRuns = useMemo(() => segmentationRuns(all), [all]);
  const clvRuns = useMemo(() => runsOf(all, 'clv'), [all]);
  const spendRuns = useMemo(() => runsOf(all, 'spend-model'), [all]);
  const prefRuns = useMemo(() => runsOf(all, 'preference-score'), [all]);
  const scoreRuns = useMemo(() => runsOf(all, 'score-model'), [all]);
  const selected = pickRun(evalRuns, wanted);
  const selectedRun = evalRuns.find((r) => r.id === selected);

  if (project === null) return <NoProject />;
  return (
    <div className="page page-recommend" data-testid="page-recommend" data-selected-run={selected ?? ''}>
      <EvalForm project={project} onDone={onEvalDone} />
      <Card title={t('recommend.evalRuns')} testId="eval-runs" attrs={{ 'data-runs': String(evalRuns.length) }}>
        {runsQuery.status === 'error' && <ErrorMessage error={runsQuery.error} />}
        {runsQuery.status === 'loading' && all.length === 0 && <Loading />}
        {runsQuery.status === 'ok' && evalRuns.length === 0 && <p className="muted" data-testid="eval-no-runs">{t('recommend.noRuns')}</p>}
        {evalRuns.length > 0 && (
          <label className="field run-picker">
            <span className="field-label">{t('recommend.evalRun.pick')}</span>
            <select className="input" data-testid="eval-run-picker" value={selected ?? ''} onChange={(e) => setWanted(Number(e.target.value))}>
              {evalRuns.map((r) => {
                const s = evalSummary(r);
                return (
                  <option key={r.id} value={r.id}>
                    {[`#${r.id}`, s ? t('recommend.cutoffAt', { day: fmt.day(s.cutoff) }) : null, s ? t('recommend.nModels', { n: s.models.filter((m) => m.skipped === undefined).length }) : null, fmt.dateTime(r.startedAt)].filter(Boolean).join(' · ')}
                  </option>
                );
              })}
            </select>
          </label>
        )}
      </Card>
      {selectedRun && <EvalView key={selectedRun.id} run={selectedRun} />}
      <CampaignSection project={project} recommendRuns={recRuns} segmentRuns={segRuns} clvRuns={clvRuns} spendRuns={spendRuns} suggestedModel={evalRuns[0] ? { model: evalWinner(evalSummary(evalRuns[0])), evalRun: evalRuns[0].id } : null} onDone={reload} onFirstCustomer={setFirstCustomer} onOpenCustomer={openCustomer} />
      <CustomerSection key={picked?.seq ?? 0} project={project} recommendRuns={recRuns} suggested={firstCustomer} initial={picked?.request ?? null} />
      <PreferenceSection project={project} runs={prefRuns} onDone={reload} />
      <ScoreModelSection project={project} runs={scoreRuns} onDone={reload} />
    </div>
  );
}

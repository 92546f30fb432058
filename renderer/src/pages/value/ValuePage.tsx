import { useMemo } from 'react';
import type { ClvSummary } from '../../../../core/model/value.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { NoProject } from '../../components/NoProject.js';
import { useProjectRuns, useShownRun } from '../../hooks/useProjectRuns.js';
import { useI18n } from '../../i18n/context.js';
import { pickRun, runsOf, segmentationRuns } from '../../lib/runs.js';
import { ValueForm } from './ValueForm.js';
import { ValueView } from './ValueView.js';
import { SpendSection } from './SpendSection.js';

/**
 * Value: the two money questions of issue #13 on one page. Customer lifetime value — fit BG/NBD +
 * Gamma-Gamma (parameters, run, cancel), pick a run, read its fit and holdout check, CLV and
 * P(alive) per segment, one customer; then the spend model (SpendSection) — expected spend per
 * recommended product, its metrics, verdict and importance.
 */
export function ValuePage() {
  const { t, fmt } = useI18n();
  const { project, query: runsQuery, all, reload } = useProjectRuns();
  const { wanted, setWanted, onDone } = useShownRun(reload, 'value');
  const clvRuns = useMemo(() => runsOf(all, 'clv'), [all]);
  const segRuns = useMemo(() => segmentationRuns(all), [all]);
  const selected = pickRun(clvRuns, wanted);
  if (project === null) return <NoProject />;
  return (
    <div className="page page-value" data-testid="page-value" data-selected-run={selected ?? ''}>
      <ValueForm project={project} onDone={onDone} />
      <Card title={t('value.runs')} testId="value-runs" attrs={{ 'data-runs': String(clvRuns.length) }}>
        {runsQuery.status === 'error' && <ErrorMessage error={runsQuery.error} />}
        {runsQuery.status === 'loading' && all.length === 0 && <Loading />}
        {runsQuery.status === 'ok' && clvRuns.length === 0 && <p className="muted" data-testid="value-no-runs">{t('value.noRuns')}</p>}
        {clvRuns.length > 0 && (
          <label className="field run-picker">
            <span className="field-label">{t('value.pick')}</span>
            <select className="input" data-testid="value-run-picker" value={selected ?? ''} onChange={(e) => setWanted(Number(e.target.value))}>
              {clvRuns.map((r) => {
                const s = r.summary as ClvSummary | null;
                return (
                  <option key={r.id} value={r.id}>
                    {[`#${r.id}`, s ? `${s.timeUnit} · ${s.calibrationEnd}` : null, s ? t('value.nCustomers', { n: fmt.int(s.customers) }) : null, fmt.dateTime(r.startedAt)].filter(Boolean).join(' · ')}
                  </option>
                );
              })}
            </select>
          </label>
        )}
      </Card>
      {selected !== null && <ValueView key={selected} project={project} runId={selected} segmentRuns={segRuns} />}
      <SpendSection project={project} all={all} reload={reload} />
    </div>
  );
}

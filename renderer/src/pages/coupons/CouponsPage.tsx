import { useMemo } from 'react';
import type { CouponSummary } from '../../../../core/model/coupons.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { NoProject } from '../../components/NoProject.js';
import { useProjectRuns, useShownRun } from '../../hooks/useProjectRuns.js';
import { useI18n } from '../../i18n/context.js';
import { pickRun, runsOf, segmentationRuns } from '../../lib/runs.js';
import { CouponsForm } from './CouponsForm.js';
import { CouponsView } from './CouponsView.js';

/** Coupons: run the coupon-sensitivity analysis (parameters, run, cancel), pick a run, read its clusters and verdict. */
export function CouponsPage() {
  const { t, fmt } = useI18n();
  const { project, query: runsQuery, all, reload } = useProjectRuns();
  const { wanted, setWanted, onDone } = useShownRun(reload, 'coupons');
  const couponRuns = useMemo(() => runsOf(all, 'coupon-sensitivity'), [all]);
  const segRuns = useMemo(() => segmentationRuns(all), [all]);
  const selected = pickRun(couponRuns, wanted);
  const shown = couponRuns.find((r) => r.id === selected);
  if (project === null) return <NoProject />;
  return (
    <div className="page page-coupons" data-testid="page-coupons" data-selected-run={selected ?? ''}>
      <CouponsForm project={project} segmentRuns={segRuns} onDone={onDone} />
      <Card title={t('coupons.runs')} testId="coupons-runs" attrs={{ 'data-runs': String(couponRuns.length) }}>
        {runsQuery.status === 'error' && <ErrorMessage error={runsQuery.error} />}
        {runsQuery.status === 'loading' && all.length === 0 && <Loading />}
        {runsQuery.status === 'ok' && couponRuns.length === 0 && <p className="muted" data-testid="coupons-no-runs">{t('coupons.noRuns')}</p>}
        {couponRuns.length > 0 && (
          <label className="field run-picker">
            <span className="field-label">{t('coupons.pick')}</span>
            <select className="input" data-testid="coupons-run-picker" value={selected ?? ''} onChange={(e) => setWanted(Number(e.target.value))}>
              {couponRuns.map((r) => {
                const s = r.summary as CouponSummary | null;
                return (
                  <option key={r.id} value={r.id}>
                    {[`#${r.id}`, s ? `${s.method} · k=${s.k}` : null, s ? t('coupons.nCustomers', { n: fmt.int(s.customers) }) : null, fmt.dateTime(r.startedAt)].filter(Boolean).join(' · ')}
                  </option>
                );
              })}
            </select>
          </label>
        )}
      </Card>
      {shown?.summary ? <CouponsView key={shown.id} project={project} runId={shown.id} summary={shown.summary as CouponSummary} /> : null}
    </div>
  );
}

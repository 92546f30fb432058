import { useMemo } from 'react';
import type { CohortPanel, LpayPanel } from '../../../../../core/model/overview.js';
import { ChartCard } from '../../../charts/ChartCard.js';
import { StatRow } from '../../../components/StatRow.js';
import { useI18n } from '../../../i18n/context.js';
import { cohortOption, lpayAdoptionOption, lpaySpendOption } from '../options/lpay.js';
import type { PanelProps } from './types.js';

/** L.pay adoption: how many customers use it, and new users per month. */
export function LpayAdoptionCard({ panel, onRendered }: PanelProps & { panel: LpayPanel }) {
  const { t, fmt } = useI18n();
  const option = useMemo(() => (panel.available ? lpayAdoptionOption(panel, { t, fmt }) : null), [panel, t, fmt]);
  const lead = (
    <StatRow
      testId="lpay-stats"
      items={[
        { label: t('overview.adoption'), value: fmt.pct(panel.adoptionShare, 1), note: t('overview.ofCustomers', { n: fmt.int(panel.usersAmongCustomers), total: fmt.int(panel.customers) }) },
        { label: t('overview.lpayUsers'), value: fmt.int(panel.users) },
        { label: t('overview.payments'), value: fmt.int(panel.payments) },
        { label: t('overview.paymentAmount'), value: fmt.moneyCompact(panel.paymentAmount), note: fmt.money(panel.paymentAmount) },
      ]}
    />
  );
  return <ChartCard panelId="lpay" title={t('overview.lpay')} option={option} reason={panel.reason} onRendered={onRendered} lead={lead} height={260} />;
}

/** Spend of L.pay users against other customers. */
export function LpaySpendCard({ panel, onRendered }: PanelProps & { panel: LpayPanel }) {
  const { t, fmt } = useI18n();
  const option = useMemo(() => (panel.available ? lpaySpendOption(panel, { t, fmt }) : null), [panel, t, fmt]);
  return <ChartCard panelId="lpaySpend" title={t('overview.lpaySpend')} option={option} reason={panel.reason} onRendered={onRendered} height={318} />;
}

/** The first-payment promotion cohort (seed: 100 won): size, and how many paid again. */
export function CohortCard({ panel, onRendered }: PanelProps & { panel: CohortPanel }) {
  const { t, fmt } = useI18n();
  const option = useMemo(() => (panel.available ? cohortOption(panel, { t, fmt }) : null), [panel, t, fmt]);
  const lead = (
    <StatRow
      testId="cohort-stats"
      items={[
        { label: t('overview.cohort'), value: fmt.int(panel.cohort) },
        { label: t('overview.repeaters'), value: fmt.int(panel.repeaters), note: fmt.pct(panel.repeatShare, 1) },
        { label: t('overview.daysToSecond'), value: panel.medianDaysToSecond === null ? '–' : t('overview.kpi.days', { n: fmt.dec(panel.medianDaysToSecond, 1) }) },
        { label: t('overview.anyPaymentOf', { amount: fmt.int(panel.amount) }), value: fmt.int(panel.customersWithAnyPaymentOfAmount) },
      ]}
    />
  );
  return <ChartCard panelId="cohort" title={t('overview.cohortTitle', { amount: fmt.int(panel.amount) })} option={option} reason={panel.reason} onRendered={onRendered} lead={lead} height={260} />;
}

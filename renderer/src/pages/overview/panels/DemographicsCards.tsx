import { useMemo, useState } from 'react';
import type { DemographicsPanel, RegionPanel } from '../../../../../core/model/overview.js';
import { ChartCard } from '../../../charts/ChartCard.js';
import { useI18n } from '../../../i18n/context.js';
import { demographicsOption, regionsOption, type DemographicsMetric } from '../options/demographics.js';
import { MetricSwitch } from './MetricSwitch.js';
import type { PanelProps } from './types.js';

export function DemographicsCard({ panel, onRendered }: PanelProps & { panel: DemographicsPanel }) {
  const { t, fmt } = useI18n();
  const [chosen, setMetric] = useState<DemographicsMetric>('customers');
  // Without amounts (issue #10) only customers can be shown; the subtitle says why.
  const metric: DemographicsMetric = panel.moneyReason ? 'customers' : chosen;
  const option = useMemo(() => (panel.available ? demographicsOption(panel, metric, { t, fmt }) : null), [panel, metric, t, fmt]);
  return (
    <ChartCard
      panelId="demographics"
      title={t('overview.demographics')}
      subtitle={panel.moneyReason}
      option={option}
      reason={panel.reason}
      onRendered={onRendered}
      toolbar={
        panel.available && !panel.moneyReason && (
          <MetricSwitch
            value={metric}
            onChange={setMetric}
            options={[
              { value: 'customers', label: t('project.customers') },
              { value: 'sales', label: t('overview.sales') },
            ]}
          />
        )
      }
    />
  );
}

export function RegionsCard({ panel, onRendered }: PanelProps & { panel: RegionPanel }) {
  const { t, fmt } = useI18n();
  const option = useMemo(() => (panel.available ? regionsOption(panel, { t, fmt }) : null), [panel, t, fmt]);
  const height = Math.max(240, Math.min(20, panel.rows.length) * 24 + 40);
  const more = panel.rows.length - 20;
  return <ChartCard panelId="regions" title={t('overview.regions')} subtitle={more > 0 ? t('overview.topOf', { n: 20, total: fmt.int(panel.rows.length) }) : undefined} option={option} reason={panel.reason} onRendered={onRendered} height={height} />;
}

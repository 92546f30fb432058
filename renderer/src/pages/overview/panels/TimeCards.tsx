import { useMemo, useState } from 'react';
import type { ChannelTrendPanel, HeatmapPanel, MonthlySeriesPanel } from '../../../../../core/model/overview.js';
import { ChartCard } from '../../../charts/ChartCard.js';
import { Segmented } from '../../../components/Segmented.js';
import { useI18n } from '../../../i18n/context.js';
import { channelOption, heatmapOption, monthlyOption, type Granularity, type HeatmapMetric } from '../options/time.js';
import { MetricSwitch } from './MetricSwitch.js';
import type { PanelProps } from './types.js';

export function MonthlyCard({ panelId, title, panel, onRendered }: PanelProps & { panelId: string; title: string; panel: MonthlySeriesPanel }) {
  const { t, fmt } = useI18n();
  const option = useMemo(() => (panel.available ? monthlyOption(panel, { t, fmt }) : null), [panel, t, fmt]);
  return <ChartCard panelId={panelId} title={title} option={option} reason={panel.reason} onRendered={onRendered} />;
}

export function ChannelCard({ panel, onRendered }: PanelProps & { panel: ChannelTrendPanel }) {
  const { t, fmt } = useI18n();
  const [granularity, setGranularity] = useState<Granularity>('monthly');
  const option = useMemo(() => (panel.available ? channelOption(panel, granularity, { t, fmt }) : null), [panel, granularity, t, fmt]);
  return (
    <ChartCard
      panelId="channelTrend"
      title={t('overview.channelTrend')}
      option={option}
      reason={panel.reason}
      onRendered={onRendered}
      toolbar={
        panel.available && (
          <Segmented
            value={granularity}
            onChange={setGranularity}
            label={t('overview.granularity')}
            testId="switch-granularity"
            options={[
              { value: 'monthly', label: t('overview.monthly') },
              { value: 'weekly', label: t('overview.weekly') },
            ]}
          />
        )
      }
    />
  );
}

export function HeatmapCard({ panel, onRendered }: PanelProps & { panel: HeatmapPanel }) {
  const { t, fmt } = useI18n();
  const [chosen, setMetric] = useState<HeatmapMetric>('receipts');
  // Without amounts (issue #10) only receipts can be shown; the subtitle says why.
  const metric: HeatmapMetric = panel.moneyReason ? 'receipts' : chosen;
  const option = useMemo(() => (panel.available ? heatmapOption(panel, metric, { t, fmt }) : null), [panel, metric, t, fmt]);
  const withoutHour = panel.available && panel.receiptsWithoutHour > 0 ? t('overview.withoutHour', { n: fmt.int(panel.receiptsWithoutHour) }) : undefined;
  return (
    <ChartCard
      panelId="heatmap"
      title={t('overview.heatmap')}
      subtitle={[withoutHour, panel.moneyReason].filter(Boolean).join(' · ') || undefined}
      option={option}
      reason={panel.reason}
      onRendered={onRendered}
      toolbar={
        panel.available && !panel.moneyReason && (
          <MetricSwitch
            value={metric}
            onChange={setMetric}
            options={[
              { value: 'receipts', label: t('overview.receipts') },
              { value: 'sales', label: t('overview.sales') },
            ]}
          />
        )
      }
    />
  );
}

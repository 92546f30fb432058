import { useMemo, useState } from 'react';
import type { RetailerThemesPanel, TopCategoriesPanel } from '../../../../../core/model/overview.js';
import { ChartCard } from '../../../charts/ChartCard.js';
import { Segmented } from '../../../components/Segmented.js';
import { useI18n } from '../../../i18n/context.js';
import { categoriesOption, categoryRows, themesOption, type CategoryLevelName, type CategoryMetric } from '../options/categories.js';
import { MetricSwitch } from './MetricSwitch.js';
import type { PanelProps } from './types.js';

/** Top categories by sales or baskets, 대분류 or 중분류 (or products when the data has no categories). */
export function TopCategoriesCard({ panel, onRendered }: PanelProps & { panel: TopCategoriesPanel }) {
  const { t, fmt } = useI18n();
  const [level, setLevel] = useState<CategoryLevelName>('level1');
  const [chosen, setMetric] = useState<CategoryMetric>('sales');
  // Without amounts (issue #10) products rank by baskets only; the subtitle says why.
  const metric: CategoryMetric = panel.moneyReason ? 'receipts' : chosen;
  const option = useMemo(() => (panel.available ? categoriesOption(panel, level, metric, { t, fmt }) : null), [panel, level, metric, t, fmt]);
  const rows = panel.available ? categoryRows(panel, level, metric).length : 0;
  const byProduct = panel.basis === 'product';
  return (
    <ChartCard
      panelId="topCategories"
      title={byProduct ? t('overview.topProducts') : t('overview.topCategories')}
      subtitle={[byProduct ? t('overview.noCategories') : undefined, panel.moneyReason].filter(Boolean).join(' · ') || undefined}
      option={option}
      reason={panel.reason}
      onRendered={onRendered}
      height={Math.max(260, rows * 22 + 30)}
      toolbar={
        panel.available && (
          <>
            {!byProduct && (
              <Segmented
                value={level}
                onChange={setLevel}
                label={t('overview.level')}
                testId="switch-level"
                options={[
                  { value: 'level1', label: t('overview.level1') },
                  { value: 'level2', label: t('overview.level2'), disabled: panel.level2 === null },
                ]}
              />
            )}
            {!panel.moneyReason && (
              <MetricSwitch
                value={metric}
                onChange={setMetric}
                options={[
                  { value: 'sales', label: t('overview.sales') },
                  { value: 'receipts', label: t('overview.baskets') },
                ]}
              />
            )}
          </>
        )
      }
    />
  );
}

/** Each retailer's top categories by its own share of sales (small multiples). */
export function RetailerThemesCard({ panel, onRendered }: PanelProps & { panel: RetailerThemesPanel }) {
  const { t, fmt } = useI18n();
  const option = useMemo(() => (panel.available && panel.retailers.length > 0 ? themesOption(panel, { t, fmt }) : null), [panel, t, fmt]);
  const rows = Math.max(1, Math.ceil(panel.retailers.length / 3));
  return <ChartCard panelId="retailerThemes" title={t('overview.retailerThemes')} subtitle={t('overview.themesHint')} option={option} reason={panel.reason} onRendered={onRendered} height={rows * 200} />;
}

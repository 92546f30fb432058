import { useMemo } from 'react';
import type { PriceSpreadPanel } from '../../../../../core/model/overview.js';
import { ChartCard } from '../../../charts/ChartCard.js';
import { useI18n } from '../../../i18n/context.js';
import { priceScatterOption, skewHistogramOption } from '../options/price.js';
import { FlaggedProductsTable } from './FlaggedProductsTable.js';
import type { PanelProps } from './types.js';

/** How skewed product prices are across all analysed products. */
export function PriceSkewCard({ panel, onRendered }: PanelProps & { panel: PriceSpreadPanel }) {
  const { t, fmt } = useI18n();
  const option = useMemo(() => (panel.available ? skewHistogramOption(panel, { t, fmt }) : null), [panel, t, fmt]);
  return (
    <ChartCard
      panelId="priceSkew"
      title={t('overview.priceSkew')}
      subtitle={panel.available ? t('overview.productsAnalysed', { n: fmt.int(panel.productsAnalysed), min: fmt.int(panel.minPurchases) }) : undefined}
      option={option}
      reason={panel.reason}
      onRendered={onRendered}
    />
  );
}

/** Products whose price spread is extreme: skewness against kurtosis, and the list. */
export function PriceSpreadCard({ panel, onRendered }: PanelProps & { panel: PriceSpreadPanel }) {
  const { t, fmt } = useI18n();
  const option = useMemo(() => (panel.available ? priceScatterOption(panel, { t, fmt }) : null), [panel, t, fmt]);
  return (
    <ChartCard
      panelId="priceSpread"
      title={t('overview.priceSpread')}
      subtitle={panel.available ? `${t('overview.flaggedOf', { n: fmt.int(panel.productsFlagged), total: fmt.int(panel.productsAnalysed) })} · ${panel.rule}` : undefined}
      option={option}
      reason={panel.reason}
      onRendered={onRendered}
      wide
    >
      {panel.available && <FlaggedProductsTable rows={panel.flagged} />}
    </ChartCard>
  );
}

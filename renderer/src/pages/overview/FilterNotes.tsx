import type { OverviewFilters } from '../../../../core/model/overview-explore.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/translate.js';

/**
 * Which panels a chosen filter does not reach, and why (core/data/store/queries/overview/scope.ts
 * decides): a retailer is a receipt's field, so partner uses and L.pay payments keep every
 * retailer; a category is a line's product, so the panels that add up whole receipts keep every
 * category. Shown only for the filters that are set.
 */
export function FilterNotes({ filters }: { filters: OverviewFilters }) {
  const { t } = useI18n();
  const list = (keys: MessageKey[]) => keys.map((k) => t(k)).join(', ');
  return (
    <>
      {filters.retailer !== undefined && (
        <p className="muted small" data-testid="filter-note-retailer">
          {t('explore.noteRetailer', { panels: list(['overview.partnerSales', 'overview.lpay', 'overview.cohort']) })}
        </p>
      )}
      {filters.category !== undefined && (
        <p className="muted small" data-testid="filter-note-category">
          {t('explore.noteCategory', {
            panels: list(['overview.kpi.title', 'overview.demographics', 'overview.regions', 'overview.retailerSales', 'overview.partnerSales', 'overview.channelTrend', 'overview.heatmap', 'overview.lpay', 'overview.lpaySpend', 'overview.cohort']),
          })}
        </p>
      )}
    </>
  );
}

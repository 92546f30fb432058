import { useCallback, useState, type ReactNode } from 'react';
import type { OverviewExplore, OverviewFilters } from '../../../../core/model/overview-explore.js';
import type { OverviewResult } from '../../../../core/model/overview.js';
import { useApi } from '../../api/context.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useI18n } from '../../i18n/context.js';
import { shortHash } from '../../lib/format.js';
import { ExploreFilters } from './explore/ExploreFilters.js';
import { ExploreSection } from './explore/ExploreSection.js';
import { FilterNotes } from './FilterNotes.js';
import { dateRange } from './labels.js';
import { TopCategoriesCard, RetailerThemesCard } from './panels/CategoryCards.js';
import { DemographicsCard, RegionsCard } from './panels/DemographicsCards.js';
import { KpiPanel } from './panels/KpiPanel.js';
import { CohortCard, LpayAdoptionCard, LpaySpendCard } from './panels/LpayCards.js';
import { PriceSkewCard, PriceSpreadCard } from './panels/PriceCards.js';
import { ChannelCard, HeatmapCard, MonthlyCard } from './panels/TimeCards.js';

/** The chart cards the page waits for before it says it is ready (data-overview-ready). */
export const CHART_IDS = ['demographics', 'regions', 'retailerSales', 'partnerSales', 'channelTrend', 'heatmap', 'topCategories', 'retailerThemes', 'priceSkew', 'priceSpread', 'lpay', 'lpaySpend', 'cohort'] as const;

/**
 * Every panel, laid out two per row, under one filter bar for the page (issue #14): the filters go
 * to getOverviewExplore, whose answer holds the "every file" panels and, with a filter, every other
 * panel recomputed under it (`panels`); without a filter the overview run's panels are shown.
 * data-overview-ready="true" once each chart is drawn; data-filtered says which panels are shown
 * ("all": the filtered ones for the current filters, "none": the run's; "pending": computing).
 */
export function OverviewPanels({ overview, runId, fingerprint, project }: { overview: OverviewResult; runId: number; fingerprint: string; project: string }) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const [filters, setFilters] = useState<OverviewFilters>({});
  const query = useApiQuery(JSON.stringify([project, fingerprint, filters]), () => api.getOverviewExplore({ project, filters }));
  const explore: OverviewExplore | undefined = 'value' in query ? query.value : undefined;
  const [drawn, setDrawn] = useState<Record<string, boolean>>({});
  const onRendered = useCallback((id: string, rendered: boolean) => setDrawn((d) => (d[id] === rendered ? d : { ...d, [id]: rendered })), []);
  const ready = CHART_IDS.every((id) => drawn[id]);
  const p = { onRendered };
  const anyFilter = Object.keys(filters).length > 0;
  const pending = query.status === 'loading' && anyFilter;
  // While new filters compute, the last filtered panels stay (with a note) rather than flashing back to the unfiltered ones.
  const shown = anyFilter && explore?.panels ? explore.panels : null;
  const filtered = query.status === 'ok' ? shown : null;
  const o: Omit<OverviewResult, 'period'> = shown ?? overview;
  const period = filters.from !== undefined || filters.to !== undefined ? { from: filters.from ?? null, to: filters.to ?? null } : overview.period;
  // Charts the data supports come first (the grid packs densely around the wide price card); the
  // others follow, small, each saying why.
  const cards: { available: boolean; node: ReactNode }[] = [
    { available: o.demographics.available, node: <DemographicsCard key="demographics" panel={o.demographics} {...p} /> },
    { available: o.regions.available, node: <RegionsCard key="regions" panel={o.regions} {...p} /> },
    { available: o.retailerSales.available, node: <MonthlyCard key="retailerSales" panelId="retailerSales" title={t('overview.retailerSales')} panel={o.retailerSales} {...p} /> },
    { available: o.partnerSales.available, node: <MonthlyCard key="partnerSales" panelId="partnerSales" title={t('overview.partnerSales')} panel={o.partnerSales} {...p} /> },
    { available: o.channelTrend.available, node: <ChannelCard key="channelTrend" panel={o.channelTrend} {...p} /> },
    { available: o.heatmap.available, node: <HeatmapCard key="heatmap" panel={o.heatmap} {...p} /> },
    { available: o.topCategories.available, node: <TopCategoriesCard key="topCategories" panel={o.topCategories} {...p} /> },
    { available: o.retailerThemes.available && o.retailerThemes.retailers.length > 0, node: <RetailerThemesCard key="retailerThemes" panel={o.retailerThemes} {...p} /> },
    { available: o.priceSpread.available, node: <PriceSkewCard key="priceSkew" panel={o.priceSpread} {...p} /> },
    { available: o.priceSpread.available, node: <PriceSpreadCard key="priceSpread" panel={o.priceSpread} {...p} /> },
    { available: o.cohort.available, node: <CohortCard key="cohort" panel={o.cohort} {...p} /> },
    { available: o.lpay.available, node: <LpayAdoptionCard key="lpay" panel={o.lpay} {...p} /> },
    { available: o.lpay.available, node: <LpaySpendCard key="lpaySpend" panel={o.lpay} {...p} /> },
  ];
  return (
    <div className="page page-overview" data-testid="page-overview" data-overview-ready={ready ? 'true' : 'false'} data-run-id={runId} data-filtered={pending ? 'pending' : filtered ? 'all' : 'none'}>
      <div className="overview-meta" data-testid="overview-meta">
        <span>{t('overview.period', { range: dateRange({ t, fmt }, o.kpis.firstDate ?? period.from, o.kpis.lastDate ?? period.to) })}</span>
        <span>·</span>
        <span>{t('jobs.run', { id: runId })}</span>
        <span>·</span>
        <span title={fingerprint}>
          {t('runs.col.fingerprint')} <code>{shortHash(fingerprint)}</code>
        </span>
      </div>
      {explore && (
        <section className="overview-filters" data-testid="overview-filters" aria-label={t('explore.filters')}>
          <p className="muted small">{t('explore.pageHint')}</p>
          <ExploreFilters filters={filters} options={explore.options} onChange={setFilters} />
          {pending && (
            <p className="muted small" data-testid="overview-filter-status">
              {t('explore.panelsComputing')}
            </p>
          )}
          {filtered && (
            <p className="muted small" data-testid="overview-filter-status">
              {t('explore.panelsFiltered')}
            </p>
          )}
          <FilterNotes filters={filters} />
        </section>
      )}
      <KpiPanel kpis={o.kpis} />
      <ExploreSection project={project} runId={runId} filters={filters} query={query} />
      <div className="overview-grid">{cards.filter((c) => c.available).map((c) => c.node)}</div>
      {cards.some((c) => !c.available) && (
        <>
          <h2 className="section-title">{t('overview.notAvailable')}</h2>
          <div className="overview-grid compact-grid">{cards.filter((c) => !c.available).map((c) => c.node)}</div>
        </>
      )}
    </div>
  );
}

import { useCallback, useEffect, useState } from 'react';
import type { OverviewExplore, OverviewFilters, OverviewSlice } from '../../../../../core/model/overview-explore.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { Loading } from '../../../components/Loading.js';
import type { QueryState } from '../../../hooks/useApiQuery.js';
import { useI18n } from '../../../i18n/context.js';
import { sliceLabel } from '../options/explore.js';
import { ExploreCards } from './ExploreCards.js';
import { SliceCustomers } from './SliceCustomers.js';

/**
 * The Overview for every file (issue #14): the panels any data with dates supports, all computed
 * by the host under the page's filters (getOverviewExplore, asked by OverviewPanels, whose filter
 * bar is the page's one), then the customers behind the bar last clicked.
 * data-explore-ready="true" once the current answer's charts are drawn.
 */
export function ExploreSection({ project, runId, filters, query }: { project: string; runId: number; filters: OverviewFilters; query: QueryState<OverviewExplore> }) {
  const { t, fmt } = useI18n();
  const [picked, setPicked] = useState<OverviewSlice | null>(null);
  const [drawn, setDrawn] = useState<Record<string, boolean>>({});
  // New filters: a new answer, whose charts are drawn anew; a picked bar belongs to the old one.
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    setPicked(null);
    setDrawn({});
  }, [filterKey]);
  const onRendered = useCallback((id: string, rendered: boolean) => setDrawn((d) => (d[id] === rendered ? d : { ...d, [id]: rendered })), []);
  const value: OverviewExplore | undefined = 'value' in query ? query.value : undefined;
  const loading = query.status === 'loading';
  const charts = Object.entries(drawn);
  const ready = query.status === 'ok' && charts.length > 0 && charts.every(([, v]) => v);
  return (
    <section className="explore" data-testid="overview-explore" data-explore-ready={ready ? 'true' : 'false'} data-loading={loading ? 'true' : 'false'} aria-label={t('explore.title')} style={{ marginBottom: 24 }}>
      <h2 className="section-title">{t('explore.title')}</h2>
      <p className="muted small">{t('explore.hint')}</p>
      {query.status === 'error' && <ErrorMessage error={query.error} testId="explore-error" />}
      {value === undefined && query.status !== 'error' && <Loading label={t('explore.computing')} />}
      {value && (
        <>
          <p className="muted small" data-testid="explore-totals" data-receipts={value.totals.receipts} data-customers={value.totals.customers} data-sales={value.totals.sales ?? ''}>
            {value.totals.sales === null
              ? t('explore.totalsNoMoney', { receipts: fmt.int(value.totals.receipts), customers: fmt.int(value.totals.customers) })
              : t('explore.totals', { sales: fmt.money(value.totals.sales), receipts: fmt.int(value.totals.receipts), customers: fmt.int(value.totals.customers) })}
            {' · '}
            {loading ? t('explore.computing') : t('explore.took', { ms: fmt.int(value.ms) })}
            {value.moneyReason && <> · {t('explore.noAmounts')}</>}
          </p>
          {value.totals.receipts === 0 && value.totals.customers === 0 ? (
            <p className="muted" data-testid="explore-empty">
              {t('explore.noData')}
            </p>
          ) : (
            <ExploreCards explore={value} selected={picked} onPick={setPicked} onRendered={onRendered} />
          )}
          {picked && <SliceCustomers key={JSON.stringify(picked)} project={project} runId={runId} filters={filters} slice={picked} label={sliceLabel(picked, value, { t, fmt })} money={value.hasAmounts} onClose={() => setPicked(null)} />}
        </>
      )}
    </section>
  );
}

import { useCallback, useState } from 'react';
import type { OverviewExplore, OverviewFilters, OverviewSlice } from '../../../../../core/model/overview-explore.js';
import { useApi } from '../../../api/context.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { Loading } from '../../../components/Loading.js';
import { useApiQuery } from '../../../hooks/useApiQuery.js';
import { useI18n } from '../../../i18n/context.js';
import { sliceLabel } from '../options/explore.js';
import { ExploreCards } from './ExploreCards.js';
import { ExploreFilters } from './ExploreFilters.js';
import { SliceCustomers } from './SliceCustomers.js';

/**
 * The Overview for every file (issue #14): filters, then the panels any data with dates supports,
 * all computed by the host under the filters (getOverviewExplore), then the customers behind the
 * bar last clicked. data-explore-ready="true" once the current answer's charts are drawn.
 */
export function ExploreSection({ project, runId, fingerprint }: { project: string; runId: number; fingerprint: string }) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const [filters, setFilters] = useState<OverviewFilters>({});
  const [picked, setPicked] = useState<OverviewSlice | null>(null);
  const key = JSON.stringify([project, fingerprint, filters]);
  const query = useApiQuery(key, () => api.getOverviewExplore({ project, filters }));
  const [drawn, setDrawn] = useState<Record<string, boolean>>({});
  const onRendered = useCallback((id: string, rendered: boolean) => setDrawn((d) => (d[id] === rendered ? d : { ...d, [id]: rendered })), []);
  const value: OverviewExplore | undefined = 'value' in query ? query.value : undefined;
  const loading = query.status === 'loading';
  const charts = Object.entries(drawn);
  const ready = query.status === 'ok' && charts.length > 0 && charts.every(([, v]) => v);
  const change = (next: OverviewFilters) => {
    setPicked(null);
    setDrawn({});
    setFilters(next);
  };
  return (
    <section className="explore" data-testid="overview-explore" data-explore-ready={ready ? 'true' : 'false'} data-loading={loading ? 'true' : 'false'} aria-label={t('explore.title')} style={{ marginBottom: 24 }}>
      <h2 className="section-title">{t('explore.title')}</h2>
      <p className="muted small">{t('explore.hint')}</p>
      {value && <ExploreFilters filters={filters} options={value.options} onChange={change} />}
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

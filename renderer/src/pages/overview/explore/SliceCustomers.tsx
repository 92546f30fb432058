import { useMemo, useState } from 'react';
import type { OverviewCustomerRow, OverviewFilters, OverviewSlice } from '../../../../../core/model/overview-explore.js';
import type { ApiError } from '../../../../../core/model/result.js';
import { safeCall } from '../../../api/call.js';
import { useApi } from '../../../api/context.js';
import { downloadBlob } from '../../../charts/export.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { Loading } from '../../../components/Loading.js';
import { DataTable } from '../../../components/table/DataTable.js';
import type { Column } from '../../../components/table/column.js';
import { useApiQuery } from '../../../hooks/useApiQuery.js';
import { useI18n } from '../../../i18n/context.js';

/**
 * The customers behind the clicked bar (customer, receipts, sales in the slice) in the virtualised
 * table, and their CSV through the `overview-customers` export of the Overview's run — the same
 * rows, all of them, as the CLI's `export` writes.
 */
export function SliceCustomers({ project, runId, filters, slice, label, money, onClose }: { project: string; runId: number; filters: OverviewFilters; slice: OverviewSlice; label: string; money: boolean; onClose(): void }) {
  const api = useApi();
  const { t, fmt, lang } = useI18n();
  const key = JSON.stringify([project, filters, slice]);
  const query = useApiQuery(key, () => api.getOverviewCustomers({ project, filters, slice }));
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const columns = useMemo<Column<OverviewCustomerRow>[]>(
    () => [
      { id: 'customer', label: t('explore.col.customer'), value: (r) => r.customer, width: 'minmax(140px, 2fr)' },
      { id: 'receipts', label: t('explore.col.receipts'), value: (r) => r.receipts, render: (r) => fmt.int(r.receipts), numeric: true },
      ...(money ? [{ id: 'sales', label: fmt.moneyLabel(t('explore.col.sales')), value: (r: OverviewCustomerRow) => r.sales, render: (r: OverviewCustomerRow) => fmt.money(r.sales), numeric: true }] : []),
    ],
    [t, fmt, money],
  );
  const save = async () => {
    setBusy(true);
    setExportError(null);
    const params: Record<string, string> = { dimension: slice.dimension, value: slice.value };
    for (const [k, v] of Object.entries(filters)) if (v !== undefined) params[k] = String(v);
    const result = await safeCall(() => api.exportCsv({ project, run: runId, lang, what: 'overview-customers', params }));
    setBusy(false);
    if (!result.ok) return setExportError(result.error);
    downloadBlob(new Blob([result.value.csv], { type: 'text/csv;charset=utf-8' }), result.value.filename);
  };
  const value = query.status === 'ok' ? query.value : null;
  return (
    <section className="card" data-testid="explore-customers" data-slice={`${slice.dimension}:${slice.value}`} data-total={value?.total ?? ''} aria-label={t('explore.customersOf', { slice: label })}>
      <div className="card-head">
        <h2 className="card-title">{t('explore.customersOf', { slice: label })}</h2>
        <div className="card-actions">
          <button type="button" className="btn btn-small" data-testid="explore-export" disabled={busy || value === null} onClick={() => void save()}>
            {t('explore.export')}
          </button>
          <button type="button" className="btn btn-small" data-testid="explore-customers-close" onClick={onClose}>
            {t('explore.close')}
          </button>
        </div>
      </div>
      {query.status === 'error' && <ErrorMessage error={query.error} testId="explore-customers-error" />}
      {exportError && <ErrorMessage error={exportError} testId="explore-export-error" />}
      {value === null && query.status !== 'error' && <Loading />}
      {value !== null && (
        <>
          {value.total > value.rows.length && <p className="muted small">{t('explore.capped', { n: fmt.int(value.rows.length), total: fmt.int(value.total) })}</p>}
          <DataTable columns={columns} rows={value.rows} rowKey={(r) => r.customer} testId="explore-customers-table" ariaLabel={t('explore.customersOf', { slice: label })} height={320} />
        </>
      )}
    </section>
  );
}

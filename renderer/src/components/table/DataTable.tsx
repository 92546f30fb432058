import { useId, useMemo, useState, type ReactNode } from 'react';
import { useDebounced } from '../../hooks/useDebounced.js';
import { useI18n } from '../../i18n/context.js';
import { filterRows, nextSort, sortRows, type SortState } from '../../lib/table.js';
import type { Column } from './column.js';
import { VirtualTable } from './VirtualTable.js';

interface Props<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  testId: string;
  ariaLabel: string;
  initialSort?: SortState | null;
  /** Extra filters beside the search box (e.g. a severity select); they filter `rows` themselves. */
  toolbar?: ReactNode;
  onRowClick?: (row: T) => void;
  selectedKey?: string | null;
  height?: number;
  empty?: ReactNode;
}

/**
 * A sortable, filterable, virtualised table. Sorting runs once per header click over all rows;
 * the text filter waits until typing pauses (200 ms) and then scans the sorted rows.
 */
export function DataTable<T>({ columns, rows, rowKey, testId, ariaLabel, initialSort = null, toolbar, onRowClick, selectedKey, height, empty }: Props<T>) {
  const { t, fmt } = useI18n();
  const inputId = useId();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(initialSort);
  const debounced = useDebounced(query, 200);

  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.id === sort.column);
    return col && sort ? sortRows(rows, col.value, sort.dir, fmt.locale) : rows;
  }, [rows, columns, sort, fmt.locale]);
  const filtered = useMemo(
    () =>
      filterRows(
        sorted,
        debounced,
        columns.map((c) => c.value),
      ),
    [sorted, debounced, columns],
  );

  return (
    <div className="data-table">
      <div className="table-toolbar">
        <label className="visually-hidden" htmlFor={inputId}>
          {t('table.filter')}
        </label>
        <input id={inputId} type="search" className="input table-filter" placeholder={t('table.filterPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid={`${testId}-filter`} />
        {toolbar}
        <span className="muted table-count num" aria-live="polite">
          {filtered.length === rows.length ? (rows.length === 1 ? t('table.oneRow') : t('table.rows', { n: fmt.int(rows.length) })) : t('table.rowsOf', { n: fmt.int(filtered.length), total: fmt.int(rows.length) })}
        </span>
      </div>
      <VirtualTable
        columns={columns}
        rows={filtered}
        totalRows={rows.length}
        rowKey={rowKey}
        testId={testId}
        ariaLabel={ariaLabel}
        sort={sort}
        onSort={(c) => setSort((s) => nextSort(s, c))}
        onRowClick={onRowClick}
        selectedKey={selectedKey}
        height={height}
        empty={empty}
      />
    </div>
  );
}

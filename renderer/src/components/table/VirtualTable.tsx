import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/context.js';
import { usePrinting } from '../../hooks/usePrinting.js';
import { PRINT_ROWS, visibleRange, type SortState } from '../../lib/table.js';
import { gridTemplate, type Column } from './column.js';

interface Props<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  testId: string;
  ariaLabel: string;
  sort: SortState | null;
  onSort?: (column: string) => void;
  onRowClick?: (row: T) => void;
  selectedKey?: string | null;
  height?: number;
  rowHeight?: number;
  empty?: ReactNode;
  totalRows?: number;
}

/**
 * A table that renders only the rows in view (fixed row height, a spacer as tall as all rows,
 * the visible slice translated into place), so 30k rows scroll like 30. data-row-count is the
 * number of rows after filtering, for tests. While the page prints, the first PRINT_ROWS rows are
 * laid out in full (no scroll box), so a printed page shows the table, not the screenful in view,
 * with a line saying how many rows were left to the export.
 */
export function VirtualTable<T>({ columns, rows, rowKey, testId, ariaLabel, sort, onSort, onRowClick, selectedKey, height = 420, rowHeight = 34, empty, totalRows }: Props<T>) {
  const { t, fmt } = useI18n();
  const [scrollTop, setScrollTop] = useState(0);
  const printing = usePrinting();
  const bodyHeight = Math.min(height, Math.max(rowHeight * 3, rows.length * rowHeight + 2));
  const { start, end } = printing ? { start: 0, end: Math.min(rows.length, PRINT_ROWS) } : visibleRange(scrollTop, bodyHeight, rowHeight, rows.length);
  const template = gridTemplate(columns);
  const onKey = (row: T) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onRowClick?.(row);
    }
  };
  return (
    <div className="vt" role="table" aria-label={ariaLabel} aria-rowcount={rows.length + 1} data-testid={testId} data-row-count={rows.length} data-total-count={totalRows ?? rows.length}>
      <div className="vt-head" role="rowgroup">
        <div className="vt-row vt-header-row" role="row" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => {
            const dir = sort?.column === c.id ? sort.dir : null;
            const sortable = onSort !== undefined && c.sortable !== false;
            return (
              <div key={c.id} role="columnheader" className={`vt-cell${c.numeric ? ' num' : ''}`} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
                {sortable ? (
                  <button type="button" className="vt-sort" data-testid={`sort-${c.id}`} onClick={() => onSort(c.id)} title={t('table.sortBy', { column: c.label })}>
                    <span>{c.label}</span>
                    <span className="vt-sort-mark" aria-hidden="true">
                      {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                ) : (
                  <span>{c.label}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div className={`vt-body${printing ? ' vt-printing' : ''}`} style={printing ? undefined : { height: bodyHeight }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} tabIndex={0} aria-label={ariaLabel}>
        {rows.length === 0 ? (
          <div className="vt-empty">{empty ?? t('table.empty')}</div>
        ) : (
          <div className="vt-spacer" style={printing ? undefined : { height: rows.length * rowHeight }}>
            <div role="rowgroup" className="vt-window" style={printing ? undefined : { transform: `translateY(${start * rowHeight}px)` }}>
              {rows.slice(start, end).map((row, i) => {
                const key = rowKey(row);
                return (
                  <div
                    key={key}
                    role="row"
                    aria-rowindex={start + i + 2}
                    data-row-key={key}
                    className={`vt-row${onRowClick ? ' clickable' : ''}${selectedKey === key ? ' selected' : ''}`}
                    style={{ gridTemplateColumns: template, height: rowHeight }}
                    tabIndex={onRowClick ? 0 : undefined}
                    onClick={onRowClick ? () => onRowClick(row) : undefined}
                    onKeyDown={onRowClick ? onKey(row) : undefined}
                  >
                    {columns.map((c) => {
                      const v = c.value(row);
                      return (
                        <div key={c.id} role="cell" className={`vt-cell${c.numeric ? ' num' : ''}`} title={typeof v === 'string' && v.length > 24 ? v : undefined}>
                          {c.render ? c.render(row) : String(v ?? '')}
                        </div>
                      );
                    })}
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </div>
      {printing && rows.length > end ? (
        <p className="vt-print-cap" data-testid={`${testId}-print-cap`}>
          {t('table.printCap', { shown: fmt.int(end), total: fmt.int(rows.length) })}
        </p>
      ) : null}
    </div>
  );
}

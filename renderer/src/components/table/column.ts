import type { ReactNode } from 'react';
import type { CellValue } from '../../lib/table.js';

/** A table column: what it sorts and filters by (`value`), and how it shows (`render`, default the value). */
export interface Column<T> {
  id: string;
  label: string;
  value: (row: T) => CellValue;
  render?: (row: T) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** A CSS grid track, e.g. '90px' or 'minmax(160px, 2fr)'. */
  width?: string;
  sortable?: boolean;
}

export function gridTemplate<T>(columns: readonly Column<T>[]): string {
  return columns.map((c) => c.width ?? 'minmax(90px, 1fr)').join(' ');
}

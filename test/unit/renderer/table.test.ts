import { describe, expect, it } from 'vitest';
import { compareValues, filterRows, nextSort, queryTokens, sortRows, visibleRange } from '../../../renderer/src/lib/table.js';

interface Row {
  id: number;
  file: string;
  line: number | null;
  reason: string;
}

const rows: Row[] = [
  { id: 1, file: 'b.csv', line: 10, reason: 'negative quantity (return)' },
  { id: 2, file: 'a.csv', line: 9, reason: 'zero price' },
  { id: 3, file: 'a.csv', line: null, reason: 'Cancelled invoice' },
  { id: 4, file: 'c.csv', line: 100, reason: 'zero price' },
  { id: 5, file: 'a.csv', line: 9, reason: 'unparseable date "31/31/2011"' },
];

describe('compareValues', () => {
  it('compares numbers numerically and text naturally', () => {
    expect(compareValues(9, 10)).toBeLessThan(0);
    expect(compareValues('line 9', 'line 10')).toBeLessThan(0);
    expect(compareValues('apple', 'Banana')).toBeLessThan(0);
  });

  it('puts empty cells last', () => {
    expect(compareValues(null, 1)).toBeGreaterThan(0);
    expect(compareValues('', 'a')).toBeGreaterThan(0);
    expect(compareValues(undefined, null)).toBe(0);
  });

  it('orders Korean text by the Korean collation', () => {
    const words = ['하', '가', '나'];
    expect([...words].sort((a, b) => compareValues(a, b, 'ko-KR'))).toEqual(['가', '나', '하']);
  });
});

describe('sortRows', () => {
  it('sorts ascending and descending, stably, with empty cells last both ways', () => {
    expect(sortRows(rows, (r) => r.line, 'asc').map((r) => r.id)).toEqual([2, 5, 1, 4, 3]);
    expect(sortRows(rows, (r) => r.line, 'desc').map((r) => r.id)).toEqual([4, 1, 2, 5, 3]);
    expect(sortRows(rows, (r) => r.file, 'asc').map((r) => r.id)).toEqual([2, 3, 5, 1, 4]);
  });

  it('does not change its input', () => {
    const before = rows.map((r) => r.id);
    sortRows(rows, (r) => r.reason, 'desc');
    expect(rows.map((r) => r.id)).toEqual(before);
  });

  it('sorts 30,000 rows quickly', () => {
    const many = Array.from({ length: 30_000 }, (_, i) => ({ line: (i * 7919) % 30_011, reason: `reason ${i % 97}` }));
    const t0 = performance.now();
    const sorted = sortRows(many, (r) => r.reason, 'asc');
    const ms = performance.now() - t0;
    expect(sorted).toHaveLength(30_000);
    for (let i = 1; i < sorted.length; i++) expect(compareValues(sorted[i - 1].reason, sorted[i].reason)).toBeLessThanOrEqual(0);
    expect(ms).toBeLessThan(1000);
  });
});

describe('filterRows', () => {
  const getters = [(r: Row) => r.file, (r: Row) => r.line, (r: Row) => r.reason];

  it('keeps every row (the same array) for an empty query', () => {
    expect(filterRows(rows, '  ', getters)).toBe(rows);
  });

  it('matches case-insensitively in any column', () => {
    expect(filterRows(rows, 'ZERO', getters).map((r) => r.id)).toEqual([2, 4]);
    expect(filterRows(rows, 'cancelled', getters).map((r) => r.id)).toEqual([3]);
    expect(filterRows(rows, '100', getters).map((r) => r.id)).toEqual([4]);
  });

  it('needs every word, and quotes keep words together', () => {
    expect(filterRows(rows, 'a.csv zero', getters).map((r) => r.id)).toEqual([2]);
    expect(filterRows(rows, '"zero price" c.csv', getters).map((r) => r.id)).toEqual([4]);
    expect(queryTokens('"unit price" 0  x')).toEqual(['unit price', '0', 'x']);
  });
});

describe('nextSort', () => {
  it('starts ascending and flips on the same column', () => {
    expect(nextSort(null, 'line')).toEqual({ column: 'line', dir: 'asc' });
    expect(nextSort({ column: 'line', dir: 'asc' }, 'line')).toEqual({ column: 'line', dir: 'desc' });
    expect(nextSort({ column: 'line', dir: 'desc' }, 'line')).toEqual({ column: 'line', dir: 'asc' });
    expect(nextSort({ column: 'line', dir: 'desc' }, 'file')).toEqual({ column: 'file', dir: 'asc' });
  });
});

describe('visibleRange', () => {
  it('renders the rows in view plus overscan', () => {
    expect(visibleRange(0, 340, 34, 30_000, 8)).toEqual({ start: 0, end: 19 });
    expect(visibleRange(3400, 340, 34, 30_000, 8)).toEqual({ start: 92, end: 119 });
  });

  it('clamps to the list', () => {
    expect(visibleRange(34 * 29_995, 340, 34, 30_000, 8)).toEqual({ start: 29_987, end: 30_000 });
    expect(visibleRange(0, 340, 34, 0)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(-50, 340, 34, 5)).toEqual({ start: 0, end: 5 });
  });
});

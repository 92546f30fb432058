import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHOSEN_RUNS_KEY, readChosenRun, writeChosenRun } from '../../../renderer/src/lib/chosen-runs.js';
import { fieldLabel, isDataRun, keyFigures, paramText, segmentRows } from '../../../renderer/src/pages/runs/run-figures.js';
import { notifyRunsChanged, onRunsChanged } from '../../../renderer/src/state/runs-changed.js';

describe('run details read as a page (issue #14)', () => {
  it('lists the summary’s scalar fields as key figures, in order, without runId or long text and tables', () => {
    const summary = { runId: 7, analysis: 'kmeans', segments: 3, noiseShare: 0.05, converged: true, why: 'x'.repeat(200), segmentList: [{ id: 0 }], excluded: { total: 0 } };
    expect(keyFigures(summary)).toEqual([
      { key: 'analysis', label: 'analysis', value: 'kmeans' },
      { key: 'segments', label: 'segments', value: 3 },
      { key: 'noiseShare', label: 'noise share', value: 0.05 },
      { key: 'converged', label: 'converged', value: true },
    ]);
    expect(keyFigures(null)).toEqual([]);
    expect(keyFigures([1, 2])).toEqual([]);
  });

  it('labels fields in words and writes parameters readably', () => {
    expect(fieldLabel('horizonPeriods')).toBe('horizon periods');
    expect(fieldLabel('RMSEScore')).toBe('rmse score');
    expect(fieldLabel('on_error')).toBe('on error');
    expect(paramText(['a', 1])).toBe('a, 1');
    expect(paramText({ customer: 'id' })).toBe('{"customer":"id"}');
    expect(paramText(null)).toBe('–');
    expect(paramText(false)).toBe('false');
  });

  it('knows data runs and a segmentation’s segments', () => {
    expect(isDataRun('import')).toBe(true);
    expect(isDataRun('demo')).toBe(true);
    expect(isDataRun('kmeans')).toBe(false);
    expect(segmentRows({ segmentList: [{ id: 1, name: 'Weekend', customers: 4 }, { id: 'x' }] })).toEqual([{ id: 1, name: 'Weekend', customers: 4 }]);
    expect(segmentRows({})).toEqual([]);
  });
});

describe('the chosen run per project and page (issue #14)', () => {
  let store: Map<string, string>;
  const g = globalThis as { localStorage?: unknown };
  beforeEach(() => {
    store = new Map();
    g.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  });
  afterEach(() => {
    delete g.localStorage;
  });

  it('keeps one choice per project and page, forgets on null, and ignores what it cannot read', () => {
    expect(readChosenRun('/p/a.sqlite', 'segments')).toBeNull();
    writeChosenRun('/p/a.sqlite', 'segments', 12);
    writeChosenRun('/p/a.sqlite', 'rules', 3);
    writeChosenRun('/p/b.sqlite', 'segments', 5);
    expect(readChosenRun('/p/a.sqlite', 'segments')).toBe(12);
    expect(readChosenRun('/p/a.sqlite', 'rules')).toBe(3);
    expect(readChosenRun('/p/b.sqlite', 'segments')).toBe(5);
    writeChosenRun('/p/a.sqlite', 'segments', null);
    expect(readChosenRun('/p/a.sqlite', 'segments')).toBeNull();
    expect(readChosenRun('/p/a.sqlite', 'rules')).toBe(3);
    store.set(CHOSEN_RUNS_KEY, '{not json');
    expect(readChosenRun('/p/a.sqlite', 'rules')).toBeNull();
    store.set(CHOSEN_RUNS_KEY, JSON.stringify({ '/p/a.sqlite': { rules: 'seven' } }));
    expect(readChosenRun('/p/a.sqlite', 'rules')).toBeNull();
  });

  it('survives storage that throws (private modes): the choice is only not kept', () => {
    g.localStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(() => writeChosenRun('/p/a.sqlite', 'segments', 1)).not.toThrow();
    expect(readChosenRun('/p/a.sqlite', 'segments')).toBeNull();
  });
});

describe('runs-changed signal', () => {
  it('calls every listener until it unsubscribes', () => {
    let calls = 0;
    const off = onRunsChanged(() => calls++);
    notifyRunsChanged();
    off();
    notifyRunsChanged();
    expect(calls).toBe(1);
  });
});

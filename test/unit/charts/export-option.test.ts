import { describe, expect, it } from 'vitest';
import type { ValidityPoint } from '../../../core/model/segment.js';
import { clampExportSize, DEFAULT_EXPORT_SIZE, exportOption, planLegend, textWidth } from '../../../renderer/src/charts/export-option.js';
import type { ChartOption } from '../../../renderer/src/charts/option.js';
import { translate } from '../../../renderer/src/i18n/translate.js';
import { makeFormatters, type Lang } from '../../../renderer/src/lib/format.js';
import type { ChartContext } from '../../../renderer/src/pages/overview/labels.js';
import { ndcgOption } from '../../../renderer/src/pages/recommend/options.js';
import type { ModelResult } from '../../../renderer/src/pages/recommend/types.js';
import { elbowOption } from '../../../renderer/src/pages/segments/options.js';

const ctx = (lang: Lang): ChartContext => ({ t: (key, params) => translate(lang, key, params), fmt: makeFormatters(lang) });
type Obj = Record<string, unknown>;

const CURVE: ValidityPoint[] = [2, 3, 4, 5, 6, 7, 8].map((k) => ({ k, cost: 1000 / k, seconds: 0.01 * k, silhouette: null, calinskiHarabasz: null, daviesBouldin: null }) as unknown as ValidityPoint);
const MODELS = ['g-topfreq', 'p-topfreq', 'segment-pop', 'item-knn', 'ease', 'cluster-knn', 'preference-score', 'tifu-knn', 'rules'];
const RESULTS = MODELS.map((id, i) => ({ id, metrics: { 'ndcg@10': 0.1 + i / 100 }, repeat: { 'ndcg@10': 0.2 }, new: { 'ndcg@10': 0.01 } }) as unknown as ModelResult);

describe('export size', () => {
  it('defaults to a 16:9 slide and clamps what the analyst types', () => {
    expect(DEFAULT_EXPORT_SIZE).toEqual({ width: 1600, height: 900 });
    expect(clampExportSize({})).toEqual({ width: 1600, height: 900 });
    expect(clampExportSize({ width: Number.NaN, height: 720 })).toEqual({ width: 1600, height: 720 });
    expect(clampExportSize({ width: 10, height: 99_999 })).toEqual({ width: 320, height: 4000 });
    expect(clampExportSize({ width: 1280.4, height: 719.6 })).toEqual({ width: 1280, height: 720 });
  });
});

describe('legend planning', () => {
  it('counts Korean characters as wide', () => {
    expect(textWidth('학습 시간')).toBeGreaterThan(textWidth('Fit time') - 10);
    expect(textWidth('가나다라')).toBe(48);
  });

  it('wraps into as many rows as the names need', () => {
    expect(planLegend([], 800)).toEqual({ rows: 0, height: 0 });
    expect(planLegend(['a', 'b'], 800).rows).toBe(1);
    const many = Array.from({ length: 30 }, (_, i) => `Segment number ${i + 1}`);
    const plan = planLegend(many, 1552);
    expect(plan.rows).toBeGreaterThan(2);
    expect(plan.height).toBeGreaterThan(plan.rows * 14);
  });
});

describe('exportOption', () => {
  const scrolling: ChartOption = {
    legend: { type: 'scroll', top: 0, left: 0, right: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8 },
    xAxis: { type: 'category', data: MODELS, axisLabel: { width: 110, overflow: 'truncate', hideOverlap: true } },
    yAxis: { type: 'value', name: 'nDCG@10' },
    series: Array.from({ length: 30 }, (_, i) => ({ type: 'bar' as const, name: `Segment number ${i + 1}`, data: MODELS.map(() => 1) })),
  };

  it('turns a paged legend into a plain one wrapped over the width, with the grid below it', () => {
    const out = exportOption(scrolling, DEFAULT_EXPORT_SIZE);
    const legend = out.legend as Obj;
    expect(legend.type).toBe('plain');
    expect(legend.width).toBe(1600 - 48);
    const grid = out.grid as Obj;
    const rows = planLegend((scrolling.series as Obj[]).map((s) => s.name as string), 1552);
    expect(rows.rows).toBeGreaterThan(2);
    expect(grid.top).toBeGreaterThan((legend.top as number) + rows.height);
    // Axis names and labels are kept inside the grid rect: they cannot reach up into the legend.
    expect(grid.outerBoundsMode).toBe('same');
    expect(grid.outerBoundsContain).toBe('all');
    expect(grid.containLabel).toBeUndefined();
    expect(out.animation).toBe(false);
  });

  it('labels every category and keeps the unit', () => {
    const out = exportOption(scrolling, DEFAULT_EXPORT_SIZE);
    const x = out.xAxis as Obj;
    const label = x.axisLabel as Obj;
    expect(label.interval).toBe(0);
    expect(label.hideOverlap).toBe(false);
    expect(label.overflow).toBe('break');
    expect(label.width).toBeGreaterThanOrEqual(100);
    expect((out.yAxis as Obj).name).toBe('nDCG@10');
  });

  it('turns labels when the slots are too narrow', () => {
    const many = Array.from({ length: 60 }, (_, i) => `product ${i}`);
    const out = exportOption({ xAxis: { type: 'category', data: many }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: many.map(() => 1) }] }, { width: 1600, height: 900 });
    expect(((out.xAxis as Obj).axisLabel as Obj).rotate).toBe(45);
    expect(((out.xAxis as Obj).axisLabel as Obj).interval).toBe(0);
  });

  it('does not change the on-screen option', () => {
    const before = JSON.stringify(scrolling);
    exportOption(scrolling, DEFAULT_EXPORT_SIZE);
    expect(JSON.stringify(scrolling)).toBe(before);
  });

  for (const lang of ['en', 'ko'] as const) {
    it(`places the elbow chart's legend above its axis names (${lang})`, () => {
      const out = exportOption(elbowOption(CURVE, { k: 4 } as never, ctx(lang)), DEFAULT_EXPORT_SIZE);
      const legend = out.legend as Obj;
      expect(legend.type).toBe('plain');
      expect((out.grid as Obj).outerBoundsContain).toBe('all');
      expect((out.grid as Obj).top).toBeGreaterThan(legend.top as number);
    });

    it(`labels all nine models of the evaluation chart (${lang})`, () => {
      const option = ndcgOption(RESULTS, 10, { all: 'all', repeat: 'repeat', new: 'new' }, ctx(lang));
      expect(option).not.toBeNull();
      // On screen already: no model label is skipped or hidden.
      const screen = (option as ChartOption).xAxis as Obj;
      expect(screen.data).toEqual(MODELS);
      expect((screen.axisLabel as Obj).interval).toBe(0);
      expect((screen.axisLabel as Obj).hideOverlap).toBe(false);
      const out = exportOption(option as ChartOption, DEFAULT_EXPORT_SIZE);
      expect(((out.xAxis as Obj).axisLabel as Obj).interval).toBe(0);
      expect((out.yAxis as Obj).name).toBe('nDCG@10');
    });
  }
});

describe('exportOption keeps room the chart asked for', () => {
  it('keeps a wider grid side (a visual map below, a legend of colours at the right)', () => {
    const option: ChartOption = { grid: { left: 60, right: 90, top: 20, bottom: 52 }, visualMap: { type: 'continuous', min: 0, max: 1, bottom: 0 }, xAxis: { type: 'category', data: ['a'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [1] }] };
    const grid = exportOption(option, DEFAULT_EXPORT_SIZE).grid as Obj;
    expect([grid.left, grid.right, grid.bottom]).toEqual([60, 90, 52]);
    const tight = exportOption({ ...option, grid: { left: 8, right: '10%', bottom: 0 } }, DEFAULT_EXPORT_SIZE).grid as Obj;
    expect([tight.left, tight.right, tight.bottom]).toEqual([24, '10%', 24]);
  });
});

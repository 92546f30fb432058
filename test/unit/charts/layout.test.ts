import { describe, expect, it } from 'vitest';
import { legend } from '../../../renderer/src/charts/legend.js';
import { layoutChart, planLegendLayout } from '../../../renderer/src/charts/layout.js';
import type { ChartOption } from '../../../renderer/src/charts/option.js';
import { translate } from '../../../renderer/src/i18n/translate.js';
import { makeFormatters, type Lang } from '../../../renderer/src/lib/format.js';
import type { ChartContext } from '../../../renderer/src/pages/overview/labels.js';
import { aliveOption } from '../../../renderer/src/pages/value/options.js';
import { ndcgOption } from '../../../renderer/src/pages/recommend/options.js';
import type { ModelResult } from '../../../renderer/src/pages/recommend/types.js';

type Obj = Record<string, unknown>;
const ctx = (lang: Lang): ChartContext => ({ t: (key, params) => translate(lang, key, params), fmt: makeFormatters(lang) });
const MODELS = ['g-topfreq', 'p-topfreq', 'segment-pop', 'item-knn', 'ease', 'cluster-knn', 'preference-score', 'tifu-knn', 'rules'];
const RESULTS = MODELS.map((id, i) => ({ id, metrics: { 'ndcg@10': 0.1 + i / 100 }, repeat: { 'ndcg@10': 0.2 }, new: { 'ndcg@10': 0.01 } }) as unknown as ModelResult);

const lines = (names: string[]): ChartOption => ({ legend: legend(), grid: { left: 8, right: 16, top: 40, bottom: 8 }, xAxis: { type: 'value' }, yAxis: { type: 'value' }, series: names.map((name) => ({ type: 'line' as const, name, data: [1, 2] })) });

describe('the one legend', () => {
  it('is plain, never paged', () => {
    expect((legend() as Obj).type).toBe('plain');
    expect((legend({ data: ['a'] }) as Obj).data).toEqual(['a']);
  });
});

describe('legend layout at the chart size (issue #14)', () => {
  it('wraps onto rows the way ECharts wraps a horizontal legend', () => {
    expect(planLegendLayout([100, 100, 100], { width: 400, height: 300 }, true)).toMatchObject({ place: 'top', rows: 1 });
    expect(planLegendLayout([100, 100, 100, 100], { width: 400, height: 300 }, true)).toMatchObject({ place: 'top', rows: 2 });
  });

  it('moves the plot down by the legend rows, so axis names sit below it', () => {
    const few = layoutChart(lines(['a', 'b']), { width: 600, height: 300 });
    const many = layoutChart(lines(Array.from({ length: 12 }, (_, i) => `segment number ${i + 1}`)), { width: 600, height: 600 });
    const top = (o: ChartOption) => (o.grid as Obj).top as number;
    expect(top(many)).toBeGreaterThan(top(few));
    expect((many.grid as Obj).outerBoundsContain).toBe('all');
    expect((many.legend as Obj).type).toBe('plain');
  });

  it('puts a long list of short names down the right side when on top it would take over the plot', () => {
    const names = Array.from({ length: 20 }, (_, i) => `S${i + 1}`);
    const measure = () => 39; // each item 60 px: 8 to a row, 3 rows; 9 to a column, 3 columns
    const o = layoutChart(lines(names), { width: 600, height: 240 }, measure);
    expect((o.legend as Obj).orient).toBe('vertical');
    expect((o.grid as Obj).right as number).toBeGreaterThan(40);
    // Not where a visual map or a vertical zoom slider already sits.
    const slider = layoutChart({ ...lines(names), dataZoom: [{ type: 'slider', yAxisIndex: 0 }] }, { width: 600, height: 240 }, measure);
    expect((slider.legend as Obj).orient).toBe('horizontal');
  });

  it('lays the paged legends of before out plain: the P(alive) deciles', () => {
    const groups = [{ name: 'A', customers: 10, pAliveHistogram: Array(10).fill(1) }] as unknown as Parameters<typeof aliveOption>[0];
    const o = layoutChart(aliveOption(groups, 'share')!, { width: 500, height: 300 });
    expect((o.legend as Obj).type).toBe('plain');
    expect((o.grid as Obj).top as number).toBeGreaterThanOrEqual(16 + 10 + 16 + 10);
  });

  it('turns long category labels and keeps every one, unless the chart chose how', () => {
    const long = Array.from({ length: 8 }, (_, i) => `a rather long category name ${i}`);
    const o = layoutChart({ grid: { left: 8, right: 8, top: 8, bottom: 8 }, xAxis: { type: 'category', data: long }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: long.map(() => 1) }] }, { width: 600, height: 300 });
    expect(((o.xAxis as Obj).axisLabel as Obj)).toMatchObject({ rotate: 30, interval: 0, overflow: 'truncate', hideOverlap: false });
    expect((o.xAxis as Obj).triggerEvent).toBe(true);
    for (const lang of ['en', 'ko'] as const) {
      const ev = layoutChart(ndcgOption(RESULTS, 10, { all: 'all', repeat: 'repeat', new: 'new' }, ctx(lang))!, { width: 700, height: 300 });
      expect(((ev.xAxis as Obj).axisLabel as Obj)).toMatchObject({ interval: 0, hideOverlap: false });
    }
  });
});

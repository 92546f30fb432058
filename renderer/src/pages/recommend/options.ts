import type { ModelResult, PreferenceValidation } from './types.js';
import type { ChartOption } from '../../charts/option.js';
import { PALETTE } from '../../charts/palette.js';
import type { ChartContext } from '../overview/labels.js';
import { baseOption, categoryAxis, legend, valueAxis, valueFormatter } from '../overview/options/common.js';

/** nDCG@K per model, grouped: all items, repeat items, new items. */
export function ndcgOption(models: readonly ModelResult[], k: number, labels: { all: string; repeat: string; new: string }, ctx: ChartContext): ChartOption | null {
  const shown = models.filter((m) => m.skipped === undefined && m.metrics !== undefined);
  if (shown.length === 0) return null;
  const key = `ndcg@${k}`;
  const series = (['all', 'repeat', 'new'] as const).map((part, i) => ({
    type: 'bar' as const,
    name: labels[part],
    itemStyle: { color: PALETTE[i] },
    data: shown.map((m) => (part === 'all' ? m.metrics : m[part])?.[key] ?? null),
  }));
  return {
    ...baseOption(),
    legend: legend(),
    xAxis: categoryAxis(shown.map((m) => m.id), 110),
    yAxis: { ...valueAxis(ctx), min: 0 },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: valueFormatter((v) => ctx.fmt.dec(v, 3)) },
    series,
  } as ChartOption;
}

/** Share of pairs bought again vs the score threshold, one line per retailer (null shares are gaps). */
export function preferenceOption(s: PreferenceValidation, thresholds: readonly number[], ctx: ChartContext): ChartOption | null {
  if (s.retailers.length === 0 || thresholds.length === 0) return null;
  const series = s.retailers.map((r, i) => {
    const byThreshold = new Map(r.table.map((row) => [row.threshold, row.share]));
    return {
      type: 'line' as const,
      name: r.retailer,
      connectNulls: false,
      symbolSize: 6,
      itemStyle: { color: PALETTE[i % PALETTE.length] },
      lineStyle: { color: PALETTE[i % PALETTE.length], width: 2 },
      data: thresholds.map((th) => byThreshold.get(th) ?? null),
    };
  });
  return {
    ...baseOption(),
    legend: legend(),
    xAxis: { ...categoryAxis(thresholds.map((th) => `≥ ${th.toFixed(1)}`), 60), boundaryGap: false },
    yAxis: { type: 'value' as const, min: 0, max: 1, axisLabel: { formatter: (v: number) => ctx.fmt.dec(v, 1) } },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: valueFormatter((v) => (Number.isFinite(v) ? ctx.fmt.dec(v, 3) : '–')) },
    series,
  } as ChartOption;
}

import type { ModelResult } from './types.js';
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

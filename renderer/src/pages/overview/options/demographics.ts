import type { DemographicsPanel, RegionPanel } from '../../../../../core/model/overview.js';
import type { ChartOption } from '../../../charts/option.js';
import { ageBandLabel, genderLabel, regionLabel, type ChartContext } from '../labels.js';
import { baseOption, categoryAxis, legend, moneyAxis, valueAxis, valueFormatter } from './common.js';

export type DemographicsMetric = 'customers' | 'sales';

/** Grouped bars: age bands on the axis, one bar per gender; customers or their sales. */
export function demographicsOption(panel: DemographicsPanel, metric: DemographicsMetric, ctx: ChartContext): ChartOption {
  const cell = new Map(panel.cells.map((c) => [`${c.gender}\u0000${c.ageBand}`, c]));
  return {
    ...baseOption(),
    legend: legend(),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, valueFormatter: valueFormatter(metric === 'sales' ? ctx.fmt.money : ctx.fmt.int) },
    xAxis: categoryAxis(panel.ageBands.map((b) => ageBandLabel(ctx, b)), 80),
    yAxis: metric === 'sales' ? moneyAxis(ctx) : valueAxis(ctx, undefined, true),
    series: panel.genders.map((g) => ({
      type: 'bar' as const,
      name: genderLabel(ctx, g),
      barMaxWidth: 26,
      data: panel.ageBands.map((b) => cell.get(`${g}\u0000${b}`)?.[metric] ?? 0),
    })),
  };
}

/** Horizontal bars of sales by customer region, largest on top (at most `limit` regions). */
export function regionsOption(panel: RegionPanel, ctx: ChartContext, limit = 20): ChartOption {
  const rows = panel.rows.slice(0, limit);
  return {
    ...baseOption(),
    grid: { left: 8, right: 56, top: 8, bottom: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, valueFormatter: valueFormatter(ctx.fmt.money) },
    xAxis: moneyAxis(ctx),
    yAxis: categoryAxis(
      rows.map((r) => regionLabel(ctx, r.region)),
      110,
      { inverse: true },
    ),
    series: [
      {
        type: 'bar',
        name: ctx.t('overview.sales'),
        barMaxWidth: 18,
        data: rows.map((r) => r.sales),
        label: { show: true, position: 'right', color: '#6b7585', formatter: (p: { dataIndex: number }) => ctx.fmt.pct(rows[p.dataIndex]?.salesShare, 1) },
      },
    ],
  };
}

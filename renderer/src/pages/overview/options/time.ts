import type { ChannelTrendPanel, HeatmapPanel, MonthlySeriesPanel } from '../../../../../core/model/overview.js';
import type { ChartOption } from '../../../charts/option.js';
import { SEQUENTIAL } from '../../../charts/palette.js';
import { channelLabel, periodLabel, retailerLabel, weekdayNames, type ChartContext } from '../labels.js';
import { baseOption, categoryAxis, legend, moneyAxis, percentAxis, valueFormatter } from './common.js';

/** One line per retailer (or partner) of monthly net sales. */
export function monthlyOption(panel: MonthlySeriesPanel, ctx: ChartContext): ChartOption {
  return {
    ...baseOption(),
    legend: legend(),
    tooltip: { trigger: 'axis', confine: true, valueFormatter: valueFormatter(ctx.fmt.money) },
    xAxis: categoryAxis(
      panel.periods.map((p) => periodLabel(ctx, p)),
      90,
      { boundaryGap: false },
    ),
    yAxis: moneyAxis(ctx),
    series: panel.series.map((s) => ({ type: 'line' as const, name: retailerLabel(ctx, s.key, s.label), data: s.sales, showSymbol: panel.periods.length <= 24, smooth: false })),
  };
}

export type Granularity = 'monthly' | 'weekly';

/** Online and offline net sales as lines, and the online share of sales (right axis, dashed). */
export function channelOption(panel: ChannelTrendPanel, granularity: Granularity, ctx: ChartContext): ChartOption {
  const data = panel[granularity];
  const share = ctx.t('overview.onlineShare');
  return {
    ...baseOption(),
    grid: { left: 8, right: 8, top: 40, bottom: 8 },
    legend: legend(),
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: valueFormatter(ctx.fmt.money),
    },
    xAxis: categoryAxis(
      data.periods.map((p) => periodLabel(ctx, p)),
      90,
      { boundaryGap: false },
    ),
    yAxis: [moneyAxis(ctx), percentAxis(ctx)],
    series: [
      ...data.series.map((s) => ({ type: 'line' as const, name: channelLabel(ctx, s.channel), data: s.sales, showSymbol: data.periods.length <= 24 })),
      {
        type: 'line' as const,
        name: share,
        yAxisIndex: 1,
        data: data.onlineSalesShare,
        showSymbol: false,
        lineStyle: { type: 'dashed' as const, width: 1.5 },
        tooltip: { valueFormatter: valueFormatter((v) => ctx.fmt.pct(v, 1)) },
      },
    ],
  };
}

export type HeatmapMetric = 'receipts' | 'sales';

/** Weekday × hour heatmap of purchase receipts (or net sales); Monday on top. */
export function heatmapOption(panel: HeatmapPanel, metric: HeatmapMetric, ctx: ChartContext): ChartOption {
  const grid = panel[metric];
  const data: [number, number, number][] = [];
  let max = 0;
  grid.forEach((row, w) =>
    row.forEach((v, h) => {
      data.push([h, w, v]);
      if (v > max) max = v;
    }),
  );
  const days = weekdayNames(ctx, panel.weekdays.length);
  return {
    ...baseOption(),
    grid: { left: 8, right: 8, top: 8, bottom: 52 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const [h, w, v] = (p as { value: [number, number, number] }).value;
        return `${days[w]} ${String(panel.hours[h]).padStart(2, '0')}:00<br/><b>${metric === 'sales' ? ctx.fmt.money(v) : ctx.t('overview.receiptsN', { n: ctx.fmt.int(v) })}</b>`;
      },
    },
    xAxis: { type: 'category', data: panel.hours.map((h) => String(h)), splitArea: { show: false }, axisTick: { show: false } },
    yAxis: { type: 'category', data: days, inverse: true, axisTick: { show: false } },
    visualMap: { type: 'continuous', min: 0, max: Math.max(1, max), text: [metric === 'sales' ? ctx.fmt.moneyCompact(max) : ctx.fmt.compact(max), '0'], textGap: 6, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 160, itemWidth: 10, calculable: false, inRange: { color: SEQUENTIAL }, formatter: (v: unknown) => (metric === 'sales' ? ctx.fmt.moneyCompact(Number(v)) : ctx.fmt.compact(Number(v))) },
    series: [{ type: 'heatmap', data, itemStyle: { borderColor: '#fff', borderWidth: 1 }, emphasis: { itemStyle: { borderColor: '#1f2733' } } }],
  };
}

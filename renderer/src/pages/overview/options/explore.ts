import type { ExploreBin, ExploreProductRow, ExploreSegmentRow, ExploreSeries, OverviewExplore, OverviewSlice } from '../../../../../core/model/overview-explore.js';
import type { ChartOption } from '../../../charts/option.js';
import { periodLabel, weekdayNames, type ChartContext } from '../labels.js';
import { baseOption, categoryAxis, legend, moneyAxis, valueAxis, valueFormatter } from './common.js';

/** What a time or bin chart measures. */
export type ExploreMetric = 'sales' | 'receipts' | 'customers';

/**
 * One bar series over categories: every panel of the Overview for every file is a bar chart, so a
 * click anywhere in a bar's column picks it (ClickChart). The selected bar is drawn darker.
 */
export function barOption(labels: string[], values: number[], money: boolean, ctx: ChartContext, selected: number | null, horizontal = false): ChartOption {
  const axis = money ? moneyAxis(ctx) : valueAxis(ctx, undefined, true);
  const format = money ? ctx.fmt.money : ctx.fmt.int;
  const data = values.map((v, i) => (i === selected ? { value: v, itemStyle: { opacity: 1, borderColor: '#111', borderWidth: 1.5 } } : v));
  const cats = categoryAxis(labels, horizontal ? 150 : 90, horizontal ? { inverse: true } : {});
  return {
    ...baseOption(),
    grid: { left: 8, right: 16, top: 16, bottom: 8 },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: valueFormatter(format) },
    xAxis: horizontal ? axis : cats,
    yAxis: horizontal ? cats : axis,
    series: [{ type: 'bar' as const, data, barMaxWidth: 36 }],
  };
}

/** Months or weeks of a series, by the chosen measure. */
export function seriesOption(s: ExploreSeries, metric: ExploreMetric, ctx: ChartContext, selected: number | null): ChartOption {
  return barOption(s.periods.map((p) => periodLabel(ctx, p)), s[metric], metric === 'sales', ctx, selected);
}

/** New and returning customers per month, stacked. */
export function newReturningOption(periods: string[], fresh: number[], returning: number[], ctx: ChartContext): ChartOption {
  return {
    ...baseOption(),
    legend: legend(),
    tooltip: { trigger: 'axis', confine: true, valueFormatter: valueFormatter(ctx.fmt.int) },
    xAxis: categoryAxis(periods.map((p) => periodLabel(ctx, p)), 90),
    yAxis: valueAxis(ctx, undefined, true),
    series: [
      { type: 'bar' as const, name: ctx.t('explore.new'), stack: 'c', data: fresh, barMaxWidth: 36 },
      { type: 'bar' as const, name: ctx.t('explore.returning'), stack: 'c', data: returning, barMaxWidth: 36 },
    ],
  };
}

export function weekdayLabels(ctx: ChartContext): string[] {
  return weekdayNames(ctx);
}

export function hourLabels(ctx: ChartContext): string[] {
  return Array.from({ length: 24 }, (_, h) => ctx.t('explore.hourLabel', { h }));
}

/** "1", "6–10", "51+", "below 1"; amounts with the project's money format. */
export function binLabel(b: ExploreBin, ctx: ChartContext, money: boolean): string {
  const f = (n: number) => (money ? ctx.fmt.money(n) : Number.isInteger(n) ? ctx.fmt.int(n) : ctx.fmt.dec(n));
  if (b.from === null) return ctx.t('explore.binBelow', { to: f(b.to as number) });
  if (b.to === null) return ctx.t('explore.binOpen', { from: f(b.from) });
  // Whole-number item bins read as counts: [6, 11) is "6–10", [1, 2) is "1".
  if (!money && Number.isInteger(b.from) && Number.isInteger(b.to)) return b.to - b.from === 1 ? f(b.from) : `${f(b.from)}–${f(b.to - 1)}`;
  return `${f(b.from)}–${f(b.to)}`;
}

export function productLabel(p: ExploreProductRow): string {
  return p.name === p.code ? p.code : `${p.name} (${p.code})`;
}

export function segmentLabel(s: ExploreSegmentRow): string {
  return s.name;
}

/** "Month Jan 2011", "요일 월": the clicked bar named in the UI language (recomputed when it changes). */
export function sliceLabel(slice: OverviewSlice, x: OverviewExplore, ctx: ChartContext): string {
  const v = slice.value;
  const name = (): string => {
    switch (slice.dimension) {
      case 'month':
      case 'week':
      case 'new':
      case 'returning':
        return periodLabel(ctx, v);
      case 'weekday':
        return weekdayLabels(ctx)[Number(v)] ?? v;
      case 'hour':
        return hourLabels(ctx)[Number(v)] ?? v;
      case 'items': {
        const b = x.basket.items.find((e) => e.key === v);
        return b ? binLabel(b, ctx, false) : v;
      }
      case 'amount': {
        const b = x.basket.amount?.find((e) => e.key === v);
        return b ? binLabel(b, ctx, true) : v;
      }
      case 'product': {
        const p = [...(x.products?.bySales ?? []), ...(x.products?.byReceipts ?? [])].find((e) => e.code === v);
        return p ? productLabel(p) : v;
      }
      case 'segment':
        return x.segments?.find((e) => String(e.id) === v)?.name ?? v;
    }
  };
  return `${ctx.t(`explore.dim.${slice.dimension}`)} ${name()}`;
}

import { legend as plainLegend } from '../../../charts/legend.js';
import type { ChartOption } from '../../../charts/option.js';
import { MUTED } from '../../../charts/palette.js';
import type { ChartContext } from '../labels.js';

export const toNumber = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/** A tooltip valueFormatter from a number formatter (ECharts may pass arrays for some series). */
export function valueFormatter(format: (n: number) => string): (v: unknown) => string {
  return (v) => (Array.isArray(v) ? v.map((x) => format(toNumber(x))).join(' / ') : format(toNumber(v)));
}

/** What every chart starts from: short animation, room for a legend on top, axis tooltips. */
export function baseOption(): ChartOption {
  return {
    animationDuration: 350,
    animationDurationUpdate: 250,
    grid: { left: 8, right: 16, top: 40, bottom: 8 },
    tooltip: { trigger: 'axis', confine: true },
  };
}

/** The app's one legend (charts/legend.ts): plain, every name shown, placed at draw time. */
export function legend(): ChartOption['legend'] {
  return plainLegend();
}

/** A value axis with compact labels ("1.2M", "120만"); `counts` keeps ticks on whole numbers. */
export function valueAxis(ctx: ChartContext, name?: string, counts = false) {
  return { type: 'value' as const, name, minInterval: counts ? 1 : undefined, nameTextStyle: { color: MUTED, align: 'left' as const }, axisLabel: { formatter: (v: number) => ctx.fmt.compact(v) } };
}

/** A value axis of money: compact labels with the project's unit ("₩1.2M", "120만 원"; issue #14). */
export function moneyAxis(ctx: ChartContext, name?: string) {
  return { ...valueAxis(ctx, name), axisLabel: { formatter: (v: number) => ctx.fmt.moneyCompact(v) } };
}

/** A category axis whose long labels are cut to `width` pixels with an ellipsis. */
export function categoryAxis(labels: string[], width = 120, extra: Record<string, unknown> = {}) {
  return { type: 'category' as const, data: labels, axisLabel: { width, overflow: 'truncate' as const, hideOverlap: true }, axisTick: { alignWithLabel: true }, ...extra };
}

/** Share axis 0–100 %. */
export function percentAxis(ctx: ChartContext, name?: string) {
  return { type: 'value' as const, name, min: 0, max: 1, splitLine: { show: false }, nameTextStyle: { color: MUTED, align: 'right' as const }, axisLabel: { formatter: (v: number) => ctx.fmt.pct(v, 0) } };
}

import type { LegendComponentOption } from 'echarts/components';

/** Gap between legend items and between its rows (ECharts' default), in pixels. */
export const LEGEND_ITEM_GAP = 10;
/** The legend marker: a small rounded bar, as every chart in the app draws it. */
export const LEGEND_ICON = { itemWidth: 14, itemHeight: 8, icon: 'roundRect' } as const;

/**
 * The one legend every chart uses (issue #14): plain, never paged. A paged (`type: 'scroll'`)
 * legend hides names behind a "1/3" pager, on screen and in saved files alike; a plain legend
 * shows every name and wraps onto as many rows as its names need. Where it goes (top, wrapped
 * across the width, or down the right side for a long list) and how far the plot moves to make
 * room is decided at draw time, at the chart's real size, by `layoutChart` (charts/layout.ts).
 */
export function legend(extra: Partial<LegendComponentOption> = {}): LegendComponentOption {
  return { type: 'plain', top: 0, left: 0, right: 0, itemGap: LEGEND_ITEM_GAP, ...LEGEND_ICON, tooltip: { show: true }, ...extra } as LegendComponentOption;
}

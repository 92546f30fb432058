import type { CategoryRow, RetailerThemesPanel, TopCategoriesPanel } from '../../../../../core/model/overview.js';
import type { ChartOption } from '../../../charts/option.js';
import { MUTED, PALETTE } from '../../../charts/palette.js';
import { retailerLabel, type ChartContext } from '../labels.js';
import { baseOption, categoryAxis, moneyAxis, valueAxis, valueFormatter } from './common.js';

export type CategoryLevelName = 'level1' | 'level2';
export type CategoryMetric = 'sales' | 'receipts';

/** The rows shown for a level and metric (level 2 falls back to level 1 when the data has none). */
export function categoryRows(panel: TopCategoriesPanel, level: CategoryLevelName, metric: CategoryMetric): CategoryRow[] {
  const chosen = (level === 'level2' ? panel.level2 : null) ?? panel.level1;
  return metric === 'sales' ? chosen.bySales : chosen.byReceipts;
}

/** Horizontal bars of the top categories (or products), largest on top, share as the label. */
export function categoriesOption(panel: TopCategoriesPanel, level: CategoryLevelName, metric: CategoryMetric, ctx: ChartContext): ChartOption {
  const rows = categoryRows(panel, level, metric);
  const share = (r: CategoryRow) => (metric === 'sales' ? r.salesShare : r.receiptShare);
  return {
    ...baseOption(),
    grid: { left: 8, right: 56, top: 8, bottom: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, valueFormatter: valueFormatter(metric === 'sales' ? ctx.fmt.money : ctx.fmt.int) },
    xAxis: metric === 'sales' ? moneyAxis(ctx) : valueAxis(ctx),
    yAxis: categoryAxis(
      rows.map((r) => (r.parent ? `${r.name} · ${r.parent}` : r.name || r.code || '–')),
      170,
      { inverse: true },
    ),
    series: [
      {
        type: 'bar',
        name: metric === 'sales' ? ctx.t('overview.sales') : ctx.t('overview.receipts'),
        barMaxWidth: 16,
        data: rows.map((r) => r[metric]),
        label: { show: true, position: 'right', color: MUTED, formatter: (p: { dataIndex: number }) => ctx.fmt.pct(share(rows[p.dataIndex]), 1) },
      },
    ],
  };
}

/**
 * Small multiples: one horizontal bar chart per retailer with its top categories by share of its
 * sales; the tooltip adds the overall share and the lift (share / overall share).
 */
export function themesOption(panel: RetailerThemesPanel, ctx: ChartContext, columns = 3): ChartOption {
  const n = panel.retailers.length;
  const rows = Math.max(1, Math.ceil(n / columns));
  const cellW = 100 / columns;
  const cellH = 100 / rows;
  const at = (i: number) => ({ col: i % columns, row: Math.floor(i / columns) });
  return {
    animationDuration: 350,
    title: panel.retailers.map((r, i) => ({ text: retailerLabel(ctx, r.retailer, r.label), left: `${at(i).col * cellW + 1}%`, top: `${at(i).row * cellH}%`, textStyle: { fontSize: 12.5, fontWeight: 600 } })),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const { seriesIndex, dataIndex } = p as { seriesIndex: number; dataIndex: number };
        const c = panel.retailers[seriesIndex]?.categories[dataIndex];
        if (!c) return '';
        return `<b>${c.name}</b><br/>${ctx.t('overview.shareOfRetailer')}: ${ctx.fmt.pct(c.share, 1)}<br/>${ctx.t('overview.overallShare')}: ${ctx.fmt.pct(c.overallShare, 1)}<br/>${ctx.t('overview.lift')}: ${ctx.fmt.dec(c.lift, 2)}×`;
      },
    },
    grid: panel.retailers.map((_, i) => ({ left: `${at(i).col * cellW + 1}%`, width: `${cellW - 7}%`, top: `${at(i).row * cellH + 7}%`, height: `${cellH - 12}%`, outerBoundsMode: 'same' as const, outerBoundsContain: 'axisLabel' as const })),
    // Room past the longest bar for its share label, which would otherwise cross the canvas edge (issue #14).
    xAxis: panel.retailers.map((_, i) => ({ type: 'value' as const, gridIndex: i, max: (v: { max: number }) => v.max * 1.5, axisLabel: { show: false }, splitLine: { show: false } })),
    yAxis: panel.retailers.map((r, i) => ({ type: 'category' as const, gridIndex: i, inverse: true, data: r.categories.map((c) => c.name), axisLabel: { width: columns > 2 ? 72 : 96, overflow: 'truncate' as const, fontSize: 11.5, inside: false }, triggerEvent: true, axisTick: { show: false } })),
    series: panel.retailers.map((r, i) => ({
      type: 'bar' as const,
      xAxisIndex: i,
      yAxisIndex: i,
      barMaxWidth: 12,
      itemStyle: { color: PALETTE[i % PALETTE.length] },
      data: r.categories.map((c) => c.share),
      label: { show: true, position: 'right' as const, fontSize: 11, color: MUTED, formatter: (p: { value: unknown }) => ctx.fmt.pct(Number(p.value), 0) },
    })),
  };
}

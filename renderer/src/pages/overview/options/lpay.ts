import type { CohortPanel, LpayPanel } from '../../../../../core/model/overview.js';
import { legend as plainLegend } from '../../../charts/legend.js';
import type { ChartOption } from '../../../charts/option.js';
import { ACCENT, MUTED, TEXT } from '../../../charts/palette.js';
import { periodLabel, type ChartContext } from '../labels.js';
import { baseOption, categoryAxis, legend, valueAxis, valueFormatter } from './common.js';

/** New L.pay users per month (bars) and the running total (line, right axis). */
export function lpayAdoptionOption(panel: LpayPanel, ctx: ChartContext): ChartOption {
  const f = panel.firstUse;
  return {
    ...baseOption(),
    grid: { left: 8, right: 8, top: 40, bottom: 8 },
    legend: legend(),
    tooltip: { trigger: 'axis', confine: true, valueFormatter: valueFormatter(ctx.fmt.int) },
    xAxis: categoryAxis(
      f.periods.map((p) => periodLabel(ctx, p)),
      90,
    ),
    yAxis: [valueAxis(ctx, undefined, true), { ...valueAxis(ctx, undefined, true), splitLine: { show: false } }],
    series: [
      { type: 'bar', name: ctx.t('overview.newUsers'), data: f.newUsers, barMaxWidth: 22 },
      { type: 'line', name: ctx.t('overview.cumulativeUsers'), yAxisIndex: 1, data: f.cumulativeUsers, showSymbol: false },
    ],
  };
}

const METRICS = ['salesPerCustomer', 'receiptsPerCustomer', 'salesPerReceipt'] as const;

/** L.pay users against other customers: sales per customer, receipts per customer, sales per receipt. */
export function lpaySpendOption(panel: LpayPanel, ctx: ChartContext): ChartOption {
  const value = (g: LpayPanel['groups'][number], m: (typeof METRICS)[number]): number | null => (m === 'receiptsPerCustomer' ? (g.customers > 0 ? g.purchaseReceipts / g.customers : null) : g[m]);
  const format = (m: (typeof METRICS)[number], v: number) => (m === 'receiptsPerCustomer' ? ctx.fmt.dec(v, 1) : ctx.fmt.moneyCompact(v));
  const width = 100 / METRICS.length;
  const groupName = (g: LpayPanel['groups'][number]) => ctx.t(g.group === 'lpay' ? 'overview.lpayUsers' : 'overview.otherCustomers');
  const color = (g: LpayPanel['groups'][number]) => (g.group === 'lpay' ? ACCENT : '#b8c1cf');
  return {
    animationDuration: 350,
    title: METRICS.map((m, i) => ({ text: ctx.t(`overview.${m}`), left: `${i * width + width / 2}%`, top: 0, textAlign: 'center' as const, textStyle: { fontSize: 12.5, fontWeight: 500, color: MUTED } })),
    // Under the three small panels (their titles hold the top): two names, one row.
    legend: plainLegend({ top: undefined, bottom: 0, left: 'center', right: undefined, data: panel.groups.map(groupName) }),
    tooltip: { trigger: 'item', confine: true },
    grid: METRICS.map((_, i) => ({ left: `${i * width + 3}%`, width: `${width - 8}%`, top: 40, bottom: 30, outerBoundsMode: 'same' as const, outerBoundsContain: 'axisLabel' as const })),
    xAxis: METRICS.map((_, i) => ({ type: 'category' as const, gridIndex: i, data: [''], axisTick: { show: false }, axisLabel: { show: false } })),
    yAxis: METRICS.map((m, i) => ({ type: 'value' as const, gridIndex: i, axisLabel: { formatter: (v: number) => format(m, v) } })),
    series: METRICS.flatMap((m, i) =>
      panel.groups.map((g) => ({
        type: 'bar' as const,
        name: groupName(g),
        xAxisIndex: i,
        yAxisIndex: i,
        barMaxWidth: 34,
        barGap: '20%',
        itemStyle: { color: color(g) },
        data: [value(g, m)],
        // The value runs up inside its bar: two labels side by side above narrow bars met each other and the
        // axis' tick labels ("229.6만 원" in Korean; issue #14); inside its own bar a label meets nothing.
        label: { show: true, position: 'insideBottom' as const, rotate: 90, align: 'left' as const, verticalAlign: 'middle' as const, distance: 6, fontSize: 11, color: g.group === 'lpay' ? '#fff' : TEXT, formatter: (p: { value: unknown }) => format(m, Number(p.value)) },
        tooltip: { valueFormatter: valueFormatter((v) => (m === 'receiptsPerCustomer' ? ctx.fmt.dec(v, 2) : ctx.fmt.money(v))) },
      })),
    ),
  };
}

/** The first-payment cohort by the month of its first payment. */
export function cohortOption(panel: CohortPanel, ctx: ChartContext): ChartOption {
  return {
    ...baseOption(),
    grid: { left: 8, right: 16, top: 16, bottom: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, valueFormatter: valueFormatter(ctx.fmt.int) },
    xAxis: categoryAxis(
      panel.byMonth.periods.map((p) => periodLabel(ctx, p)),
      90,
    ),
    yAxis: valueAxis(ctx, undefined, true),
    series: [{ type: 'bar', name: ctx.t('overview.cohortMembers', { amount: ctx.fmt.int(panel.amount) }), data: panel.byMonth.cohort, barMaxWidth: 26 }],
  };
}

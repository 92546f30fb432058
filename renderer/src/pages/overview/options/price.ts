import type { PriceSpreadPanel, PriceStatsRow } from '../../../../../core/model/overview.js';
import type { ChartOption } from '../../../charts/option.js';
import { MUTED, PALETTE } from '../../../charts/palette.js';
import type { ChartContext } from '../labels.js';
import { baseOption, categoryAxis, valueAxis, valueFormatter } from './common.js';

/** Bin labels of the skewness histogram: "< -2", "-2 – -1", …, "≥ 4". */
export function skewBinLabels(panel: PriceSpreadPanel, ctx: ChartContext): string[] {
  const f = (v: number) => ctx.fmt.dec(v, 1);
  return panel.skewHistogram.map((b) => (b.from === null ? `< ${f(b.to ?? 0)}` : b.to === null ? `≥ ${f(b.from)}` : `${f(b.from)} – ${f(b.to)}`));
}

/** How the per-product price skewness of all analysed products is distributed. */
export function skewHistogramOption(panel: PriceSpreadPanel, ctx: ChartContext): ChartOption {
  return {
    ...baseOption(),
    grid: { left: 8, right: 16, top: 30, bottom: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, valueFormatter: valueFormatter((v) => ctx.t('overview.productsN', { n: ctx.fmt.int(v) })) },
    xAxis: { ...categoryAxis(skewBinLabels(panel, ctx), 70), name: ctx.t('overview.skewness'), nameLocation: 'middle', nameGap: 28 },
    yAxis: valueAxis(ctx, ctx.t('overview.products'), true),
    series: [{ type: 'bar', name: ctx.t('overview.products'), barCategoryGap: '12%', data: panel.skewHistogram.map((b) => b.count), itemStyle: { borderRadius: [2, 2, 0, 0] } }],
  };
}

const priced = (r: PriceStatsRow): r is PriceStatsRow & { skewness: number; kurtosis: number } => r.skewness !== null && r.kurtosis !== null;

/** Flagged products: skewness against excess kurtosis, the dot's area growing with the number of priced lines. */
export function priceScatterOption(panel: PriceSpreadPanel, ctx: ChartContext): ChartOption {
  const rows = panel.flagged.filter(priced);
  const maxN = Math.max(1, ...rows.map((r) => r.n));
  return {
    ...baseOption(),
    grid: { left: 8, right: 24, top: 30, bottom: 8 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const r = rows[(p as { dataIndex: number }).dataIndex];
        if (!r) return '';
        return [
          `<b>${r.name ?? r.product}</b> <span style="color:${MUTED}">${r.product}</span>`,
          `${ctx.t('overview.skewness')}: ${ctx.fmt.dec(r.skewness, 2)} · ${ctx.t('overview.kurtosis')}: ${ctx.fmt.dec(r.kurtosis, 2)}`,
          `${ctx.t('overview.pricedLines')}: ${ctx.fmt.int(r.n)}`,
          `${ctx.t('overview.median')}: ${ctx.fmt.money(r.median)} (p5 ${ctx.fmt.money(r.p5)} – p95 ${ctx.fmt.money(r.p95)})`,
        ].join('<br/>');
      },
    },
    xAxis: { type: 'value', name: ctx.t('overview.skewness'), nameLocation: 'middle', nameGap: 26, scale: true, boundaryGap: ['5%', '5%'], axisLabel: { formatter: (v: number) => ctx.fmt.dec(v, 1) } },
    yAxis: { type: 'value', name: ctx.t('overview.kurtosis'), scale: true, boundaryGap: ['5%', '8%'], nameTextStyle: { color: MUTED, align: 'left' }, axisLabel: { formatter: (v: number) => ctx.fmt.dec(v, 0) } },
    series: [
      {
        type: 'scatter',
        name: ctx.t('overview.flaggedProducts'),
        data: rows.map((r) => [r.skewness, r.kurtosis, r.n]),
        symbolSize: (v: number[]) => 8 + 22 * Math.sqrt(v[2] / maxN),
        itemStyle: { color: PALETTE[4], opacity: 0.75, borderColor: '#fff', borderWidth: 1 },
      },
    ],
  };
}

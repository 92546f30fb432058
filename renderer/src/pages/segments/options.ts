import type { KChoice, SegmentationView, ValidityPoint } from '../../../../core/model/segment.js';
import { OUTLIER_SEGMENT } from '../../../../core/model/segment.js';
import type { ChartOption } from '../../charts/option.js';
import { ACCENT, MUTED, PALETTE } from '../../charts/palette.js';
import type { ChartContext } from '../overview/labels.js';
import { baseOption, legend, valueAxis, valueFormatter } from '../overview/options/common.js';

/** Grey for the customers set aside as noise or outliers. */
export const OUTLIER_COLOR = '#b4bcc8';

/** A colour per segment id: the palette first, then evenly spread hues; outliers grey. */
export function segmentColor(segment: number): string {
  if (segment === OUTLIER_SEGMENT) return OUTLIER_COLOR;
  if (segment >= 0 && segment < PALETTE.length) return PALETTE[segment];
  const hue = Math.round(((segment - PALETTE.length) * 137.508) % 360);
  return `hsl(${hue}, 55%, 48%)`;
}

/** The 2-D points of a run grouped by segment (ascending, outliers first), as [x, y] pairs. One pass over the points. */
export function groupPoints(points: SegmentationView['points']): { segment: number; data: [number, number][] }[] {
  const groups = new Map<number, [number, number][]>();
  const n = Math.min(points.x.length, points.y.length, points.segment.length);
  for (let i = 0; i < n; i++) {
    const s = points.segment[i];
    let g = groups.get(s);
    if (g === undefined) {
      g = [];
      groups.set(s, g);
    }
    g.push([points.x[i], points.y[i]]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([segment, data]) => ({ segment, data }));
}

/** A fit's wall time: milliseconds below a second ("12 ms"), else as seconds. */
export function fitTime(ctx: ChartContext, seconds: number): string {
  return seconds < 1 ? `${ctx.fmt.int(seconds * 1000)} ms` : ctx.fmt.seconds(seconds);
}

/** Cost per k (line), each fit's time (bars, right axis), the chosen k marked. */
export function elbowOption(curve: readonly ValidityPoint[], choice: KChoice | undefined, ctx: ChartContext): ChartOption {
  const ks = curve.map((p) => String(p.k));
  const chosen = choice ? curve.findIndex((p) => p.k === choice.k) : -1;
  const cost = ctx.t('segments.cost');
  const time = ctx.t('segments.fitTime');
  return {
    ...baseOption(),
    // The grid holds its axis names too (ECharts 6 outerBounds), so the cost / fit-time names sit
    // below the legend row in both languages (issue #14: they overlapped in Korean).
    grid: { left: 8, right: 8, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: legend(),
    xAxis: { type: 'category', data: ks, name: 'k', nameLocation: 'middle', nameGap: 26, axisTick: { alignWithLabel: true } },
    yAxis: [valueAxis(ctx, cost), { type: 'value', name: time, splitLine: { show: false }, nameTextStyle: { color: MUTED, align: 'right' }, axisLabel: { formatter: (v: number) => fitTime(ctx, v) } }],
    series: [
      {
        type: 'bar',
        name: time,
        yAxisIndex: 1,
        data: curve.map((p) => p.seconds),
        itemStyle: { color: '#dfe5ee' },
        barMaxWidth: 18,
        z: 1,
        tooltip: { valueFormatter: valueFormatter((v) => fitTime(ctx, v)) },
      },
      {
        type: 'line',
        name: cost,
        data: curve.map((p) => p.cost),
        symbolSize: 7,
        itemStyle: { color: ACCENT },
        z: 3,
        tooltip: { valueFormatter: valueFormatter((v) => ctx.fmt.dec(v, 2)) },
        markPoint:
          chosen >= 0
            ? {
                symbol: 'pin',
                symbolSize: 44,
                itemStyle: { color: '#d94f6b' },
                label: { formatter: `k=${curve[chosen].k}`, fontSize: 10, color: '#fff' },
                data: [{ coord: [chosen, curve[chosen].cost], name: ctx.t('segments.chosenK') }],
              }
            : undefined,
      },
    ],
  };
}

type Metric = 'silhouette' | 'calinskiHarabasz' | 'daviesBouldin' | 'seconds';
const METRICS: readonly Metric[] = ['silhouette', 'calinskiHarabasz', 'daviesBouldin', 'seconds'];

/** The validity measures a curve holds (fit time always). */
export function validityMetrics(curve: readonly ValidityPoint[]): Metric[] {
  return METRICS.filter((m) => m === 'seconds' || curve.some((p) => p[m] !== null && p[m] !== undefined));
}

/**
 * One small chart per measure (silhouette ↑, Calinski–Harabasz ↑, Davies–Bouldin ↓, fit time),
 * two per row, all over k, with the chosen k marked by a dashed line.
 */
export function validityOption(curve: readonly ValidityPoint[], choice: KChoice | undefined, ctx: ChartContext): ChartOption {
  const metrics = validityMetrics(curve);
  const n = metrics.length;
  const cols = n <= 2 ? n : 2;
  const rows = Math.ceil(n / cols);
  const gap = 3;
  const width = (100 - gap * (cols + 1)) / cols;
  const rowHeight = 100 / rows;
  const left = (i: number) => `${gap + (i % cols) * (width + gap)}%`;
  const top = (i: number) => Math.floor(i / cols) * rowHeight;
  const ks = curve.map((p) => String(p.k));
  const chosen = choice ? ks.indexOf(String(choice.k)) : -1;
  const format = (m: Metric) => (v: number) => (m === 'seconds' ? fitTime(ctx, v) : m === 'calinskiHarabasz' ? ctx.fmt.compact(v) : ctx.fmt.dec(v, 2));
  return {
    animationDuration: 300,
    tooltip: { trigger: 'axis', confine: true },
    title: metrics.map((m, i) => ({ text: ctx.t(`segments.metric.${m}`), left: left(i), top: `${top(i)}%`, textStyle: { fontSize: 12, fontWeight: 600 } })),
    grid: metrics.map((_, i) => ({ left: left(i), width: `${width}%`, top: `${top(i) + 9}%`, height: `${rowHeight - 20}%`, containLabel: true })),
    xAxis: metrics.map((_, i) => ({ type: 'category' as const, gridIndex: i, data: ks, axisTick: { alignWithLabel: true } })),
    yAxis: metrics.map((m, i) => ({ type: 'value' as const, gridIndex: i, scale: m !== 'seconds', splitNumber: 3, axisLabel: { formatter: format(m) } })),
    series: metrics.map((m, i) => ({
      type: 'line' as const,
      name: ctx.t(`segments.metric.${m}`),
      xAxisIndex: i,
      yAxisIndex: i,
      data: curve.map((p) => p[m] ?? null),
      symbolSize: 6,
      connectNulls: true,
      itemStyle: { color: PALETTE[i % PALETTE.length] },
      tooltip: { valueFormatter: valueFormatter(format(m)) },
      markLine: chosen >= 0 ? { symbol: 'none', silent: true, label: { show: false }, lineStyle: { type: 'dashed' as const, color: '#d94f6b' }, data: [{ xAxis: chosen }] } : undefined,
    })),
  };
}

export interface PcaInput {
  groups: { segment: number; data: [number, number][] }[];
  names: ReadonlyMap<number, string>;
  explained?: number[];
}

/**
 * The 2-D PCA view: one scatter series per segment (legend toggles them), drawn in large mode so
 * 30k points pan and zoom smoothly (progressively beyond 60k); zoom by wheel/drag inside and by sliders.
 */
export function pcaOption({ groups, names, explained }: PcaInput, ctx: ChartContext): ChartOption {
  const total = groups.reduce((s, g) => s + g.data.length, 0);
  const size = total > 10_000 ? 3 : total > 2_000 ? 4 : 6;
  const axisName = (i: number) => (explained && explained[i] !== undefined ? `PC${i + 1} (${ctx.fmt.pct(explained[i], 0)})` : `PC${i + 1}`);
  return {
    animation: false,
    legend: legend(),
    grid: { left: 8, right: 48, top: 56, bottom: 48, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const { seriesName, value } = p as { seriesName: string; value: [number, number] };
        return `<b>${escapeHtml(seriesName)}</b><br/>${ctx.fmt.dec(value[0], 2)}, ${ctx.fmt.dec(value[1], 2)}`;
      },
    },
    xAxis: { type: 'value', name: axisName(0), nameLocation: 'middle', nameGap: 24, scale: true, axisLine: { onZero: false }, splitLine: { show: false }, nameTextStyle: { color: MUTED } },
    yAxis: { type: 'value', name: axisName(1), scale: true, axisLine: { onZero: false }, splitLine: { lineStyle: { color: '#eef1f5' } }, nameTextStyle: { color: MUTED, align: 'left' } },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'inside', yAxisIndex: 0, filterMode: 'none' },
      { type: 'slider', xAxisIndex: 0, filterMode: 'none', height: 16, bottom: 6, showDetail: false, showDataShadow: false },
      { type: 'slider', yAxisIndex: 0, filterMode: 'none', width: 16, right: 8, showDetail: false, showDataShadow: false },
    ],
    series: groups.map((g) => ({
      type: 'scatter' as const,
      name: names.get(g.segment) ?? String(g.segment),
      data: g.data,
      symbolSize: size,
      large: true,
      // Large mode draws a series as one path of 3-px squares (fillRect): 30k points paint in one
      // frame of ~100 ms even in a software-rendered canvas, and pan/zoom repaint well within a
      // frame. Progressive chunks only pay off beyond that (measured: more frames, no gain at 30k).
      largeThreshold: 400,
      progressive: 10_000,
      progressiveThreshold: 60_000,
      progressiveChunkMode: 'mod',
      itemStyle: { color: segmentColor(g.segment), opacity: g.segment === OUTLIER_SEGMENT ? 0.55 : 0.75 },
      emphasis: { disabled: true },
    })),
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

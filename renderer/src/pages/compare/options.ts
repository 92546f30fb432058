import type { RunComparison, SegmentProfile } from '../../../../core/model/segment.js';
import type { ChartOption } from '../../charts/option.js';
import { PALETTE, SEQUENTIAL } from '../../charts/palette.js';
import type { ChartContext } from '../overview/labels.js';
import { baseOption, categoryAxis, legend, valueFormatter } from '../overview/options/common.js';
import { featureLabel } from '../segments/labels.js';

/** A feature's segment mean as an index of the overall mean (100 = the average customer). */
export function featureIndex(mean: number, overallMean: number): number | null {
  if (!Number.isFinite(mean) || !Number.isFinite(overallMean) || overallMean === 0) return null;
  return (100 * mean) / overallMean;
}

/** The features of two profiles side by side, as indexes of the overall mean, in the profiles' order. */
export function profileRows(a: SegmentProfile, b: SegmentProfile): { name: string; a: number | null; b: number | null; meanA: number; meanB: number }[] {
  return a.features.map((fa) => {
    const fb = b.features.find((f) => f.name === fa.name);
    return { name: fa.name, a: featureIndex(fa.mean, fa.overallMean), b: fb ? featureIndex(fb.mean, fb.overallMean) : null, meanA: fa.mean, meanB: fb?.mean ?? NaN };
  });
}

/** Segment A and B as bars per feature (index, overall mean = 100, marked by a line). */
export function profileBarsOption(a: SegmentProfile, b: SegmentProfile, names: { a: string; b: string }, ctx: ChartContext): ChartOption {
  const rows = profileRows(a, b);
  const labels = rows.map((r) => featureLabel(ctx.t, r.name));
  const fmtIndex = (v: number) => ctx.fmt.int(v);
  return {
    ...baseOption(),
    grid: { left: 8, right: 24, top: 40, bottom: 30, containLabel: true },
    legend: legend(),
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, valueFormatter: valueFormatter(fmtIndex) },
    yAxis: categoryAxis(labels, 110, { inverse: true }),
    xAxis: { type: 'value', name: ctx.t('compare.index'), nameLocation: 'middle', nameGap: 22, axisLabel: { formatter: (v: number) => ctx.fmt.int(v) } },
    series: [
      { type: 'bar', name: names.a, data: rows.map((r) => r.a), itemStyle: { color: PALETTE[0], borderRadius: [0, 3, 3, 0] }, barMaxWidth: 14, markLine: { symbol: 'none', silent: true, label: { formatter: ctx.t('compare.overall'), position: 'start', color: '#7a8699' }, lineStyle: { type: 'dashed', color: '#7a8699' }, data: [{ xAxis: 100 }] } },
      { type: 'bar', name: names.b, data: rows.map((r) => r.b), itemStyle: { color: PALETTE[1], borderRadius: [0, 3, 3, 0] }, barMaxWidth: 14 },
    ],
  };
}

/** The membership cross-tab of two runs as a heatmap with counts in the cells. */
export function crossTabOption(rc: RunComparison, ctx: ChartContext): ChartOption {
  const data: [number, number, number][] = [];
  let max = 0;
  rc.counts.forEach((row, r) =>
    row.forEach((v, c) => {
      data.push([c, r, v]);
      if (v > max) max = v;
    }),
  );
  const cells = rc.rows.length * rc.columns.length;
  return {
    animationDuration: 300,
    grid: { left: 8, right: 16, top: 30, bottom: 56, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const [c, r, v] = (p as { value: [number, number, number] }).value;
        return `${escape(rc.rows[r]?.name ?? '')} × ${escape(rc.columns[c]?.name ?? '')}<br/><b>${ctx.fmt.int(v)}</b>`;
      },
    },
    xAxis: { type: 'category', data: rc.columns.map((c) => c.name), name: ctx.t('compare.runN', { id: rc.runB }), nameLocation: 'middle', nameGap: 40, axisLabel: { width: 90, overflow: 'truncate', interval: 0, rotate: rc.columns.length > 6 ? 30 : 0 }, splitArea: { show: false } },
    yAxis: { type: 'category', data: rc.rows.map((r) => r.name), name: ctx.t('compare.runN', { id: rc.runA }), nameLocation: 'start', inverse: true, axisLabel: { width: 120, overflow: 'truncate', interval: 0 } },
    visualMap: { type: 'continuous', min: 0, max: Math.max(1, max), show: false, inRange: { color: SEQUENTIAL } },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: cells <= 400, fontSize: 10, formatter: (p: unknown) => ctx.fmt.int((p as { value: [number, number, number] }).value[2]) },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
    ],
  };
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

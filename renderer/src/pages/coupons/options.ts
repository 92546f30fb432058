import type { CouponCluster, CouponSegmentShare } from '../../../../core/model/coupons.js';
import type { ChartOption } from '../../charts/option.js';
import { legend } from '../../charts/legend.js';
import { PALETTE, TEXT } from '../../charts/palette.js';

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

interface Labels {
  discount: string;
  useRate: string;
  cluster: (id: number, sensitive: boolean) => string;
}

/**
 * Mean use rate at each discount level, one line per cluster, over a band of its bootstrap
 * interval (drawn as a stacked pair: the low line, then high − low filled): how steeply each
 * cluster's use rises with the discount, and how sure that is. A sensitive cluster is drawn solid
 * and thicker, the others dashed.
 */
export function levelOption(levels: readonly number[], clusters: readonly CouponCluster[], labels: Labels): ChartOption | null {
  if (clusters.length === 0 || levels.length === 0) return null;
  return {
    animation: false,
    grid: { left: 60, right: 20, top: 40, bottom: 50 },
    legend: legend({ data: clusters.map((c) => labels.cluster(c.id, c.sensitive)) }),
    tooltip: { trigger: 'item', formatter: (p: unknown) => { const d = p as { seriesIndex?: number; dataIndex?: number }; const c = clusters[Math.floor((d.seriesIndex ?? 0) / 3)]; const l = d.dataIndex ?? 0; return c ? `${labels.cluster(c.id, c.sensitive)} · ${levels[l]} %<br/>${pct(c.useRateByLevel[l])} (${pct(c.useRateLow[l])} – ${pct(c.useRateHigh[l])})` : ''; } },
    xAxis: { type: 'category', name: labels.discount, nameLocation: 'middle', nameGap: 30, data: levels.map((l) => `${l} %`) },
    yAxis: { type: 'value', name: labels.useRate, min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` } },
    series: clusters.flatMap((c) => {
      const color = clusterColor(c.id);
      const band = { type: 'line' as const, stack: `band${c.id}`, symbol: 'none', silent: true, lineStyle: { opacity: 0 }, tooltip: { show: false } };
      return [
        { ...band, name: `band-low-${c.id}`, data: c.useRateLow },
        { ...band, name: `band-${c.id}`, data: c.useRateHigh.map((h, l) => h - c.useRateLow[l]), areaStyle: { color, opacity: 0.15 } },
        {
          type: 'line' as const, name: labels.cluster(c.id, c.sensitive), data: c.useRateByLevel, symbolSize: 7,
          lineStyle: { width: c.sensitive ? 3 : 2, type: c.sensitive ? 'solid' as const : 'dashed' as const, color }, itemStyle: { color },
        },
      ];
    }),
  };
}

/** Slope of use on the discount per cluster (per 10 points of discount) with its interval as error bars. */
/** One colour per cluster on every chart of the page (a sensitive cluster is the same colour in the use-rate lines and the slope bars). */
export const clusterColor = (id: number): string => PALETTE[id % PALETTE.length];

export function slopeOption(clusters: readonly CouponCluster[], labels: { slope: string; cluster: (id: number, sensitive: boolean) => string }): ChartOption | null {
  if (clusters.length === 0) return null;
  const per10 = (v: number) => v * 10;
  return {
    animation: false,
    grid: { left: 60, right: 20, top: 20, bottom: 50 },
    tooltip: { trigger: 'item', formatter: (p: unknown) => { const i = (p as { dataIndex?: number }).dataIndex ?? 0; const c = clusters[i]; return c ? `${labels.cluster(c.id, c.sensitive)}<br/>${(per10(c.slope) * 100).toFixed(1)} (${(per10(c.slopeLow) * 100).toFixed(1)} – ${(per10(c.slopeHigh) * 100).toFixed(1)})` : ''; } },
    xAxis: { type: 'category', data: clusters.map((c) => labels.cluster(c.id, c.sensitive)) },
    yAxis: { type: 'value', name: labels.slope, axisLabel: { formatter: (v: number) => (v * 100).toFixed(0) } },
    series: [
      { type: 'bar', data: clusters.map((c) => ({ value: per10(c.slope), itemStyle: { color: clusterColor(c.id), opacity: c.sensitive ? 1 : 0.45 } })), barMaxWidth: 40 },
      // The interval of each cluster as a vertical segment at its category, capped by short bars.
      ...clusters.map((c, i) => ({ type: 'line' as const, data: [[i, per10(c.slopeLow)], [i, per10(c.slopeHigh)]], symbol: 'rect', symbolSize: [14, 2], lineStyle: { color: TEXT, width: 1.5 }, itemStyle: { color: TEXT }, tooltip: { show: false }, z: 10 })),
    ],
  };
}

/** Share of sensitive customers per segment (clustered customers only). */
export function segmentOption(segments: readonly CouponSegmentShare[], label: string): ChartOption | null {
  const shown = segments.filter((s) => s.share !== null);
  if (shown.length === 0) return null;
  return {
    animation: false,
    grid: { left: 120, right: 30, top: 10, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(1)} %` : '') },
    xAxis: { type: 'value', name: label, nameLocation: 'middle', nameGap: 25, min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` } },
    yAxis: { type: 'category', data: shown.map((s) => s.name), inverse: true },
    series: [{ type: 'bar', data: shown.map((s) => s.share), itemStyle: { color: PALETTE[0] }, barMaxWidth: 28 }],
  };
}

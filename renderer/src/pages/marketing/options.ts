import type { MarketingSegment } from '../../../../core/model/marketing.js';
import { OFFLINE_TIERS } from '../../../../core/model/marketing.js';
import type { ChartOption } from '../../charts/option.js';
import { legend } from '../../charts/legend.js';
import { MUTED, PALETTE } from '../../charts/palette.js';

const BINS = Array.from({ length: 10 }, (_, i) => `${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`);

/** Per segment, the share of its customers in each tenth of the online response (a histogram per segment, side by side). */
export function histogramOption(segments: readonly MarketingSegment[], labels: { x: string; y: string }): ChartOption | null {
  const shown = segments.filter((s) => s.online.n > 0);
  if (shown.length === 0) return null;
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 36, bottom: 48 },
    legend: legend(),
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${(Number(v) * 100).toFixed(1)}%` },
    xAxis: { type: 'category', data: BINS, name: labels.x, nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', name: labels.y, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: shown.map((s, i) => ({ type: 'bar', name: s.name, color: PALETTE[i % PALETTE.length], data: s.online.histogram.map((c) => c / s.online.n) })),
  };
}

/** Per segment, the share of customers whose responding offline tier is low / mid / high / none (stacked to 100%). */
export function tierOption(segments: readonly MarketingSegment[], tierLabel: (t: string) => string): ChartOption | null {
  const shown = segments.filter((s) => s.customers > 0);
  if (shown.length === 0) return null;
  const keys = [...OFFLINE_TIERS, 'none'] as const;
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 36, bottom: 40 },
    legend: legend(),
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${(Number(v) * 100).toFixed(1)}%` },
    xAxis: { type: 'category', data: shown.map((s) => s.name) },
    yAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: keys.map((k, i) => ({
      type: 'bar', stack: 'tiers', name: tierLabel(k), color: k === 'none' ? MUTED : PALETTE[i],
      data: shown.map((s) => s.tierCounts[k] / s.customers),
    })),
  };
}

/**
 * The lag coefficients of one segment's regression, one line per channel over lags 0..maxLag, with
 * the 95% interval as dashed lines of the same colour and 0 marked (an interval crossing 0 is no
 * evidence of a response at that lag).
 */
export function lagOption(segment: MarketingSegment, labels: { lag: string; coef: string; low: string; high: string }): ChartOption | null {
  const coefs = segment.regression.coefficients.filter((c) => c.channel !== null);
  if (coefs.length === 0) return null;
  const channels = [...new Set(coefs.map((c) => c.channel!))];
  const lags = [...new Set(coefs.map((c) => c.lag!))].sort((a, b) => a - b);
  const value = (ch: string, l: number, f: 'estimate' | 'low' | 'high') => coefs.find((c) => c.channel === ch && c.lag === l)?.[f] ?? null;
  return {
    animation: false,
    grid: { left: 70, right: 16, top: 36, bottom: 48 },
    legend: legend({ data: channels }),
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: lags.map(String), name: labels.lag, nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', name: labels.coef, scale: true },
    series: channels.flatMap((ch, i) => {
      const color = PALETTE[i % PALETTE.length];
      return [
        { type: 'line' as const, name: ch, color, symbolSize: 7, data: lags.map((l) => value(ch, l, 'estimate')), markLine: i === 0 ? { silent: true, symbol: 'none', lineStyle: { color: MUTED }, data: [{ yAxis: 0 }] } : undefined },
        { type: 'line' as const, name: `${ch} ${labels.low}`, color, showSymbol: false, lineStyle: { type: 'dashed' as const, width: 1 }, data: lags.map((l) => value(ch, l, 'low')) },
        { type: 'line' as const, name: `${ch} ${labels.high}`, color, showSymbol: false, lineStyle: { type: 'dashed' as const, width: 1 }, data: lags.map((l) => value(ch, l, 'high')) },
      ];
    }),
  };
}

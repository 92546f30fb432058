import type { ModelResult, PreferenceValidation, ScoreModelRetailer, ScoreModelSummary } from './types.js';
import type { ChartOption } from '../../charts/option.js';
import { MUTED, PALETTE } from '../../charts/palette.js';
import type { ChartContext } from '../overview/labels.js';
import { metricLabel } from './model.js';
import { baseOption, categoryAxis, legend, valueAxis, valueFormatter } from '../overview/options/common.js';

/** nDCG@K per model, grouped: all items, repeat items, new items. */
export function ndcgOption(models: readonly ModelResult[], k: number, labels: { all: string; repeat: string; new: string }, ctx: ChartContext): ChartOption | null {
  const shown = models.filter((m) => m.skipped === undefined && m.metrics !== undefined);
  if (shown.length === 0) return null;
  const key = `ndcg@${k}`;
  const series = (['all', 'repeat', 'new'] as const).map((part, i) => ({
    type: 'bar' as const,
    name: labels[part],
    itemStyle: { color: PALETTE[i] },
    data: shown.map((m) => (part === 'all' ? m.metrics : m[part])?.[key] ?? null),
  }));
  return {
    ...baseOption(),
    grid: { left: 8, right: 16, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: legend(),
    // Every model labelled, however many (issue #14: nine models, nine labels): no skipping, wrap in the slot.
    xAxis: categoryAxis(shown.map((m) => m.id), 110, { axisLabel: { interval: 0, hideOverlap: false, width: 110, overflow: 'break' as const } }),
    yAxis: { ...valueAxis(ctx, metricLabel(key)), min: 0 },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: valueFormatter((v) => ctx.fmt.dec(v, 3)) },
    series,
  } as ChartOption;
}

/** Share of pairs bought again vs the score threshold, one line per retailer (null shares are gaps). */
export function preferenceOption(s: PreferenceValidation, thresholds: readonly number[], ctx: ChartContext): ChartOption | null {
  if (s.retailers.length === 0 || thresholds.length === 0) return null;
  const series = s.retailers.map((r, i) => {
    const byThreshold = new Map(r.table.map((row) => [row.threshold, row.share]));
    return {
      type: 'line' as const,
      name: r.retailer,
      connectNulls: false,
      symbolSize: 6,
      itemStyle: { color: PALETTE[i % PALETTE.length] },
      lineStyle: { color: PALETTE[i % PALETTE.length], width: 2 },
      data: thresholds.map((th) => byThreshold.get(th) ?? null),
    };
  });
  return {
    ...baseOption(),
    legend: legend(),
    xAxis: { ...categoryAxis(thresholds.map((th) => `≥ ${th.toFixed(1)}`), 60), boundaryGap: false },
    yAxis: { type: 'value' as const, min: 0, max: 1, axisLabel: { formatter: (v: number) => ctx.fmt.dec(v, 1) } },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: valueFormatter((v) => (Number.isFinite(v) ? ctx.fmt.dec(v, 3) : '–')) },
    series,
  } as ChartOption;
}

/** Validation RMSE of the learned score model beside the mean predictor's, per retailer (lower is better). */
export function scoreRmseOption(s: ScoreModelSummary, labels: { valid: string; baseline: string }, ctx: ChartContext): ChartOption | null {
  const shown = s.retailers.filter((r) => r.validRmse !== null || r.baselineRmse !== null);
  if (shown.length === 0) return null;
  const bar = (name: string, color: string, value: (r: ScoreModelRetailer) => number | null) => ({
    type: 'bar' as const,
    name,
    itemStyle: { color },
    data: shown.map((r) => value(r)),
  });
  return {
    ...baseOption(),
    legend: legend(),
    xAxis: categoryAxis(shown.map((r) => r.retailer), 80),
    yAxis: { type: 'value' as const, min: 0, axisLabel: { formatter: (v: number) => ctx.fmt.dec(v, 2) } },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: valueFormatter((v) => (Number.isFinite(v) ? ctx.fmt.dec(v, 3) : '–')) },
    series: [bar(labels.valid, PALETTE[0], (r) => r.validRmse), bar(labels.baseline, MUTED, (r) => r.baselineRmse)],
  } as ChartOption;
}

/** A model trained by epochs: training loss (left axis, named by the legend) and held-out next-session HR@5 / nDCG@5 (right axis, 0–1). */
export function trainingOption(training: NonNullable<ModelResult['training']>, labels: { loss: string; hr5: string; ndcg5: string; epoch: string }, ctx: ChartContext): ChartOption | null {
  const n = Math.max(training.losses.length, training.valid.length);
  if (n === 0) return null;
  const epochs = Array.from({ length: n }, (_, i) => String(i + 1));
  const line = (name: string, color: string, data: (number | null)[], yAxisIndex: number, dashed = false) => ({
    type: 'line' as const,
    name,
    yAxisIndex,
    symbolSize: 6,
    itemStyle: { color },
    lineStyle: { color, width: 2, type: dashed ? ('dashed' as const) : ('solid' as const) },
    data,
  });
  return {
    ...baseOption(),
    grid: { left: 8, right: 8, top: 40, bottom: 24 },
    legend: legend(),
    xAxis: { ...categoryAxis(epochs, 40), boundaryGap: false, name: labels.epoch, nameLocation: 'middle' as const, nameGap: 24, nameTextStyle: { color: MUTED } },
    yAxis: [
      { type: 'value' as const, scale: true, axisLabel: { formatter: (v: number) => ctx.fmt.dec(v, 1) } },
      { type: 'value' as const, min: 0, max: 1, splitLine: { show: false }, axisLabel: { formatter: (v: number) => ctx.fmt.dec(v, 1) } },
    ],
    tooltip: { trigger: 'axis', confine: true, valueFormatter: valueFormatter((v) => (Number.isFinite(v) ? ctx.fmt.dec(v, 3) : '–')) },
    series: [
      line(labels.loss, PALETTE[1], epochs.map((_, i) => training.losses[i] ?? null), 0),
      line(labels.hr5, PALETTE[0], epochs.map((_, i) => training.valid[i]?.hr5 ?? null), 1),
      line(labels.ndcg5, PALETTE[2], epochs.map((_, i) => training.valid[i]?.ndcg5 ?? null), 1, true),
    ],
  } as ChartOption;
}

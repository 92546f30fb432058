import type { ForecastSeriesView } from '../../../../core/model/forecast-run.js';
import type { ForecastModelId, ModelForecast } from '../../../../core/model/forecast.js';
import type { ChartOption } from '../../charts/option.js';
import { legend } from '../../charts/legend.js';
import { MUTED, PALETTE, TEXT } from '../../charts/palette.js';

/** One colour per model, fixed so a model looks the same in every chart and table. */
export const MODEL_COLOURS: Record<ForecastModelId, string> = { snaive: PALETTE[7], ets: PALETTE[1], sarima: PALETTE[2], prophet: PALETTE[3], ensemble: PALETTE[4] };

/** Rule of the backtest table: a 95% interval is called too narrow when it covered less than this share. */
export const NARROW_95 = 0.85;

interface Labels {
  actual: string;
  /** Band names: "{model} 80%", "{model} 95%". */
  band(model: string, level: 80 | 95): string;
  /** The axis and tooltip form of a value: money with its unit when the measure is amount (issue #14). */
  value?: { axis(v: number): string; tooltip(v: number): string };
  /** The time axis' labels per level, as ECharts templates in the UI language ("{M}월" in Korean, not "Aug"). */
  time?: TimeLabels;
}

/** ECharts' leveled time formatter: one template per level of the tick ({yyyy}, {M}, {MMM}, {d}). */
export interface TimeLabels { year: string; month: string; day: string }

/**
 * The time axis' templates per UI language: ECharts' own are English ("Aug"); Korean writes months
 * by number ("8월"). ECharts templates, not messages, so they live here and not in the dictionaries.
 */
export const TIME_LABELS: Record<'en' | 'ko', TimeLabels> = {
  en: { year: '{yyyy}', month: '{MMM}', day: '{d} {MMM}' },
  ko: { year: '{yyyy}년', month: '{M}월', day: '{M}월 {d}일' },
};

const timeAxisLabel = (time: TimeLabels | undefined) => (time ? { formatter: { year: time.year, month: time.month, day: time.day } } : {});

const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1000) / 1000 : null);

/**
 * History and each model's forecast with its 80% and 95% bands. A band is two stacked lines (the
 * lower bound, invisible, then upper − lower filled), named after the model so the legend toggles a
 * model and its bands together; dataZoom on the time axis (inside and a slider), starting on the
 * last 180 history periods plus the horizon.
 */
export function forecastOption(view: ForecastSeriesView, models: readonly ModelForecast[], labels: Labels): ChartOption {
  const n = view.actual.length;
  const dates = view.dates;
  const series: NonNullable<ChartOption['series']> = [
    { type: 'line', name: labels.actual, data: view.actual.map((v, i) => [dates[i], round(v)]), showSymbol: false, lineStyle: { width: 1.2, color: TEXT }, itemStyle: { color: TEXT }, z: 3 },
  ];
  for (const m of models) {
    const c = MODEL_COLOURS[m.model];
    const at = (i: number) => dates[n + i];
    for (const [level, lo, hi, opacity] of [[95, m.lower95, m.upper95, 0.12], [80, m.lower80, m.upper80, 0.22]] as const) {
      const stack = `${m.model}-${level}`;
      series.push(
        { type: 'line', name: m.model, stack, stackStrategy: 'all', data: lo.map((v, i) => [at(i), round(v)]), showSymbol: false, lineStyle: { opacity: 0 }, itemStyle: { color: c }, tooltip: { show: false }, silent: true },
        { type: 'line', name: m.model, stack, stackStrategy: 'all', data: hi.map((v, i) => [at(i), round(v - lo[i])]), showSymbol: false, lineStyle: { opacity: 0 }, areaStyle: { color: c, opacity }, itemStyle: { color: c }, tooltip: { show: false }, silent: true },
      );
    }
    series.push({ type: 'line', name: m.model, data: m.mean.map((v, i) => [at(i), round(v)]), showSymbol: false, lineStyle: { width: 2, color: c }, itemStyle: { color: c }, z: 4 });
  }
  const startShare = Math.max(0, Math.min(100, (100 * (n - 180)) / dates.length));
  return {
    animation: false,
    grid: { left: 70, right: 24, top: 40, bottom: 70 },
    legend: legend({ data: [labels.actual, ...models.map((m) => m.model)] }),
    tooltip: { trigger: 'axis', ...(labels.value ? { valueFormatter: (v: unknown) => (typeof v === 'number' ? labels.value!.tooltip(v) : String(v ?? '')) } : {}) },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true, ...timeAxisLabel(labels.time) } },
    yAxis: { type: 'value', scale: true, splitLine: { lineStyle: { color: '#e3e7ee' } }, ...(labels.value ? { axisLabel: { formatter: labels.value.axis } } : {}) },
    dataZoom: [{ type: 'inside', xAxisIndex: 0, start: startShare, end: 100 }, { type: 'slider', xAxisIndex: 0, start: startShare, end: 100, bottom: 10, height: 22 }],
    series,
  };
}

/** The additive components Prophet found, one small panel each (trend, weekly, yearly, holidays), sharing the time axis. */
export function componentsOption(view: ForecastSeriesView, m: ModelForecast, names: Record<'trend' | 'weekly' | 'yearly' | 'holidays', string>, time?: TimeLabels): ChartOption | null {
  const c = m.components;
  if (!c) return null;
  const parts = (['trend', 'weekly', 'yearly', 'holidays'] as const).filter((k) => c[k] !== null && c[k]!.length > 0);
  if (parts.length === 0) return null;
  const h = 100 / parts.length;
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    title: parts.map((k, i) => ({ text: names[k], left: 70, top: `${i * h}%`, textStyle: { fontSize: 12, color: MUTED, fontWeight: 'normal' } })),
    grid: parts.map((_, i) => ({ left: 70, right: 24, top: `${i * h + 5}%`, height: `${h - 11}%` })),
    xAxis: parts.map((_, i) => ({ type: 'time', gridIndex: i, axisLabel: { show: i === parts.length - 1, hideOverlap: true, ...timeAxisLabel(time) } })),
    yAxis: parts.map((_, i) => ({ type: 'value', gridIndex: i, scale: true, splitNumber: 2 })),
    dataZoom: [{ type: 'inside', xAxisIndex: parts.map((_, i) => i) }],
    series: parts.map((k, i) => ({
      type: 'line', name: names[k], xAxisIndex: i, yAxisIndex: i, showSymbol: false, lineStyle: { width: 1.4, color: PALETTE[i] }, itemStyle: { color: PALETTE[i] },
      data: c[k]!.map((v, t) => [view.dates[t], round(v)]),
    })),
  };
}

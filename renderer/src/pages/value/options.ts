import type { ClvCheckRow, ClvGroup } from '../../../../core/model/value.js';
import type { ChartOption } from '../../charts/option.js';
import { legend } from '../../charts/legend.js';
import { ACCENT, PALETTE } from '../../charts/palette.js';

/**
 * The calibration/holdout check as BTYD draws it (Fader, Hardie & Lee 2005, Figure 4): mean actual
 * and mean predicted holdout purchases per number of calibration repeat purchases.
 */
export function checkOption(rows: readonly ClvCheckRow[], labels: { actual: string; predicted: string; x: string; y: string }): ChartOption | null {
  if (rows.length === 0) return null;
  return {
    animation: false,
    grid: { left: 60, right: 20, top: 40, bottom: 50 },
    legend: legend({ data: [labels.actual, labels.predicted] }),
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', name: labels.x, nameLocation: 'middle', nameGap: 30, data: rows.map((r) => r.frequency) },
    yAxis: { type: 'value', name: labels.y, nameLocation: 'middle', nameGap: 40 },
    series: [
      { name: labels.actual, type: 'line', symbol: 'circle', symbolSize: 7, itemStyle: { color: PALETTE[1] }, data: rows.map((r) => r.actual) },
      { name: labels.predicted, type: 'line', symbol: 'diamond', symbolSize: 8, lineStyle: { type: 'dashed' }, itemStyle: { color: ACCENT }, data: rows.map((r) => r.predicted) },
    ],
  };
}

/**
 * CLV per group: the interquartile range as a floating bar (an invisible bar up to Q1 stacked
 * under Q3 − Q1: the chart parts registered have no box plot), with the median and the mean marked.
 */
export function valueBoxOption(groups: readonly ClvGroup[], labels: { value: string; iqr: string; median: string; mean: string }): ChartOption | null {
  if (groups.length === 0) return null;
  return {
    animation: false,
    grid: { left: 70, right: 20, top: 40, bottom: 60 },
    legend: legend({ data: [labels.iqr, labels.median, labels.mean] }),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: groups.map((g) => g.name), axisLabel: { interval: 0, rotate: groups.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', name: labels.value, nameLocation: 'middle', nameGap: 55 },
    series: [
      { name: 'q1', type: 'bar', stack: 'iqr', itemStyle: { color: 'transparent' }, tooltip: { show: false }, data: groups.map((g) => g.value.q1) },
      { name: labels.iqr, type: 'bar', stack: 'iqr', barMaxWidth: 48, itemStyle: { color: '#c9daf7', borderColor: ACCENT }, data: groups.map((g) => g.value.q3 - g.value.q1) },
      { name: labels.median, type: 'scatter', symbol: 'rect', symbolSize: [40, 3], itemStyle: { color: ACCENT }, data: groups.map((g) => g.value.median) },
      { name: labels.mean, type: 'scatter', symbol: 'diamond', symbolSize: 9, itemStyle: { color: PALETTE[1] }, data: groups.map((g) => g.value.mean) },
    ],
  };
}

/** P(alive) per group: the share of each group's customers in each decile, stacked to 100 %. */
export function aliveOption(groups: readonly ClvGroup[], label: string): ChartOption | null {
  if (groups.length === 0) return null;
  const deciles = Array.from({ length: 10 }, (_, k) => `${(k / 10).toFixed(1)}–${((k + 1) / 10).toFixed(1)}`);
  const colours = ['#d94f6b', '#e2676f', '#ea8276', '#f09d80', '#f3b98f', '#c9daf7', '#a6c3f2', '#7ea6ec', '#5489e4', '#2f6fde'];
  return {
    animation: false,
    grid: { left: 60, right: 20, top: 50, bottom: 60 },
    legend: legend(),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: groups.map((g) => g.name), axisLabel: { interval: 0, rotate: groups.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', name: label, nameLocation: 'middle', nameGap: 40, max: 1 },
    series: deciles.map((name, k) => ({ name, type: 'bar', stack: 'alive', itemStyle: { color: colours[k] }, data: groups.map((g) => (g.customers ? g.pAliveHistogram[k] / g.customers : 0)) })),
  };
}

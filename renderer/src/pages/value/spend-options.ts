import type { SpendImportance } from '../../../../core/model/spend.js';
import type { ChartOption } from '../../charts/option.js';
import { ACCENT, PALETTE } from '../../charts/palette.js';

/**
 * Importance of each feature as horizontal bars, largest on top (up to `max` features): permutation
 * importance (RMSLE increase on the validation split when the feature's column is shuffled) or
 * TabNet's mask share. Null when there is nothing to draw (baselines have no features).
 */
export function importanceOption(rows: readonly SpendImportance[], label: string, mask = false, max = 15, featureName: (id: string) => string = (id) => id): ChartOption | null {
  if (rows.length === 0) return null;
  const top = [...rows].sort((a, b) => b.value - a.value).slice(0, max).reverse();
  return {
    animation: false,
    // The grid holds the feature labels whatever their length in either language (ECharts 6 outerBounds).
    grid: { left: 8, right: 30, top: 20, bottom: 45, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', name: label, nameLocation: 'middle', nameGap: 28 },
    // Human labels on the axis (issue #14: no raw ids on screen); the id stays in the CSV and the list's tooltips.
    yAxis: { type: 'category', data: top.map((r) => featureName(r.feature)), axisLabel: { interval: 0 } },
    series: [{ name: label, type: 'bar', barMaxWidth: 18, itemStyle: { color: mask ? PALETTE[2] : ACCENT }, data: top.map((r) => r.value) }],
  };
}

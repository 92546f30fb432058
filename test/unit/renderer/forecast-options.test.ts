import { describe, expect, it } from 'vitest';
import type { ForecastSeriesView } from '../../../core/model/forecast-run.js';
import type { ModelForecast } from '../../../core/model/forecast.js';
import { componentsOption, forecastOption, TIME_LABELS } from '../../../renderer/src/pages/forecast/options.js';

const model = (id: ModelForecast['model']): ModelForecast => ({
  model: id, spec: id, mean: [10, 12], lower80: [-2, 1], upper80: [22, 23], lower95: [-8, -5], upper95: [28, 29], fitted: [NaN, 5, 6], ms: 1,
  components: { trend: [1, 2, 3, 4, 5], weekly: [0, 1, -1, 0, 1], yearly: null, holidays: [0, 0, -3, 0, 0] },
});
const view = { dates: ['2021-01-01', '2021-01-02', '2021-01-03', '2021-01-04', '2021-01-05'], actual: [4, 5, 6] } as ForecastSeriesView;

describe('forecast chart options', () => {
  it('draws each band as the lower bound plus (upper − lower) stacked whatever the signs, toggled with its model by name', () => {
    const o = forecastOption(view, [model('ets')], { actual: 'actual', band: (m, l) => `${m} ${l}%` });
    const series = o.series as { name: string; stack?: string; stackStrategy?: string; data: [string, number][] }[];
    expect(series.map((s) => s.name)).toEqual(['actual', 'ets', 'ets', 'ets', 'ets', 'ets']);
    const [lo95, width95, lo80, width80, mean] = series.slice(1);
    expect(lo95.data).toEqual([['2021-01-04', -8], ['2021-01-05', -5]]);
    expect(width95.data).toEqual([['2021-01-04', 36], ['2021-01-05', 34]]);
    expect(lo80.data.map((d) => d[1])).toEqual([-2, 1]);
    expect(width80.data.map((d) => d[1])).toEqual([24, 22]);
    // ECharts' default stacks only same-sign values: a negative lower bound would float the band.
    for (const s of [lo95, width95, lo80, width80]) expect(s.stackStrategy).toBe('all');
    expect(lo95.stack).toBe(width95.stack);
    expect(lo80.stack).not.toBe(lo95.stack);
    expect(mean.data.map((d) => d[1])).toEqual([10, 12]);
    expect(o.dataZoom).toHaveLength(2);
  });

  it('components: one panel per component Prophet has, on the run\'s dates', () => {
    const o = componentsOption(view, model('prophet'), { trend: 'trend', weekly: 'weekly', yearly: 'yearly', holidays: 'holidays' })!;
    const series = o.series as { name: string; data: [string, number][] }[];
    expect(series.map((s) => s.name)).toEqual(['trend', 'weekly', 'holidays']);
    expect(series[2].data[2]).toEqual(['2021-01-03', -3]);
    expect(componentsOption(view, { ...model('ets'), components: undefined }, { trend: '', weekly: '', yearly: '', holidays: '' })).toBeNull();
  });

  it('labels the time axis in the UI language (Korean months as 8월, not Aug), on both charts', () => {
    const time = TIME_LABELS.ko;
    expect(time.month).toBe('{M}월');
    const o = forecastOption(view, [model('ets')], { actual: '실적', band: (m, l) => `${m} ${l}%`, time });
    expect((o.xAxis as { axisLabel: { formatter: unknown } }).axisLabel.formatter).toEqual(time);
    const c = componentsOption(view, model('prophet'), { trend: 't', weekly: 'w', yearly: 'y', holidays: 'h' }, time)!;
    for (const axis of c.xAxis as { axisLabel: { formatter: unknown } }[]) expect(axis.axisLabel.formatter).toEqual(time);
    // Without labels, ECharts' own (English) formatter stays.
    expect((forecastOption(view, [model('ets')], { actual: 'a', band: (m) => m }).xAxis as { axisLabel: { formatter?: unknown } }).axisLabel.formatter).toBeUndefined();
  });
});

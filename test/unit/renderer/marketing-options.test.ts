import { describe, expect, it } from 'vitest';
import type { LagCoefficient, MarketingSegment } from '../../../core/model/marketing.js';
import { histogramOption, lagOption, tierOption } from '../../../renderer/src/pages/marketing/options.js';

const coef = (channel: string | null, lag: number | null, estimate: number): LagCoefficient => ({ term: channel ?? 'intercept', channel, lag, estimate, se: 1, low: estimate - 2, high: estimate + 2, p: 0.5 });
function segment(name: string, customers: number, histogram: number[], coefficients: LagCoefficient[] = []): MarketingSegment {
  return {
    segment: null, name, customers, onlineResponse: 0.5, offlineTier: 'mid',
    online: { n: customers, mean: 0.5, min: 0, q1: 0.25, median: 0.5, q3: 0.75, max: 1, histogram },
    tierCounts: { low: 1, mid: customers - 2, high: 1, none: 0 }, meanAmountPerTier: { low: 1, mid: 2, high: 3 },
    regression: { days: 10, firstDay: null, lastDay: null, terms: coefficients.length, aliased: 0, hacLag: 1, r2: 0.5, adjR2: 0.4, meanSales: 1, coefficients, note: null },
  };
}

describe('Marketing page chart options', () => {
  it('histogram: per segment the share of its customers in each tenth; nothing without customers', () => {
    expect(histogramOption([segment('a', 0, new Array(10).fill(0))], { x: 'x', y: 'y' })).toBeNull();
    const o = histogramOption([segment('a', 4, [2, 0, 0, 0, 0, 0, 0, 0, 0, 2])], { x: 'x', y: 'y' }) as { series: { name: string; data: number[] }[] };
    expect(o.series[0].data).toEqual([0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0.5]);
  });

  it('tiers: stacked shares low, mid, high, none summing to 1 per segment', () => {
    const o = tierOption([segment('a', 10, new Array(10).fill(1))], (k) => k) as { series: { name: string; data: number[] }[] };
    expect(o.series.map((s) => s.name)).toEqual(['low', 'mid', 'high', 'none']);
    expect(o.series.reduce((sum, s) => sum + s.data[0], 0)).toBeCloseTo(1, 12);
  });

  it('lags: per channel the estimate and its two interval bounds over the lags, the intercept left out', () => {
    const s = segment('a', 3, new Array(10).fill(0), [coef(null, null, 9), coef('On', 0, 1), coef('On', 1, 5), coef('Off', 0, 2), coef('Off', 1, 3)]);
    const o = lagOption(s, { lag: 'lag', coef: 'c', low: 'lo', high: 'hi' }) as { xAxis: { data: string[] }; series: { name: string; data: (number | null)[] }[] };
    expect(o.xAxis.data).toEqual(['0', '1']);
    expect(o.series.map((x) => x.name)).toEqual(['On', 'On lo', 'On hi', 'Off', 'Off lo', 'Off hi']);
    expect(o.series[0].data).toEqual([1, 5]);
    expect(o.series[1].data).toEqual([-1, 3]);
    expect(lagOption(segment('b', 3, new Array(10).fill(0)), { lag: 'l', coef: 'c', low: 'lo', high: 'hi' })).toBeNull();
  });
});

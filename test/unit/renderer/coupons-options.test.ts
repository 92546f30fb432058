import { describe, expect, it } from 'vitest';
import type { CouponCluster } from '../../../core/model/coupons.js';
import { levelOption, segmentOption, slopeOption } from '../../../renderer/src/pages/coupons/options.js';

const cluster = (id: number, rates: number[], slope: number, lo: number, hi: number, sensitive: boolean): CouponCluster => ({
  id, size: 10, meanUseRate: 0.2, useRateByLevel: rates, useRateLow: rates.map((r) => r - 0.05), useRateHigh: rates.map((r) => r + 0.1), clickRateByLevel: rates.map(() => 0.1), useRateByMonth: [], slope, slopeLow: lo, slopeHigh: hi, sensitive,
});
const name = (id: number, s: boolean) => `C${id}${s ? '*' : ''}`;

describe('Coupons page chart options', () => {
  const clusters = [cluster(0, [0.15, 0.15, 0.14], -0.0005, -0.002, 0.001, false), cluster(1, [0.1, 0.3, 0.55], 0.0225, 0.02, 0.025, true)];

  it('use rate by level: per cluster its interval band (low, then high − low stacked) and its line, the sensitive one solid; none without clusters', () => {
    expect(levelOption([10, 20, 30], [], { discount: 'd', useRate: 'u', cluster: name })).toBeNull();
    const o = levelOption([10, 20, 30], clusters, { discount: 'd', useRate: 'u', cluster: name }) as { xAxis: { data: string[] }; legend: { data: string[] }; series: { name: string; data: number[]; stack?: string; lineStyle: { type?: string } }[] };
    expect(o.xAxis.data).toEqual(['10 %', '20 %', '30 %']);
    expect(o.legend.data).toEqual(['C0', 'C1*']);
    const lines = o.series.filter((s) => s.stack === undefined);
    expect(lines.map((s) => [s.name, s.data, s.lineStyle.type])).toEqual([['C0', [0.15, 0.15, 0.14], 'dashed'], ['C1*', [0.1, 0.3, 0.55], 'solid']]);
    const band = o.series.filter((s) => s.stack === 'band1');
    band[0].data.forEach((v, l) => expect(v).toBeCloseTo([0.05, 0.25, 0.5][l], 12));
    band[1].data.forEach((v) => expect(v).toBeCloseTo(0.15, 12));
  });

  it('slopes: bars per 10 points of discount, each with its interval as a vertical segment', () => {
    const o = slopeOption(clusters, { slope: 's', cluster: name }) as { series: { type: string; data: unknown[] }[] };
    const close = (got: unknown, want: number[]) => (got as number[]).forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
    close(o.series[0].data.map((d) => (d as { value: number }).value), [-0.005, 0.225]);
    const bars = o.series.slice(1).map((s) => s.data as number[][]);
    expect(bars.map((b) => b.map((p) => p[0]))).toEqual([[0, 0], [1, 1]]);
    close(bars.flatMap((b) => b.map((p) => p[1])), [-0.02, 0.01, 0.2, 0.25]);
  });

  it('one colour per cluster on both charts: the sensitive cluster\'s line and its slope bar match', () => {
    const level = levelOption([10, 20, 30], clusters, { discount: 'd', useRate: 'u', cluster: name }) as { series: { name: string; stack?: string; lineStyle: { color: string } }[] };
    const lineColor = new Map(level.series.filter((s) => s.stack === undefined).map((s) => [s.name, s.lineStyle.color]));
    const slopes = slopeOption(clusters, { slope: 's', cluster: name }) as { series: { data: { itemStyle: { color: string; opacity: number } }[] }[] };
    const bars = slopes.series[0].data.map((d) => d.itemStyle);
    expect(bars.map((b) => b.color)).toEqual([lineColor.get('C0'), lineColor.get('C1*')]);
    expect(bars.map((b) => b.opacity)).toEqual([0.45, 1]);
  });

  it('shares per segment: segments without clustered customers are left out', () => {
    expect(segmentOption([{ segment: 0, name: 'a', customers: 0, sensitive: 0, share: null }], 'x')).toBeNull();
    const o = segmentOption([{ segment: 0, name: 'a', customers: 4, sensitive: 1, share: 0.25 }, { segment: 1, name: 'b', customers: 0, sensitive: 0, share: null }], 'x') as { yAxis: { data: string[] }; series: { data: number[] }[] };
    expect(o.yAxis.data).toEqual(['a']);
    expect(o.series[0].data).toEqual([0.25]);
  });
});

import { describe, expect, it } from 'vitest';
import { translate } from '../../../renderer/src/i18n/translate.js';
import { makeFormatters, type Lang } from '../../../renderer/src/lib/format.js';
import type { ChartContext } from '../../../renderer/src/pages/overview/labels.js';
import { categoriesOption } from '../../../renderer/src/pages/overview/options/categories.js';
import { demographicsOption, regionsOption } from '../../../renderer/src/pages/overview/options/demographics.js';
import { channelOption, heatmapOption } from '../../../renderer/src/pages/overview/options/time.js';
import { overviewFixture } from './overview-fixture.js';

// Issue #14: money axes and tooltips of the Overview carry the project's unit; counts do not.
const ctx = (lang: Lang, currency: string): ChartContext => ({ t: (key, params) => translate(lang, key, params), fmt: makeFormatters(lang, currency) });
type Axis = { axisLabel: { formatter: (v: number) => string } };
const axisOf = (a: unknown): Axis => (Array.isArray(a) ? a[0] : a) as Axis;
const tooltipOf = (o: { tooltip?: unknown }) => (o.tooltip as { valueFormatter: (v: unknown) => string }).valueFormatter;

describe('money on the Overview charts', () => {
  const o = overviewFixture();

  it('sales axes and tooltips show ₩ in English and 만 원 in Korean', () => {
    const en = categoriesOption(o.topCategories, 'level1', 'sales', ctx('en', 'KRW'));
    expect(axisOf(en.xAxis).axisLabel.formatter(10_443_000)).toBe('₩10.4M');
    expect(tooltipOf(en)(12_000)).toBe('₩12,000');
    const ko = regionsOption(o.regions, ctx('ko', 'KRW'));
    expect(axisOf(ko.xAxis).axisLabel.formatter(10_443_000)).toBe('1,044만 원');
    expect(tooltipOf(ko)(12_000)).toBe('12,000원');
    const channel = channelOption(o.channelTrend, 'monthly', ctx('en', 'USD'));
    expect(axisOf(channel.yAxis).axisLabel.formatter(2000)).toBe('$2,000');
  });

  it('counts stay bare numbers on the same charts', () => {
    const receipts = categoriesOption(o.topCategories, 'level1', 'receipts', ctx('en', 'KRW'));
    expect(axisOf(receipts.xAxis).axisLabel.formatter(12_000)).toBe('12K');
    expect(tooltipOf(receipts)(12_000)).toBe('12,000');
    const customers = demographicsOption(o.demographics, 'customers', ctx('en', 'GBP'));
    expect(axisOf(customers.yAxis).axisLabel.formatter(30)).toBe('30');
  });

  it('the sales heatmap names its scale in money', () => {
    const h = heatmapOption(o.heatmap, 'sales', ctx('ko', 'KRW'));
    expect((h.visualMap as { formatter: (v: unknown) => string }).formatter(320_000_000)).toBe('3.2억 원');
  });

  it("shows bare numbers for a project whose currency is 'none'", () => {
    const none = categoriesOption(o.topCategories, 'level1', 'sales', ctx('en', 'none'));
    expect(axisOf(none.xAxis).axisLabel.formatter(10_443_000)).toBe('10.4M');
  });
});

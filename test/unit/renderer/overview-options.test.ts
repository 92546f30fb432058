import { describe, expect, it } from 'vitest';
import { svgWithTitle } from '../../../renderer/src/charts/svg-title.js';
import { translate } from '../../../renderer/src/i18n/translate.js';
import { makeFormatters, type Lang } from '../../../renderer/src/lib/format.js';
import { ageBandLabel, retailerLabel, weekdayNames, type ChartContext } from '../../../renderer/src/pages/overview/labels.js';
import { categoriesOption, categoryRows, themesOption } from '../../../renderer/src/pages/overview/options/categories.js';
import { demographicsOption } from '../../../renderer/src/pages/overview/options/demographics.js';
import { lpaySpendOption } from '../../../renderer/src/pages/overview/options/lpay.js';
import { priceScatterOption, skewBinLabels } from '../../../renderer/src/pages/overview/options/price.js';
import { channelOption, heatmapOption } from '../../../renderer/src/pages/overview/options/time.js';
import { asOverview } from '../../../renderer/src/pages/overview/overview-result.js';
import { overviewFixture } from './overview-fixture.js';

const ctx = (lang: Lang): ChartContext => ({ t: (key, params) => translate(lang, key, params), fmt: makeFormatters(lang) });
const series = (o: { series?: unknown }) => o.series as { name?: string; data: unknown[]; yAxisIndex?: number }[];

describe('overview labels', () => {
  it('names retailers, age bands and weekdays in both languages', () => {
    expect(retailerLabel(ctx('en'), 'A01', 'Department store')).toBe('A01 Department store');
    expect(retailerLabel(ctx('ko'), 'A01', 'Department store')).toBe('A01 백화점');
    expect(retailerLabel(ctx('en'), 'X99', null)).toBe('X99');
    expect(ageBandLabel(ctx('en'), '20-29')).toBe('20–29');
    expect(ageBandLabel(ctx('ko'), '20-29')).toBe('20대');
    expect(ageBandLabel(ctx('ko'), 'unknown')).toBe('알 수 없음');
    expect(weekdayNames(ctx('en'))).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(weekdayNames(ctx('ko'))).toEqual(['월', '화', '수', '목', '금', '토', '일']);
  });
});

describe('overview chart options', () => {
  const o = overviewFixture();

  it('demographics: one bar series per gender, zero where a cell is missing', () => {
    const opt = demographicsOption(o.demographics, 'customers', ctx('ko'));
    expect(series(opt).map((s) => s.name)).toEqual(['여성', '남성']);
    expect(series(opt).map((s) => s.data)).toEqual([
      [2, 0],
      [0, 1],
    ]);
  });

  it('channel trend: channels as lines plus the online share on the right axis', () => {
    const s = series(channelOption(o.channelTrend, 'monthly', ctx('en')));
    expect(s.map((x) => x.name)).toEqual(['Offline', 'Online', 'Online share']);
    expect(s[2].yAxisIndex).toBe(1);
  });

  it('heatmap: one cell per weekday and hour', () => {
    const opt = heatmapOption(o.heatmap, 'receipts', ctx('en'));
    const data = series(opt)[0].data as [number, number, number][];
    expect(data).toHaveLength(7 * 24);
    expect(data.find(([h, w]) => h === 23 && w === 6)).toEqual([23, 6, 138]);
  });

  it('top categories: level 2 falls back to level 1 when the data has none', () => {
    expect(categoryRows(o.topCategories, 'level2', 'sales')).toBe(o.topCategories.level1.bySales);
    const opt = categoriesOption(o.topCategories, 'level1', 'receipts', ctx('en'));
    expect(series(opt)[0].data).toEqual([40, 60]);
  });

  it('retailer themes: one grid, axis pair and series per retailer', () => {
    const opt = themesOption(o.retailerThemes, ctx('en'));
    expect(opt.grid).toHaveLength(2);
    expect(opt.xAxis).toHaveLength(2);
    expect(series(opt)).toHaveLength(2);
  });

  it('price spread: products without a shape estimate are left out of the scatter', () => {
    const opt = priceScatterOption(o.priceSpread, ctx('en'));
    expect(series(opt)[0].data).toEqual([[3.2, 12.5, 40]]);
    expect(skewBinLabels(o.priceSpread, ctx('en'))).toEqual(['< -1', '-1 – 1', '≥ 1']);
  });

  it('L.pay spend: users against others on three measures', () => {
    const s = series(lpaySpendOption(o.lpay, ctx('en')));
    expect(s).toHaveLength(6);
    expect(s.map((x) => x.data[0])).toEqual([500, 250, 5, 2, 100, 125]);
  });
});

describe('asOverview', () => {
  it('accepts a result with every panel and rejects anything else', () => {
    expect(asOverview(overviewFixture())).not.toBeNull();
    const broken = { ...overviewFixture(), heatmap: undefined };
    expect(asOverview(broken)).toBeNull();
    expect(asOverview(null)).toBeNull();
    expect(asOverview('overview')).toBeNull();
  });
});

describe('svgWithTitle', () => {
  it('nests the chart under an escaped title', () => {
    const out = svgWithTitle('<svg width="10" height="5" viewBox="0 0 10 5"><rect/></svg>', 'Sales <A&B>', 10, 5);
    expect(out).toContain('<svg x="0" y="36" width="10"');
    expect(out).toContain('Sales &lt;A&amp;B&gt;');
    expect(out).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*height="41"/);
  });
});

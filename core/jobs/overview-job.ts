import type { z } from 'zod';
import { analysePriceSpread, median, PRICE_SPREAD_DEFAULTS, priceSpreadPanel, spreadRuleText } from '../analysis/eda/index.js';
import { sha256Text } from '../data/hash.js';
import { epochDay } from '../data/import/values.js';
import { openProject, type Db } from '../data/store/open.js';
import { dataCapabilities, missingFieldReason } from '../data/store/queries/capabilities.js';
import {
  ALL_DAYS, channelTrendPanel, cohortRows, demographicsPanel, firstLevelPass, heatmapPanel, kpiPanel, lpayPanel, partnerSalesPanel, priceDistributions,
  priceSums, productMeta, receiptsContiguous, regionPanel, retailerSalesPanel, retailerThemesPanel, secondLevelPass, topCategoriesPanel, type DayRange,
} from '../data/store/queries/overview/index.js';
import { dataFingerprint } from '../data/store/runs.js';
import type { OverviewExplore } from '../model/overview-explore.js';
import { overviewExplore, STORED_EXPLORE_FIELD } from '../service/overview-explore.js';
import { OVERVIEW_DEFAULTS, type OverviewResult, type PriceSpreadPanel, type RetailerThemesPanel, type TopCategoriesPanel } from '../model/overview.js';
import { recordRun } from './run-record.js';
import { date, defineParams } from './param-spec.js';
import type { JobDefinition } from './types.js';

const { schema: params, info: paramInfo } = defineParams(
  {
    from: date({
      valid: (s) => toDay(s) !== undefined,
      label: { en: 'First day', ko: '시작일' },
      help: { en: 'First day (YYYY-MM-DD) of the period shown; default: the first day of the data.', ko: '보여 줄 기간의 첫날(YYYY-MM-DD). 기본값은 데이터의 첫날.' },
    }),
    to: date({
      valid: (s) => toDay(s) !== undefined,
      label: { en: 'Last day', ko: '종료일' },
      help: { en: 'Last day (YYYY-MM-DD) of the period shown, included; default: the last day of the data.', ko: '보여 줄 기간의 마지막 날(YYYY-MM-DD, 포함). 기본값은 데이터의 마지막 날.' },
    }),
  },
  { refine: [{ check: (p) => p.from === undefined || p.to === undefined || p.from <= p.to, message: 'from must not be after to' }] },
);
export type OverviewParams = z.output<typeof params>;

/**
 * The steps of computeOverview, in order: one per panel, plus 'receipt-layout' (a check the
 * category passes need) and a second pass over the lines for the top categories and the price
 * spread (see computeOverview).
 */
export const OVERVIEW_STEPS = [
  'kpis', 'demographics', 'regions', 'retailerSales', 'partnerSales', 'channelTrend', 'heatmap',
  'receipt-layout', 'categories-1', 'categories-2', 'prices-1', 'prices-2', 'lpay', 'cohort',
] as const;
export type OverviewStep = (typeof OVERVIEW_STEPS)[number];

export interface OverviewHooks {
  /** Before each step; may throw (cancel). */
  onStep?(step: OverviewStep, index: number, total: number): void;
  /** After each step, with its wall time. */
  onStepDone?(step: OverviewStep, ms: number): void;
  /** Between chunks of a long step; may throw (cancel). */
  onChunk?(step: OverviewStep, done: number, total: number): void;
}

/**
 * Every panel of the Overview on an open project, in OVERVIEW_STEPS order. 'receipt-layout' checks
 * once whether receipts' lines are contiguous, which the category passes rely on. 'categories-1' is the
 * 대분류 × retailer pass behind both the top categories and the retailer themes, 'categories-2'
 * the 중분류 pass; 'prices-1' sums the unit-price powers of every product and flags the extreme
 * ones, 'prices-2' reads the flagged products' prices for exact percentiles. Aggregation is SQL
 * (core/data/store/queries/overview); what SQL cannot do well (price shape, percentiles, medians)
 * is pure functions (core/analysis/eda).
 *
 * Data without amounts or products (issue #10): product panels (top categories, retailer themes,
 * price spread) say in one sentence why they are empty; panels that chart only sales (regions,
 * monthly sales by retailer, online vs offline) are unavailable for the same one-sentence reason;
 * panels with a count to show as well (KPIs, demographics, weekday × hour, top categories by
 * baskets) keep their counts and carry `moneyReason` instead of showing sales of 0.
 */
export function computeOverview(db: Db, range: DayRange, hooks: OverviewHooks = {}): Omit<OverviewResult, 'period'> {
  const caps = dataCapabilities(db);
  const productReason = missingFieldReason(caps, 'This panel', ['products']);
  const priceReason = missingFieldReason(caps, 'The price spread', ['products', 'amounts']);
  const moneyReason = caps.amounts || !caps.lines ? null : "Sales are unknown: this project's data has no amounts (no amount or unit price column was imported).";
  const money = <T extends object>(panel: T): T => (moneyReason === null ? panel : { ...panel, moneyReason });
  const salesOnly = <T extends { available: boolean; reason?: string }>(panel: T): T => (moneyReason === null || !panel.available ? panel : { ...panel, available: false, reason: moneyReason });
  let index = 0;
  const step = <T>(name: OverviewStep, fn: () => T): T => {
    hooks.onStep?.(name, index++, OVERVIEW_STEPS.length);
    const t0 = performance.now();
    const out = fn();
    hooks.onStepDone?.(name, performance.now() - t0);
    return out;
  };
  const kpis = money(step('kpis', () => kpiPanel(db, range)));
  const demographics = money(step('demographics', () => demographicsPanel(db, range)));
  const regions = salesOnly(step('regions', () => regionPanel(db, range)));
  const retailerSales = salesOnly(step('retailerSales', () => retailerSalesPanel(db, range)));
  const partnerSales = step('partnerSales', () => partnerSalesPanel(db, range));
  const channelTrend = salesOnly(step('channelTrend', () => channelTrendPanel(db, range)));
  const heatmap = money(step('heatmap', () => heatmapPanel(db, range)));
  const retailers = retailerSales.series.map((x) => x.key).filter((k) => k !== 'unknown');
  let topCategories: TopCategoriesPanel, retailerThemes: RetailerThemesPanel, priceSpread: PriceSpreadPanel;
  if (productReason !== null) {
    // Every step still reports, so progress bars count the same steps on every project.
    for (const s of ['receipt-layout', 'categories-1', 'categories-2'] as const) step(s, () => null);
    topCategories = { available: false, reason: productReason, basis: 'product', level1: { bySales: [], byReceipts: [] }, level2: null };
    retailerThemes = { available: false, reason: productReason, retailers: [] };
  } else {
    const contiguous = step('receipt-layout', () => receiptsContiguous(db));
    const first = step('categories-1', () => firstLevelPass(db, range, retailers, contiguous));
    topCategories = money(step('categories-2', () => topCategoriesPanel(first, secondLevelPass(db, range, contiguous), kpis.purchaseReceipts, OVERVIEW_DEFAULTS.topN)));
    retailerThemes = salesOnly(retailerThemesPanel(first, OVERVIEW_DEFAULTS.themeTopN));
  }
  if (priceReason !== null) {
    for (const s of ['prices-1', 'prices-2'] as const) step(s, () => null);
    priceSpread = { available: false, reason: priceReason, minPurchases: PRICE_SPREAD_DEFAULTS.minPurchases, productsAnalysed: 0, productsFlagged: 0, rule: spreadRuleText(PRICE_SPREAD_DEFAULTS), flagged: [], skewHistogram: [] };
  } else {
    const spread = step('prices-1', () => analysePriceSpread(priceSums(db, range, (done, total) => hooks.onChunk?.('prices-1', done, total))));
    priceSpread = step('prices-2', () => priceSpreadPanel(spread, priceDistributions(db, range, spread.flaggedIds), productMeta(db, spread.flaggedIds)));
  }
  const lpay = step('lpay', () => lpayPanel(db, range));
  const cohort = step('cohort', () => {
    const c = cohortRows(db, range, OVERVIEW_DEFAULTS.cohortAmount);
    return { ...c.panel, medianDaysToSecond: c.gapsDays.length > 0 ? median(c.gapsDays) : null };
  });
  return { kpis, demographics, regions, retailerSales, partnerSales, channelTrend, heatmap, topCategories, priceSpread, lpay, cohort, retailerThemes };
}

/** Overview / EDA (SPEC §3.1): headline KPIs and the panels of the Overview page. */
export const overviewJob: JobDefinition<OverviewParams, OverviewResult & { runId: number }> = {
  id: 'overview',
  title: 'Overview',
  titleKo: '개요',
  description: 'Headline KPIs; customers by gender × age; sales by region; monthly sales by retailer and partner; online vs offline; weekday × hour; top categories; price spread (skewness, kurtosis, extreme products); L.pay adoption; the 100-won cohort; retailer themes.',
  descriptionKo: '주요 KPI; 성별 × 연령별 고객; 지역별 매출; 유통사·제휴사별 월 매출; 온라인 대 오프라인; 요일 × 시간; 상위 카테고리; 가격 분포(왜도, 첨도, 극단 상품); L.pay 도입; 100원 코호트; 유통사별 테마.',
  isAnalysis: true,
  params,
  paramInfo,
  async run(ctx, p) {
    const db = openProject(ctx.project);
    try {
      const range: DayRange = { from: p.from === undefined ? ALL_DAYS.from : (toDay(p.from) as number), to: p.to === undefined ? ALL_DAYS.to : (toDay(p.to) as number) };
      // One read transaction: every panel sees the same snapshot even if an import commits meanwhile
      // (the temp tables the queries aggregate into live outside the project file).
      db.exec('BEGIN');
      let panels: Omit<OverviewResult, 'period'>;
      let explore: OverviewExplore | undefined;
      try {
        panels = computeOverview(db, range, {
          onStep: (step, done, total) => {
            ctx.throwIfCancelled();
            ctx.progress({ phase: 'overview', done, total, unit: 'panels', message: step });
          },
          onChunk: () => ctx.throwIfCancelled(),
        });
        // The unfiltered Overview for every file, stored with the run (issue #16): on a large project it
        // takes as long as the panels above, and getOverviewExplore then answers it from here
        // (core/service/overview-explore.ts exploreAnswer); only filtered requests compute live.
        if (p.from === undefined && p.to === undefined) {
          ctx.throwIfCancelled();
          explore = overviewExplore(db, {});
        }
      } finally {
        db.exec('COMMIT');
      }
      ctx.progress({ phase: 'overview', done: OVERVIEW_STEPS.length, total: OVERVIEW_STEPS.length, unit: 'panels' });
      const result: OverviewResult = { period: { from: p.from ?? null, to: p.to ?? null }, ...panels };
      const runId = recordRun(db, ctx, 'overview', p, explore === undefined ? result : { ...result, [STORED_EXPLORE_FIELD]: explore }, dataFingerprint(db, sha256Text));
      return { ...result, runId };
    } finally {
      db.close();
    }
  },
};

/** Epoch day of an ISO date "YYYY-MM-DD", or undefined when it is not one. */
function toDay(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? epochDay(+m[1], +m[2], +m[3]) : undefined;
}
